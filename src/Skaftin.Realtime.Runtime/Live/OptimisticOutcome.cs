namespace Skaftin.Realtime;

/// <summary>How an optimistic change of a <see cref="LiveTable{TRow, TKey}"/> ended.</summary>
public enum OptimisticOutcome
{
    /// <summary>The server's change to the row arrived; the table shows the server's row.</summary>
    Confirmed,

    /// <summary>The app rolled it back (its write failed); the table shows the row as the server last said.</summary>
    RolledBack,

    /// <summary>No change to the row arrived from the server in time; rolled back.</summary>
    TimedOut,

    /// <summary>A later optimistic change to the same row replaced it.</summary>
    Superseded,

    /// <summary>The table was disposed first.</summary>
    Abandoned,
}
