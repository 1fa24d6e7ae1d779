using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// Settings of a <see cref="LiveTable{TRow, TKey}"/>. Rows are ordered by key; to order them otherwise, use
/// <see cref="LiveTableOptions{TRow}"/> and set its <see cref="LiveTableOptions{TRow}.Order"/>. A live table copies
/// the settings when it starts: changing them afterwards has no effect on it.
/// </summary>
public class LiveTableOptions
{
    /// <summary>
    /// Where <see cref="LiveTable{TRow, TKey}.CollectionChanged"/> and <see cref="LiveTable{TRow, TKey}.PropertyChanged"/>
    /// are raised; null (default) raises them on the thread that applied the change. Set it to a UI thread's context to
    /// bind the table to a view: the rows the table shows (its indexer, <see cref="LiveTable{TRow, TKey}.Count"/>, its
    /// enumerator) then change only on that context, each change followed at once by its notification. Changes made off
    /// the context are handed over with <see cref="SynchronizationContext.Post"/> (nothing waits for the UI thread) and
    /// shown there in the order they were made; changes made on the context show at once.
    /// </summary>
    public SynchronizationContext? NotificationContext { get; set; }

    /// <summary>Only rows of this project are kept (events of other joined projects are ignored). Null keeps all.</summary>
    public string? ProjectId { get; set; }

    /// <summary>
    /// How long to wait before retrying a failed reload (the table is <see cref="LiveTableStatus.Stale"/> meanwhile).
    /// Default 1 s; each retry doubles it, up to <see cref="MaxRetryDelay"/>. Positive.
    /// </summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>The longest wait between two retries of a failed reload. Default 30 s; at least <see cref="RetryDelay"/>.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Debounces bursts of changes. Zero (default) shows every change at once with its own notification. When positive,
    /// the first change starts a window of this length; the changes that arrive within it are shown together when it
    /// ends: a lone change raises its own notification (Add, Remove, Replace, Move), two or more raise one
    /// <see cref="System.Collections.Specialized.NotifyCollectionChangedAction.Reset"/>. A reload is shown at once.
    /// </summary>
    public TimeSpan BatchWindow { get; set; } = TimeSpan.Zero;

    /// <summary>How long an optimistic change waits for the server's change before it is rolled back. Default 30 s.</summary>
    public TimeSpan OptimisticTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// The clock of <see cref="BatchWindow"/>, <see cref="OptimisticTimeout"/>, the waits between reload retries
    /// (<see cref="RetryDelay"/>) and <see cref="LiveTable{TRow, TKey}.LastChangedAt"/>. Default <see cref="TimeProvider.System"/>.
    /// </summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>A copy of every setting (and of <see cref="LiveTableOptions{TRow}.Order"/>), taken when a live table starts.</summary>
    internal LiveTableOptions Snapshot() => (LiveTableOptions)MemberwiseClone();
}
