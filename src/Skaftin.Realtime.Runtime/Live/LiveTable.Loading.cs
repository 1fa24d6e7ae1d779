using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

// Loading: the first load, reloads (asked for by the app, a resync signal, or a change that could not be applied),
// their retries, and the status they leave the table in.
public sealed partial class LiveTable<TRow, TKey>
{
    private async Task LoadAsync(bool first, CancellationToken cancellationToken)
    {
        bool applied;
        try
        {
            applied = await LoadRowsAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (Exception) when (!first && !_lifetime.IsCancellationRequested)
        {
            // The app hears of it (the exception, and the Stale status); the rows must not stay stale: keep trying.
            _currentLoad = ReloadWithRetryAsync(afterFailure: true);
            throw;
        }

        if (applied)
        {
            RaiseLoaded();
        }

        ReloadIfNeeded();
    }

    // Loads and applies the rows; false when a later load superseded this one. Runs no app code but the loader, outside
    // the lock. A failure of the latest load makes the table Stale (with the error), then is rethrown.
    private async Task<bool> LoadRowsAsync(CancellationToken cancellationToken)
    {
        int generation;
        lock (_gate)
        {
            if (!_loading)
            {
                _pending.Add(LiveEdit<TRow, TKey>.LoadingChanged());
            }

            // A table already Stale stays Stale (with its error) while it retries: the rows are no better meanwhile.
            if (_status == LiveTableStatus.Live)
            {
                SetStatus(LiveTableStatus.Reloading, null);
            }

            _loading = true;
            generation = ++_loadGeneration;
        }

        Show(batched: false);

        IReadOnlyList<TRow> rows;
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
            rows = await _loader(linked.Token).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            MarkStale(generation, ex);
            throw;
        }

        lock (_gate)
        {
            // A later load (a second resync meanwhile) wins; this one's rows are already out of date.
            if (generation != _loadGeneration)
            {
                return false;
            }

            _rows.Clear();
            foreach (var row in rows)
            {
                _rows[_table.Reader.GetKey(row)] = row;
            }

            // Events buffered during the load come after the snapshot: apply them in order. Their effects may already
            // be in the snapshot; applying an insert, update or delete again leaves the same result.
            foreach (var change in _buffer)
            {
                Apply(change);
            }

            _buffer.Clear();
            _loading = false;

            // The reload shows every row at once: changes not shown yet are in it.
            _pending.RemoveAll(static edit => edit.ChangesRows);
            _pending.Add(LiveEdit<TRow, TKey>.Reset(ShownRows()));
            _pending.Add(LiveEdit<TRow, TKey>.LoadingChanged());
            SetStatus(LiveTableStatus.Live, null);
        }

        CompleteEnded();
        return true;
    }

    // The latest load failed: the rows shown are the last ones loaded, which the database may no longer hold. They are
    // kept (not cleared): a failed load says nothing about the rows, and most failures (a timeout, a 503 while the
    // backend restarts) pass; the status and its error tell the app, which may hide them (see the README).
    private void MarkStale(int generation, Exception error)
    {
        lock (_gate)
        {
            if (generation != _loadGeneration || _disposed)
            {
                return; // a later load decides
            }

            SetStatus(LiveTableStatus.Stale, error);
        }

        Show(batched: false);
    }

    // Under _gate: the status changes, told to the app in order with the rows' changes.
    private void SetStatus(LiveTableStatus status, Exception? error)
    {
        if (_status == status && ReferenceEquals(_error, error))
        {
            return;
        }

        _status = status;
        _error = error;
        _pending.Add(LiveEdit<TRow, TKey>.StatusChanged(status, error));
    }

    private void RaiseLoaded()
    {
        Show(batched: false);
        if (Loaded is { } loaded)
        {
            try
            {
                loaded(Count);
            }
            catch (Exception ex)
            {
                _table.EventRouter.ReportLiveTableHandlerFailure(TableName, nameof(Loaded), ex);
            }
        }
    }

    // A patch could not be completed (under _gate it only sets the flag): reload, as for an undecodable change.
    private void ReloadIfNeeded()
    {
        lock (_gate)
        {
            if (!_reloadNeeded)
            {
                return;
            }

            _reloadNeeded = false;
        }

        _currentLoad = ReloadWithRetryAsync(afterFailure: false);
    }

    private void OnBatchWindowEnded()
    {
        lock (_gate)
        {
            _batchArmed = false;
        }

        Show(batched: true);
    }

    private void OnResync(ResyncRequired signal)
    {
        if (_options.ProjectId is { } project && signal.ProjectId is { } affected && affected != project)
        {
            return;
        }

        _currentLoad = ReloadWithRetryAsync(afterFailure: false);
    }

    // A change to this table that could not be decoded (already reported) may hide a changed row: reload.
    private void OnDeliveryError(RealtimeError error)
    {
        if (error.Kind == RealtimeErrorKind.DecodeFailed && error.EventName == EventNames.DatabaseChange && error.TableName == TableName)
        {
            _currentLoad = ReloadWithRetryAsync(afterFailure: false);
        }
    }

    // Reloads until a load succeeds, the table is disposed, or a later load takes over; waits RetryDelay after a
    // failure, doubling up to MaxRetryDelay, on the options' clock.
    private async Task ReloadWithRetryAsync(bool afterFailure)
    {
        var delay = _options.RetryDelay;
        try
        {
            if (afterFailure)
            {
                await DelayAsync(delay).ConfigureAwait(false);
                delay = Next(delay);
            }

            while (!_lifetime.IsCancellationRequested)
            {
                int generation;
                bool applied;
                try
                {
                    applied = await LoadRowsAsync(_lifetime.Token).ConfigureAwait(false);
                }
                catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
                {
                    return;
                }
                catch (Exception ex)
                {
                    // Stale now (LoadRowsAsync said so); reported to OnError too. Keep buffering and try again.
                    _table.EventRouter.ReportLiveTableHandlerFailure(TableName, "loader", ex);
                    lock (_gate)
                    {
                        generation = _loadGeneration;
                    }

                    await DelayAsync(delay).ConfigureAwait(false);
                    delay = Next(delay);
                    lock (_gate)
                    {
                        if (generation != _loadGeneration)
                        {
                            return; // another load started meanwhile; it retries if it fails
                        }
                    }

                    continue;
                }

                // The app's handlers run once the rows are in, outside the retrying: their failures are reported, never retried.
                if (applied)
                {
                    RaiseLoaded();
                }

                ReloadIfNeeded();
                return;
            }
        }
        catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
        {
            // Disposed while waiting to retry.
        }
    }

    private TimeSpan Next(TimeSpan delay) => TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, _options.MaxRetryDelay.Ticks));

    private Task DelayAsync(TimeSpan delay) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _options.TimeProvider, _lifetime.Token);
#else
        _options.TimeProvider.Delay(delay, _lifetime.Token);
#endif
}
