using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.ComponentModel;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// A table kept equal to the database: loaded through the app's own loader (its REST call), then kept current by
/// the table's typed events. It subscribes before loading and buffers events during a load, so none falls between
/// the snapshot and the stream; applies inserts, updates and deletes in the order the connection delivered them (the
/// server's <c>timestamp</c> is data, never an ordering key: backend instances' clocks may disagree, and an event may
/// have none); reloads on every resync signal and whenever a change to its table cannot be decoded or completed (so
/// it never silently keeps a row the server changed).
/// <para>
/// It binds to a UI list as it is: an ordered, indexable view (by key, or by <see cref="LiveTableOptions{TRow}.Order"/>)
/// that raises <see cref="CollectionChanged"/> with the real index of every Add, Remove, Replace and Move, exactly one
/// Reset per load, and <see cref="PropertyChanged"/> for <see cref="Count"/>, <see cref="IsLoading"/> and
/// <see cref="LastChangedAt"/>, all on <see cref="LiveTableOptions.NotificationContext"/>. Bursts can be debounced with
/// <see cref="LiveTableOptions.BatchWindow"/>.
/// </para>
/// The app's <see cref="Loaded"/> and <see cref="CollectionChanged"/>
/// handlers never take part in loading: one that throws is reported through <see cref="SkaftinEventRouter.OnError"/>
/// (<see cref="RealtimeErrorKind.HandlerFailed"/>, event name <c>live-table</c>) and the rows stay as loaded.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class LiveTable<TRow, TKey> : IReadOnlyList<TRow>, INotifyCollectionChanged, INotifyPropertyChanged, IAsyncDisposable, IDisposable
    where TRow : class
    where TKey : notnull
{
    private readonly RealtimeTable<TRow, TKey> _table;
    private readonly Func<CancellationToken, Task<IReadOnlyList<TRow>>> _loader;
    private readonly LiveTableOptions _options;
    private readonly object _gate = new();
    private readonly object _drainGate = new();

    // The rows as the events say they are now; _view is what the app has been shown (see Drain).
    private readonly Dictionary<TKey, TRow> _rows = new();
    private readonly SortedRowView<TRow, TKey> _view;

    // Changes to _rows not yet shown, in order (under _gate).
    private readonly List<LiveEdit<TRow, TKey>> _pending = new();
    private readonly ITimer? _batchTimer;
    private bool _batchArmed;
    private bool _disposed;

    // Rows shown before the server confirms them, by key; and those that ended, to complete outside _gate.
    private readonly Dictionary<TKey, OptimisticChange<TRow, TKey>> _optimistic = new();
    private readonly List<(OptimisticChange<TRow, TKey> Change, OptimisticOutcome Outcome)> _ended = new();
    private DateTimeOffset? _lastChangedAt;

    private readonly List<RowChange<TRow, TKey>> _buffer = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly IDisposable _changes;
    private readonly IDisposable _resyncs;
    private readonly IDisposable _decodeFailures;
    private bool _loading;
    private bool _reloadNeeded;
    private int _loadGeneration;
    private Task _currentLoad = Task.CompletedTask;

    private LiveTable(RealtimeTable<TRow, TKey> table, Func<CancellationToken, Task<IReadOnlyList<TRow>>> loader, LiveTableOptions options)
    {
        if (!table.Reader.HasKey)
        {
            throw new NotSupportedException($"A live table needs a key; the row type of table '{table.TableName}' declares none.");
        }

        var order = (IComparer<TRow>?)null;
        if (options is LiveTableOptions<TRow> typed)
        {
            order = typed.Order;
        }
        else if (options.GetType() != typeof(LiveTableOptions))
        {
            throw new ArgumentException($"Options of type {options.GetType()} do not fit rows of type {typeof(TRow)}; use LiveTableOptions<{typeof(TRow).Name}>.", nameof(options));
        }

        if (options.TimeProvider is null)
        {
            throw new ArgumentException("LiveTableOptions.TimeProvider must be set.", nameof(options));
        }

        if (options.BatchWindow < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.BatchWindow, "LiveTableOptions.BatchWindow must not be negative.");
        }

        _table = table;
        _loader = loader;
        _options = options;
        _view = new SortedRowView<TRow, TKey>(new RowOrder<TRow, TKey>(order, table.Reader.GetKey), table.Reader.GetKey);
        if (options.BatchWindow > TimeSpan.Zero)
        {
            _batchTimer = options.TimeProvider.CreateTimer(static state => ((LiveTable<TRow, TKey>)state!).OnBatchWindowEnded(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
        }

        _changes = table.OnChanged(OnChange);
        _resyncs = table.OnResync(OnResync);
        _decodeFailures = table.EventRouter.OnError(OnDeliveryError);
    }

    /// <summary>
    /// Raised after each change to the rows shown, with real indices: Add (new index), Remove (old index), Replace (index),
    /// Move (after a Replace, when an update changes the row's place), and one Reset after each load or debounced burst.
    /// </summary>
    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    /// <summary>Raised when <see cref="Count"/>, <see cref="IsLoading"/>, <see cref="LastChangedAt"/> or the indexer (<c>Item[]</c>) change.</summary>
    public event PropertyChangedEventHandler? PropertyChanged;

    /// <summary>Raised after each load (the first one and every reload), with the number of rows.</summary>
    public event Action<int>? Loaded;

    /// <summary>How many rows the table shows.</summary>
    public int Count => _view.Count;

    /// <summary>When the rows shown last changed (by the options' clock), or null before the first load is shown.</summary>
    public DateTimeOffset? LastChangedAt
    {
        get
        {
            lock (_gate)
            {
                return _lastChangedAt;
            }
        }
    }

    /// <summary>Whether a load is in progress (events are being buffered).</summary>
    public bool IsLoading
    {
        get
        {
            lock (_gate)
            {
                return _loading;
            }
        }
    }

    /// <summary>The table's wire name.</summary>
    public string TableName => _table.TableName;

    /// <summary>
    /// Subscribes to <paramref name="table"/>, loads the rows with <paramref name="loader"/>, applies what arrived
    /// meanwhile, and keeps the rows current from then on.
    /// </summary>
    /// <param name="table">The generated table, such as <c>client.Vehicles()</c>.</param>
    /// <param name="loader">Loads every row (the app's REST call; decode with the table's <see cref="RealtimeTable{TRow, TKey}.Reader"/>).</param>
    /// <param name="options">Settings; defaults when null.</param>
    /// <param name="cancellationToken">Abandons the first load.</param>
    /// <returns>The loaded live table.</returns>
    public static async Task<LiveTable<TRow, TKey>> StartAsync(
        RealtimeTable<TRow, TKey> table,
        Func<CancellationToken, Task<IReadOnlyList<TRow>>> loader,
        LiveTableOptions? options = null,
        CancellationToken cancellationToken = default)
    {
        if (table is null)
        {
            throw new ArgumentNullException(nameof(table));
        }

        if (loader is null)
        {
            throw new ArgumentNullException(nameof(loader));
        }

        var live = new LiveTable<TRow, TKey>(table, loader, options ?? new LiveTableOptions());
        try
        {
            await live.LoadAsync(cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            live.Dispose();
            throw;
        }

        return live;
    }

    /// <summary>The row at <paramref name="index"/> in the table's order.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    /// <returns>The row.</returns>
    public TRow this[int index] => _view[index];

    /// <summary>Gets a row the table shows by key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="row">The row, when present.</param>
    /// <returns>Whether the row is present.</returns>
    public bool TryGet(TKey key, out TRow row)
    {
        return _view.TryGet(key, out row);
    }

    /// <summary>A copy of the rows shown now, in the table's order.</summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<TRow> Snapshot() => _view.ToList();

    /// <summary>
    /// Shows <paramref name="row"/> (inserted or changed) at once, before the server has it: apply it, then send the
    /// app's write. The next change to its key the server sends confirms it and the server's row is shown; call
    /// <see cref="OptimisticChange{TRow, TKey}.Rollback"/> when the write fails; with neither in
    /// <paramref name="timeout"/> (default <see cref="LiveTableOptions.OptimisticTimeout"/>) it is rolled back.
    /// Rolled back, the row is shown as the server last said. A later optimistic change to the same key replaces it.
    /// </summary>
    /// <param name="row">The row as the app expects the server to store it.</param>
    /// <param name="timeout">How long to wait for the server's change; positive.</param>
    /// <returns>The change, to roll back or await.</returns>
    public OptimisticChange<TRow, TKey> ApplyOptimistic(TRow row, TimeSpan? timeout = null)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        return StartOptimistic(_table.Reader.GetKey(row), row, timeout);
    }

    /// <summary>
    /// Hides the row with <paramref name="key"/> at once, before the server deletes it; confirmed, rolled back and
    /// timed out as <see cref="ApplyOptimistic(TRow, TimeSpan?)"/>.
    /// </summary>
    /// <param name="key">The key of the row.</param>
    /// <param name="timeout">How long to wait for the server's change; positive.</param>
    /// <returns>The change, to roll back or await.</returns>
    public OptimisticChange<TRow, TKey> ApplyOptimisticDelete(TKey key, TimeSpan? timeout = null) => StartOptimistic(key, null, timeout);

    /// <summary>Whether the row with <paramref name="key"/> shows an optimistic change not yet confirmed (for an "updating…" badge).</summary>
    /// <param name="key">The key of the row.</param>
    /// <returns>Whether a change to it is pending.</returns>
    public bool IsOptimistic(TKey key)
    {
        lock (_gate)
        {
            return _optimistic.ContainsKey(key);
        }
    }

    /// <summary>Loads the rows again (as a resync signal does), buffering events meanwhile.</summary>
    /// <param name="cancellationToken">Abandons the load.</param>
    /// <returns>A task that completes when the rows are loaded.</returns>
    public Task ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(cancellationToken);

    /// <summary>Enumerates a copy of the rows shown, in the table's order.</summary>
    /// <returns>The enumerator.</returns>
    public IEnumerator<TRow> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops following the table.</summary>
    public void Dispose()
    {
        _changes.Dispose();
        _resyncs.Dispose();
        _decodeFailures.Dispose();
        _batchTimer?.Dispose();
        _lifetime.Cancel();
        lock (_gate)
        {
            _disposed = true;
            foreach (var optimistic in _optimistic.Values)
            {
                _ended.Add((optimistic, OptimisticOutcome.Abandoned));
            }

            _optimistic.Clear();
        }

        CompleteEnded();
    }

    /// <summary>Stops following the table and waits for a load in progress to end.</summary>
    /// <returns>A task that completes when stopped.</returns>
    public async ValueTask DisposeAsync()
    {
        Dispose();
        try
        {
            await _currentLoad.ConfigureAwait(false);
        }
        catch (Exception)
        {
            // The load was abandoned; nothing is left to report.
        }
    }

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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await LoadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            RaiseLoaded();
        }

        ReloadIfNeeded();
    }

    // Loads and applies the rows; false when a later load superseded this one. Runs no app code.
    private async Task<bool> LoadRowsAsync(CancellationToken cancellationToken)
    {
        int generation;
        lock (_gate)
        {
            if (!_loading)
            {
                _pending.Add(LiveEdit<TRow, TKey>.LoadingChanged());
            }

            _loading = true;
            generation = ++_loadGeneration;
        }

        Show(batched: false);

        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
        var rows = await _loader(linked.Token).ConfigureAwait(false);
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
        }

        CompleteEnded();
        return true;
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

    private void OnChange(RowChange<TRow, TKey> change)
    {
        if (_options.ProjectId is { } project && change.ProjectId != project)
        {
            return;
        }

        bool show;
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
                _batchTimer.Change(_options.BatchWindow, Timeout.InfiniteTimeSpan);
            }
        }

        // A change that altered nothing shown may still have confirmed an optimistic change.
        CompleteEnded();
        if (show)
        {
            Show(batched: false);
        }

        ReloadIfNeeded();
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

        _currentLoad = ReloadWithRetryAsync();
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

        _currentLoad = ReloadWithRetryAsync();
    }

    // A change to this table that could not be decoded (already reported) may hide a changed row: reload.
    private void OnDeliveryError(RealtimeError error)
    {
        if (error.Kind == RealtimeErrorKind.DecodeFailed && error.EventName == EventNames.DatabaseChange && error.TableName == TableName)
        {
            _currentLoad = ReloadWithRetryAsync();
        }
    }

    private async Task ReloadWithRetryAsync()
    {
        var delay = _options.RetryDelay;
        while (!_lifetime.IsCancellationRequested)
        {
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
                // Keep buffering and try again: the rows must not stay stale after a resync.
                _table.EventRouter.ReportLiveTableHandlerFailure(TableName, "loader", ex);
                await Task.Delay(delay, _lifetime.Token).ConfigureAwait(false);
                delay = TimeSpan.FromTicks(Math.Min(delay.Ticks * 2, TimeSpan.FromSeconds(30).Ticks));
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

    // Shows the queued changes on the notification context.
    private static readonly SendOrPostCallback DrainNow = static state => ((LiveTable<TRow, TKey>)state!).Drain(batched: false);
    private static readonly SendOrPostCallback DrainBatched = static state => ((LiveTable<TRow, TKey>)state!).Drain(batched: true);

    private void Show(bool batched)
    {
        if (_options.NotificationContext is { } context)
        {
            context.Send(batched ? DrainBatched : DrainNow, this);
        }
        else
        {
            Drain(batched);
        }
    }

    // Applies the queued changes to the view in order, each step followed by its notification. One drainer at a time,
    // so the view moves only in the order the changes were made. A debounced burst of two or more changes (or any
    // reload) is applied silently and raises one Reset.
    private void Drain(bool batched)
    {
        lock (_drainGate)
        {
            while (true)
            {
                List<LiveEdit<TRow, TKey>> edits;
                lock (_gate)
                {
                    if (_pending.Count == 0)
                    {
                        return;
                    }

                    edits = new List<LiveEdit<TRow, TKey>>(_pending);
                    _pending.Clear();
                }

                var countBefore = _view.Count;
                var rowEdits = 0;
                var reset = false;
                foreach (var edit in edits)
                {
                    rowEdits += edit.ChangesRows ? 1 : 0;
                    reset |= edit.Kind == LiveEditKind.Reset;
                }

                var collapse = reset || (batched && rowEdits > 1);
                var loadingChanged = false;
                foreach (var edit in edits)
                {
                    if (edit.Kind == LiveEditKind.LoadingChanged)
                    {
                        // Collapsed, a load's end is told after its rows are shown.
                        if (collapse)
                        {
                            loadingChanged = true;
                        }
                        else
                        {
                            RaisePropertyChanged(nameof(IsLoading));
                        }

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
                }
            }
        }
    }

    // Under _drainGate, after rows changed.
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
