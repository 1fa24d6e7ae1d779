using System;
using System.Collections;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// A table kept equal to the database: loaded through the app's own loader (its REST call), then kept current by
/// the table's typed events. It subscribes before loading and buffers events during a load, so none falls between
/// the snapshot and the stream; applies inserts, updates and deletes in order; ignores events older than what it
/// already applied for a row (duplicates and stale replays); reloads on every resync signal and whenever a change
/// to its table cannot be decoded (so it never silently keeps a row the server changed); and raises
/// <see cref="CollectionChanged"/> for UI binding. The app's <see cref="Loaded"/> and <see cref="CollectionChanged"/>
/// handlers never take part in loading: one that throws is reported through <see cref="SkaftinEventRouter.OnError"/>
/// (<see cref="RealtimeErrorKind.HandlerFailed"/>, event name <c>live-table</c>) and the rows stay as loaded.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
public sealed class LiveTable<TRow, TKey> : IReadOnlyCollection<TRow>, INotifyCollectionChanged, IAsyncDisposable, IDisposable
    where TRow : class
    where TKey : notnull
{
    private readonly RealtimeTable<TRow, TKey> _table;
    private readonly Func<CancellationToken, Task<IReadOnlyList<TRow>>> _loader;
    private readonly LiveTableOptions _options;
    private readonly object _gate = new();
    private readonly Dictionary<TKey, TRow> _rows = new();

    // The timestamp of the last change applied per key (deletes included), to drop stale or duplicate events.
    private readonly Dictionary<TKey, DateTimeOffset> _applied = new();
    private readonly List<RowChange<TRow, TKey>> _buffer = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly IDisposable _changes;
    private readonly IDisposable _resyncs;
    private readonly IDisposable _decodeFailures;
    private bool _loading;
    private int _loadGeneration;
    private Task _currentLoad = Task.CompletedTask;

    private LiveTable(RealtimeTable<TRow, TKey> table, Func<CancellationToken, Task<IReadOnlyList<TRow>>> loader, LiveTableOptions options)
    {
        if (!table.Reader.HasKey)
        {
            throw new NotSupportedException($"A live table needs a key; the row type of table '{table.TableName}' declares none.");
        }

        _table = table;
        _loader = loader;
        _options = options;
        _changes = table.OnChanged(OnChange);
        _resyncs = table.OnResync(OnResync);
        _decodeFailures = table.EventRouter.OnError(OnDeliveryError);
    }

    /// <summary>Raised after each change to the rows (Add, Replace, Remove; Reset after a load).</summary>
    public event NotifyCollectionChangedEventHandler? CollectionChanged;

    /// <summary>Raised after each load (the first one and every reload), with the number of rows.</summary>
    public event Action<int>? Loaded;

    /// <summary>How many rows the table holds.</summary>
    public int Count
    {
        get
        {
            lock (_gate)
            {
                return _rows.Count;
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

    /// <summary>Gets a row by key.</summary>
    /// <param name="key">The key.</param>
    /// <param name="row">The row, when present.</param>
    /// <returns>Whether the row is present.</returns>
    public bool TryGet(TKey key, out TRow row)
    {
        lock (_gate)
        {
            return _rows.TryGetValue(key, out row!);
        }
    }

    /// <summary>A copy of the rows as they are now.</summary>
    /// <returns>The rows.</returns>
    public IReadOnlyList<TRow> Snapshot()
    {
        lock (_gate)
        {
            return _rows.Values.ToList();
        }
    }

    /// <summary>Loads the rows again (as a resync signal does), buffering events meanwhile.</summary>
    /// <param name="cancellationToken">Abandons the load.</param>
    /// <returns>A task that completes when the rows are loaded.</returns>
    public Task ReloadAsync(CancellationToken cancellationToken = default) => LoadAsync(cancellationToken);

    /// <inheritdoc />
    public IEnumerator<TRow> GetEnumerator() => Snapshot().GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>Stops following the table.</summary>
    public void Dispose()
    {
        _changes.Dispose();
        _resyncs.Dispose();
        _decodeFailures.Dispose();
        _lifetime.Cancel();
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

    private async Task LoadAsync(CancellationToken cancellationToken)
    {
        if (await LoadRowsAsync(cancellationToken).ConfigureAwait(false))
        {
            RaiseLoaded();
        }
    }

    // Loads and applies the rows; false when a later load superseded this one. Runs no app code.
    private async Task<bool> LoadRowsAsync(CancellationToken cancellationToken)
    {
        int generation;
        lock (_gate)
        {
            _loading = true;
            generation = ++_loadGeneration;
        }

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
            _applied.Clear();
            foreach (var row in rows)
            {
                _rows[_table.Reader.GetKey(row)] = row;
            }

            // Events buffered during the load come after the snapshot: apply them in order. Their effects may already
            // be in the snapshot; applying an insert, update or delete again leaves the same result.
            foreach (var change in _buffer)
            {
                Apply(change, notify: false);
            }

            _buffer.Clear();
            _loading = false;
        }

        return true;
    }

    private void RaiseLoaded()
    {
        Notify(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
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

        NotifyCollectionChangedEventArgs? notification;
        lock (_gate)
        {
            if (_loading)
            {
                _buffer.Add(change);
                return;
            }

            notification = Apply(change, notify: true);
        }

        if (notification is not null)
        {
            Notify(notification);
        }
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

            return;
        }
    }

    // Called under the lock. Returns the notification to raise (outside the lock), or null when nothing changed.
    private NotifyCollectionChangedEventArgs? Apply(RowChange<TRow, TKey> change, bool notify)
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
            case RowDeleted<TRow, TKey> deleted:
                key = deleted.Key;
                row = null;
                break;
            default:
                return null;
        }

        if (_applied.TryGetValue(key, out var last) && change.Timestamp < last)
        {
            return null; // stale: a newer change to this row was applied already
        }

        _applied[key] = change.Timestamp;
        var existed = _rows.TryGetValue(key, out var previous);
        if (row is null)
        {
            if (!existed)
            {
                return null;
            }

            _rows.Remove(key);
            return notify ? new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Remove, previous) : null;
        }

        if (existed && EqualityComparer<TRow>.Default.Equals(previous!, row))
        {
            return null; // a duplicate
        }

        _rows[key] = row;
        return !notify ? null
            : existed ? new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Replace, row, previous)
            : new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Add, row);
    }

    private void Notify(NotifyCollectionChangedEventArgs args)
    {
        var handler = CollectionChanged;
        if (handler is null)
        {
            return;
        }

        if (_options.NotificationContext is { } context)
        {
            context.Send(_ => Invoke(handler, args), null);
        }
        else
        {
            Invoke(handler, args);
        }
    }

    private void Invoke(NotifyCollectionChangedEventHandler handler, NotifyCollectionChangedEventArgs args)
    {
        try
        {
            handler(this, args);
        }
        catch (Exception ex)
        {
            _table.EventRouter.ReportLiveTableHandlerFailure(TableName, nameof(CollectionChanged), ex);
        }
    }
}
