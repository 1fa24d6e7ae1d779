using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

// Showing: the queued changes reach the view (and the app's handlers) in the order they were made, one drainer at a
// time, with no lock held while an app handler runs.
public sealed partial class LiveTable<TRow, TKey>
{
    private static readonly SendOrPostCallback DrainNow = static state => ((LiveTable<TRow, TKey>)state!).Drain(batched: false);
    private static readonly SendOrPostCallback DrainBatched = static state => ((LiveTable<TRow, TKey>)state!).Drain(batched: true);

    // Shows the queued changes on the notification context: handed over, never waited for, so the caller (the client's
    // dispatch thread, a timer, a reload) does not block on a busy UI thread. On the context itself they show at once.
    private void Show(bool batched)
    {
        if (_options.NotificationContext is not { } context || SynchronizationContext.Current == context)
        {
            Drain(batched);
            return;
        }

        try
        {
            context.Post(batched ? DrainBatched : DrainNow, this);
        }
        catch (Exception ex)
        {
            // The context takes no more work (its loop has ended): reported, and shown here rather than held back forever.
            _table.EventRouter.ReportLiveTableHandlerFailure(TableName, nameof(LiveTableOptions.NotificationContext), ex);
            Drain(batched);
        }
    }

    // Applies the queued changes to the view in order, each step followed by its notification. There is one drainer:
    // a caller that finds one at work (another thread, or an app handler the drainer is running, re-entrant) leaves its
    // change queued and returns; the drainer shows it after what was queued before it. No lock is held while the app's
    // handlers run, so a handler may edit the table, or wait for another thread that does, without a deadlock or a
    // change shown out of order. A debounced burst of two or more changes (or any reload) is applied silently and
    // raises one Reset.
    private void Drain(bool batched)
    {
        lock (_gate)
        {
            if (_draining)
            {
                return;
            }

            _draining = true;
        }

        var done = false;
        try
        {
            while (true)
            {
                List<LiveEdit<TRow, TKey>>? edits = null;
                TaskCompletionSource<bool>? shown = null;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        _draining = false;
                        done = true;
                        shown = _shown; // everything made so far is shown: StartAsync may return
                        _shown = null;
                    }
                    else
                    {
                        edits = new List<LiveEdit<TRow, TKey>>(_pending);
                        _pending.Clear();
                    }
                }

                if (edits is null)
                {
                    shown?.TrySetResult(true);
                    return;
                }

                ShowEdits(edits, batched);
            }
        }
        finally
        {
            if (!done)
            {
                // A view that threw (an app comparer): let the next caller drain what is left.
                lock (_gate)
                {
                    _draining = false;
                }
            }
        }
    }

    // Completes once every change made so far is shown (on the notification context, when one is set).
    private Task WhenShownAsync(CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            if (_pending.Count == 0 && !_draining)
            {
                return Task.CompletedTask;
            }

            _shown ??= new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            return _shown.Task.WaitAsync(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken);
        }
    }

    // Only the drainer calls it.
    private void ShowEdits(List<LiveEdit<TRow, TKey>> edits, bool batched)
    {
        var countBefore = _view.Count;
        var rowEdits = 0;
        var reset = false;
        foreach (var edit in edits)
        {
            rowEdits += edit.ChangesRows ? 1 : 0;
            reset |= edit.Kind == LiveEditKind.Reset;
        }

        // Collapsed, a load's end and its status are told after its rows are shown.
        var collapse = reset || (batched && rowEdits > 1);
        var loadingChanged = false;
        LiveEdit<TRow, TKey>? statusChanged = null;
        foreach (var edit in edits)
        {
            switch (edit.Kind)
            {
                case LiveEditKind.LoadingChanged when collapse:
                    loadingChanged = true;
                    continue;
                case LiveEditKind.LoadingChanged:
                    RaisePropertyChanged(nameof(IsLoading));
                    continue;
                case LiveEditKind.StatusChanged when collapse:
                    statusChanged = edit;
                    continue;
                case LiveEditKind.StatusChanged:
                    ShowStatus(edit);
                    continue;
            }

            var before = _view.Count;
            _view.Apply(edit, collapse ? null : RaiseCollectionChanged);
            if (!collapse)
            {
                RaiseRowsChanged(before);
            }
        }

        if (collapse)
        {
            RaiseCollectionChanged(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
            RaiseRowsChanged(countBefore);
            if (loadingChanged)
            {
                RaisePropertyChanged(nameof(IsLoading));
            }

            if (statusChanged is not null)
            {
                ShowStatus(statusChanged);
            }
        }
    }

    // Only the drainer calls it.
    private void ShowStatus(LiveEdit<TRow, TKey> edit)
    {
        bool statusChanged;
        bool errorChanged;
        lock (_gate)
        {
            statusChanged = _shownStatus != edit.Status;
            errorChanged = !ReferenceEquals(_shownError, edit.Error);
            _shownStatus = edit.Status;
            _shownError = edit.Error;
        }

        if (statusChanged)
        {
            RaisePropertyChanged(nameof(Status));
        }

        if (errorChanged)
        {
            RaisePropertyChanged(nameof(LastError));
        }
    }

    // Only the drainer calls it, after rows changed.
    private void RaiseRowsChanged(int countBefore)
    {
        if (_view.Count != countBefore)
        {
            RaisePropertyChanged(nameof(Count));
        }

        RaisePropertyChanged("Item[]");
        var now = _options.TimeProvider.GetUtcNow();
        lock (_gate)
        {
            _lastChangedAt = now;
        }

        RaisePropertyChanged(nameof(LastChangedAt));
    }

    private void RaiseCollectionChanged(NotifyCollectionChangedEventArgs args)
    {
        if (CollectionChanged is not { } handler)
        {
            return;
        }

        try
        {
            handler(this, args);
        }
        catch (Exception ex)
        {
            _table.EventRouter.ReportLiveTableHandlerFailure(TableName, nameof(CollectionChanged), ex);
        }
    }

    private void RaisePropertyChanged(string property)
    {
        if (PropertyChanged is not { } handler)
        {
            return;
        }

        try
        {
            handler(this, new PropertyChangedEventArgs(property));
        }
        catch (Exception ex)
        {
            _table.EventRouter.ReportLiveTableHandlerFailure(TableName, nameof(PropertyChanged), ex);
        }
    }
}
