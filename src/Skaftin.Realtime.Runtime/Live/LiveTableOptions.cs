using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>Settings of a <see cref="LiveTable{TRow, TKey}"/>.</summary>
public sealed class LiveTableOptions
{
    /// <summary>
    /// Where <see cref="LiveTable{TRow, TKey}.CollectionChanged"/> is raised; null (default) raises it on the thread that
    /// applied the change. Set it to a UI thread's context to bind the table to a view. Notifications are handed over
    /// with <see cref="SynchronizationContext.Send"/>, so they keep their order.
    /// </summary>
    public SynchronizationContext? NotificationContext { get; set; }

    /// <summary>Only rows of this project are kept (events of other joined projects are ignored). Null keeps all.</summary>
    public string? ProjectId { get; set; }

    /// <summary>How long to wait before retrying a failed load. Default 1 s; each retry doubles it, up to 30 s.</summary>
    public TimeSpan RetryDelay { get; set; } = TimeSpan.FromSeconds(1);
}
