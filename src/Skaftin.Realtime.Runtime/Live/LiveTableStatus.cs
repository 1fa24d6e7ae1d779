namespace Skaftin.Realtime;

/// <summary>Whether the rows a <see cref="LiveTable{TRow, TKey}"/> shows can be trusted (its <see cref="LiveTable{TRow, TKey}.Status"/>).</summary>
public enum LiveTableStatus
{
    /// <summary>Loaded, and kept current by the table's events.</summary>
    Live,

    /// <summary>A reload is running (after a resync signal, a change that could not be applied, or <see cref="LiveTable{TRow, TKey}.ReloadAsync"/>); events are buffered meanwhile.</summary>
    Reloading,

    /// <summary>
    /// The last reload failed (<see cref="LiveTable{TRow, TKey}.LastError"/> says why): the rows shown are the last ones
    /// loaded, which the database may no longer hold, and the reload is being retried.
    /// </summary>
    Stale,
}
