using System;
using System.Collections.Generic;
using System.Threading;

namespace Skaftin.Realtime;

// The rows: the server's as its events say, the app's optimistic ones over them, and the queue of what the app is to
// be shown. Everything here runs under _gate and calls no app code; Show (LiveTable.Drain.cs) shows the queue.
public sealed partial class LiveTable<TRow, TKey>
{
    // Ends an optimistic change the app or its timer gave up on, showing the server's row again.
    internal void Resolve(OptimisticChange<TRow, TKey> change, OptimisticOutcome outcome)
    {
        lock (_gate)
        {
            if (!_optimistic.TryGetValue(change.Key, out var current) || !ReferenceEquals(current, change))
            {
                return; // ended already
            }

            var before = Shown(change.Key);
            _optimistic.Remove(change.Key);
            QueueShown(change.Key, before);
            _ended.Add((change, outcome));
        }

        CompleteEnded();
        Show(batched: false);
    }

    private OptimisticChange<TRow, TKey> StartOptimistic(TKey key, TRow? row, TimeSpan? timeout)
    {
        var wait = timeout ?? _options.OptimisticTimeout;
        if (wait <= TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(timeout), wait, "An optimistic change needs a positive timeout.");
        }

        var change = new OptimisticChange<TRow, TKey>(this, key, row);
        lock (_gate)
        {
            if (_disposed)
            {
                throw new ObjectDisposedException(GetType().Name);
            }

            var before = Shown(key);
            if (_optimistic.TryGetValue(key, out var superseded))
            {
                _ended.Add((superseded, OptimisticOutcome.Superseded));
            }

            _optimistic[key] = change;
            QueueShown(key, before);
        }

        change.StartTimer(_options.TimeProvider, wait);
        CompleteEnded();
        Show(batched: false);
        return change;
    }

    private void OnChange(RowChange<TRow, TKey> change)
    {
        if (_options.ProjectId is { } project && change.ProjectId != project)
        {
            return;
        }

        bool show;
        var arm = false;
        lock (_gate)
        {
            if (_loading)
            {
                _buffer.Add(change);
                return;
            }

            // Shown now, unless nothing the app sees changed or a debounce window is open (its timer shows it).
            show = Apply(change) && _batchTimer is null;
            if (!show && _batchTimer is not null && _pending.Count > 0 && !_batchArmed)
            {
                _batchArmed = true;
                arm = true;
            }
        }

        // The clock is the app's (a TimeProvider): it is not called under the lock.
        if (arm)
        {
            _batchTimer!.Change(_options.BatchWindow, Timeout.InfiniteTimeSpan);
        }

        // A change that altered nothing shown may still have confirmed an optimistic change.
        CompleteEnded();
        if (show)
        {
            Show(batched: false);
        }

        ReloadIfNeeded();
    }

    // Called under _gate: applies a change to _rows and queues it to be shown. False when nothing changed.
    private bool Apply(RowChange<TRow, TKey> change)
    {
        TKey key;
        TRow? row;
        switch (change)
        {
            case RowInserted<TRow, TKey> inserted:
                key = _table.Reader.GetKey(inserted.Row);
                row = inserted.Row;
                break;
            case RowUpdated<TRow, TKey> updated:
                key = _table.Reader.GetKey(updated.Row);
                row = updated.Row;
                break;
            case RowPatched<TRow, TKey> patched:
                // Only some columns came: the rest are the row's as the table holds it. A patch to a row it does not
                // hold (or cannot complete) says the rows are not what the server has: only a reload can tell.
                key = patched.Key;
                if (!_rows.TryGetValue(key, out var current) || !patched.Patch.TryApplyTo(current, out var merged))
                {
                    _reloadNeeded = true;
                    return false;
                }

                row = merged;
                break;
            case RowDeleted<TRow, TKey> deleted:
                key = deleted.Key;
                row = null;
                break;
            default:
                return false;
        }

        // Arrival order is the order: the connection delivers one project's changes in the order the server sent them
        // (a recovered session resumes after the last offset seen), whatever the clocks of the instances that sent them.
        var before = Shown(key);

        // The server's change to a row confirms the optimistic change to it: the server's row is shown from now on.
        if (_optimistic.TryGetValue(key, out var confirmed))
        {
            _optimistic.Remove(key);
            _ended.Add((confirmed, OptimisticOutcome.Confirmed));
        }

        if (row is null)
        {
            _rows.Remove(key);
        }
        else
        {
            _rows[key] = row;
        }

        return QueueShown(key, before);
    }

    // Under _gate: the row the app sees for a key (its optimistic change, else the server's row), null when none.
    private TRow? Shown(TKey key) =>
        _optimistic.TryGetValue(key, out var optimistic) ? optimistic.Row
        : _rows.TryGetValue(key, out var row) ? row
        : null;

    // Under _gate: queues the change of what the app sees for a key; false when it did not change (a duplicate).
    private bool QueueShown(TKey key, TRow? before)
    {
        var after = Shown(key);
        if (after is null ? before is null : before is not null && EqualityComparer<TRow>.Default.Equals(before, after))
        {
            return false;
        }

        _pending.Add(after is null ? LiveEdit<TRow, TKey>.Delete(key) : LiveEdit<TRow, TKey>.Upsert(key, after));
        return true;
    }

    // Under _gate: every row the app sees.
    private List<TRow> ShownRows()
    {
        var rows = new List<TRow>(_rows.Count + _optimistic.Count);
        foreach (var pair in _rows)
        {
            if (!_optimistic.ContainsKey(pair.Key))
            {
                rows.Add(pair.Value);
            }
        }

        foreach (var optimistic in _optimistic.Values)
        {
            if (optimistic.Row is { } row)
            {
                rows.Add(row);
            }
        }

        return rows;
    }

    // Completes the optimistic changes that ended while _gate was held (their continuations run elsewhere).
    private void CompleteEnded()
    {
        List<(OptimisticChange<TRow, TKey> Change, OptimisticOutcome Outcome)> ended;
        lock (_gate)
        {
            if (_ended.Count == 0)
            {
                return;
            }

            ended = new List<(OptimisticChange<TRow, TKey>, OptimisticOutcome)>(_ended);
            _ended.Clear();
        }

        foreach (var (change, outcome) in ended)
        {
            change.Complete(outcome);
        }
    }
}
