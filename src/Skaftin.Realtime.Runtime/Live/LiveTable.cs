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
/// Reset per load, and <see cref="PropertyChanged"/> for <see cref="Count"/>, <see cref="IsLoading"/>,
/// <see cref="LastChangedAt"/>, <see cref="Status"/> and <see cref="LastError"/>, all on <see cref="LiveTableOptions.NotificationContext"/>. Bursts can be debounced with
/// <see cref="LiveTableOptions.BatchWindow"/>.
/// </para>
/// <para>
/// Changes are shown in the order they were made, by one thread at a time, and no app handler runs while the table
/// holds a lock: a change made from a handler (say <see cref="ApplyOptimistic"/> in <see cref="CollectionChanged"/>)
/// is shown after the change being notified and those queued before it, once the handler has returned; a change made
/// on another thread while one is being shown returns at once and is shown by that thread, in turn.
/// </para>
/// <para>
/// <see cref="Status"/> says whether the rows can be trusted: <see cref="LiveTableStatus.Live"/>,
/// <see cref="LiveTableStatus.Reloading"/>, or <see cref="LiveTableStatus.Stale"/> when a reload failed (the error in
/// <see cref="LastError"/>; the rows are kept as last loaded and the reload is retried).
/// </para>
/// The app's <see cref="Loaded"/> and <see cref="CollectionChanged"/>
/// handlers never take part in loading: one that throws is reported through <see cref="SkaftinRealtimeClient.OnError"/>
/// (<see cref="RealtimeErrorKind.HandlerFailed"/>, event name <c>live-table</c>) and the rows stay as loaded.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed partial class LiveTable<TRow, TKey> : IReadOnlyList<TRow>, INotifyCollectionChanged, INotifyPropertyChanged, IAsyncDisposable, IDisposable
    where TRow : class
    where TKey : notnull
{
    private readonly RealtimeTable<TRow, TKey> _table;
    private readonly Func<CancellationToken, Task<IReadOnlyList<TRow>>> _loader;
    private readonly LiveTableOptions _options;
    private readonly object _gate = new();

    // The rows as the events say they are now; _view is what the app has been shown (see Drain).
    private readonly Dictionary<TKey, TRow> _rows = new();
    private readonly SortedRowView<TRow, TKey> _view;

    // Changes to _rows not yet shown, in order (under _gate).
    private readonly List<LiveEdit<TRow, TKey>> _pending = new();

    // Whether a thread is showing _pending (under _gate): the one drainer; others leave their changes to it.
    private bool _draining;
    private TaskCompletionSource<bool>? _shown;
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

    // The status as the loads left it (under _gate), and as the app has been shown it (set by the drainer).
    private LiveTableStatus _status = LiveTableStatus.Reloading;
    private Exception? _error;
    private LiveTableStatus _shownStatus = LiveTableStatus.Reloading;
    private Exception? _shownError;

    private LiveTable(RealtimeTable<TRow, TKey> table, Func<CancellationToken, Task<IReadOnlyList<TRow>>> loader, LiveTableOptions options)
    {
        if (!table.Reader.HasKey)
        {
            throw new NotSupportedException($"A live table needs a key; the row type of table '{table.TableName}' declares none.");
        }

        // Read once: the table keeps its own copy, validated here, so a later change to the caller's object has no effect.
        options = options.Snapshot();
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

        if (options.RetryDelay <= TimeSpan.Zero || options.MaxRetryDelay < options.RetryDelay)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.RetryDelay, "LiveTableOptions.RetryDelay must be positive and no longer than MaxRetryDelay.");
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

    /// <summary>
    /// Raised when <see cref="Count"/>, <see cref="IsLoading"/>, <see cref="LastChangedAt"/>, <see cref="Status"/>,
    /// <see cref="LastError"/> or the indexer (<c>Item[]</c>) change.
    /// </summary>
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

    /// <summary>
    /// Whether the rows shown can be trusted: <see cref="LiveTableStatus.Live"/> while events keep them current,
    /// <see cref="LiveTableStatus.Reloading"/> while a reload runs, <see cref="LiveTableStatus.Stale"/> when the last
    /// reload failed (see <see cref="LastError"/>): the rows are the last ones loaded, perhaps no longer in the database,
    /// and the reload is retried after <see cref="LiveTableOptions.RetryDelay"/>, doubling up to
    /// <see cref="LiveTableOptions.MaxRetryDelay"/>, until one succeeds. Changes with <see cref="PropertyChanged"/>, on
    /// <see cref="LiveTableOptions.NotificationContext"/>, in order with the rows' notifications.
    /// </summary>
    public LiveTableStatus Status
    {
        get
        {
            lock (_gate)
            {
                return _shownStatus;
            }
        }
    }

    /// <summary>
    /// Why the table is <see cref="LiveTableStatus.Stale"/>: what the loader threw on the last failed reload (an
    /// <see cref="OperationCanceledException"/> when the app cancelled <see cref="ReloadAsync"/>); null when live.
    /// </summary>
    public Exception? LastError
    {
        get
        {
            lock (_gate)
            {
                return _shownError;
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
    /// <returns>The loaded live table, its first rows shown (on <see cref="LiveTableOptions.NotificationContext"/> when set).</returns>
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
            await live.LoadAsync(first: true, cancellationToken).ConfigureAwait(false);
            await live.WhenShownAsync(cancellationToken).ConfigureAwait(false); // on the notification context too
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

    /// <summary>
    /// Loads the rows again (as a resync signal does), buffering events meanwhile. When the loader fails (or the load is
    /// cancelled) the task faults with its exception, the table becomes <see cref="LiveTableStatus.Stale"/> and the
    /// reload is retried in the background.
    /// </summary>
    /// <param name="cancellationToken">Abandons the load.</param>
    /// <returns>A task that completes when the rows are loaded.</returns>
    public Task ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(first: false, cancellationToken);

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
}
