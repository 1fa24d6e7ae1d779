using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// A row a <see cref="LiveTable{TRow, TKey}"/> shows before the server confirms it (see
/// <see cref="LiveTable{TRow, TKey}.ApplyOptimistic"/>). The next change to the same key the server sends confirms it
/// (the server's row is shown); <see cref="Rollback"/> or the timeout restore the row as the server last said.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class OptimisticChange<TRow, TKey>
    where TRow : class
    where TKey : notnull
{
    private readonly LiveTable<TRow, TKey> _table;
    private readonly TaskCompletionSource<OptimisticOutcome> _outcome = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private ITimer? _timer;

    internal OptimisticChange(LiveTable<TRow, TKey> table, TKey key, TRow? row)
    {
        _table = table;
        Key = key;
        Row = row;
    }

    /// <summary>The key of the row.</summary>
    public TKey Key { get; }

    /// <summary>The row shown meanwhile; null for an optimistic delete.</summary>
    public TRow? Row { get; }

    /// <summary>Completes with how the change ended; it never faults.</summary>
    public Task<OptimisticOutcome> Outcome => _outcome.Task;

    /// <summary>Takes the change back (call it when the app's write failed). Does nothing once the change has ended.</summary>
    public void Rollback() => _table.Resolve(this, OptimisticOutcome.RolledBack);

    internal void StartTimer(TimeProvider time, TimeSpan timeout)
    {
        var timer = time.CreateTimer(static state => ((OptimisticChange<TRow, TKey>)state!).TimedOut(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        Volatile.Write(ref _timer, timer);
        if (_outcome.Task.IsCompleted)
        {
            timer.Dispose();
            return;
        }

        timer.Change(timeout, Timeout.InfiniteTimeSpan);
    }

    internal void Complete(OptimisticOutcome outcome)
    {
        _outcome.TrySetResult(outcome);
        Volatile.Read(ref _timer)?.Dispose();
    }

    private void TimedOut() => _table.Resolve(this, OptimisticOutcome.TimedOut);
}
