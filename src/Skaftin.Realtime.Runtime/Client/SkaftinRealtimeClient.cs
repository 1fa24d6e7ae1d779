using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Skaftin.Realtime;

/// <summary>
/// A realtime connection to a Skaftin backend. Connect, join projects, and take typed events from the generated
/// per-table accessors (<c>client.Vehicles()</c>). The client reconnects with backoff after a lost connection,
/// asks for a fresh token each time, joins every room again, and delivers events to handlers in order on its
/// own dispatch task, so a slow handler never stalls the socket. Dispose it to close the connection.
/// </summary>
public sealed class SkaftinRealtimeClient : ISkaftinRealtimeSource, IAsyncDisposable, IDisposable
{
    private readonly SkaftinRealtimeOptions _options;
    private readonly SocketConnectionFactory _connectionFactory;
    private readonly ILogger _logger;
    private readonly Channel<(string Name, ReadOnlyMemory<byte> Payload, long ArrivedAt)> _queue;

    // With DispatchOnReceiveThread: the receive thread and the dispatch task (for queued resync signals) take turns.
    private readonly object _dispatchGate = new();
    private readonly HandlerList<Action<ConnectionStateChange>> _stateObservers = new();
    private readonly Task _dispatchLoop;
    private readonly CancellationTokenSource _lifetime = new();
    private readonly SemaphoreSlim _emitLock = new(1, 1);
    private readonly object _gate = new();
    private readonly Dictionary<string, Room> _rooms = new(StringComparer.Ordinal);
    private readonly HandlerList<Action<ProjectEvent>> _projectEvents = new();
    private readonly Random _jitter = new();
    private readonly ITimer _watchdog;
    private ISocketConnection? _connection;
    private int _state;
    private int _reconnectAttempt;
    private long _lastHeartbeat;
    private int _disposed;
    private SessionResume? _resume;
    private string? _lostSocketId;
    private const string ResyncItem = "$resync";

    /// <summary>Creates a client; nothing is sent until <see cref="ConnectAsync"/>.</summary>
    /// <param name="options">The settings.</param>
    public SkaftinRealtimeClient(SkaftinRealtimeOptions options)
        : this(options, (url, transport, token, resume) => new SocketIOConnection(url, transport, token, resume, options?.ConfigureWebSocket, options?.MaxFrameBytes ?? SkaftinRealtimeOptions.DefaultMaxFrameBytes))
    {
    }

    internal SkaftinRealtimeClient(SkaftinRealtimeOptions options, SocketConnectionFactory connectionFactory)
    {
        _options = options ?? throw new ArgumentNullException(nameof(options));
        if (options.AccessTokenProvider is null && string.IsNullOrEmpty(options.ApiKey))
        {
            throw new ArgumentException("Set SkaftinRealtimeOptions.ApiKey or an AccessTokenProvider.", nameof(options));
        }

        if (options.DispatchQueueCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), "DispatchQueueCapacity must be at least 1.");
        }

        if (options.DispatchOnReceiveThread && options.HandlerContext is not null)
        {
            throw new ArgumentException("DispatchOnReceiveThread and HandlerContext cannot both be set: handlers run either on the receive thread or on the context.", nameof(options));
        }

        _connectionFactory = connectionFactory;
        _logger = options.LoggerFactory?.CreateLogger("Skaftin.Realtime") ?? NullLogger.Instance;
        Router = new SkaftinEventRouter(_logger);
        _queue = Channel.CreateBounded<(string, ReadOnlyMemory<byte>, long)>(new BoundedChannelOptions(options.DispatchQueueCapacity)
        {
            SingleReader = true,
            FullMode = BoundedChannelFullMode.Wait,
        });
        _dispatchLoop = Task.Run(DispatchLoopAsync);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, options.HeartbeatTimeout.Ticks / 4));
        _watchdog = options.TimeProvider.CreateTimer(static state => ((SkaftinRealtimeClient)state!).CheckHeartbeat(), this, period, period);
    }

    /// <inheritdoc />
    public SkaftinEventRouter Router { get; }

    /// <summary>Where the connection stands.</summary>
    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    /// <summary>The socket id the server assigned, while connected.</summary>
    public string? SocketId => State == ConnectionState.Connected ? _connection?.Id : null;

    /// <summary>The reconnect attempt in progress, or 0.</summary>
    public int ReconnectAttempt => Volatile.Read(ref _reconnectAttempt);

    /// <summary>
    /// Whether the last reconnect restored the previous session (the server enables connection state recovery and
    /// replayed the events sent meanwhile). When false after a reconnect, every table received a resync signal.
    /// </summary>
    public bool LastReconnectRecovered { get; private set; }

    /// <summary>Raised on every change of <see cref="State"/>.</summary>
    public event Action<ConnectionStateChange>? StateChanged;

    /// <summary>Connection state changes as an observable (usable with System.Reactive, which this package does not need).</summary>
    public IObservable<ConnectionStateChange> StateChanges => new HandlerObservable<ConnectionStateChange>(_stateObservers);

    /// <summary>Subscribes to delivery and connection failures (see <see cref="SkaftinEventRouter.OnError"/>).</summary>
    /// <param name="handler">Receives each failure.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnError(Action<RealtimeError> handler) => Router.OnError(handler);

    /// <summary>Subscribes to cron-job changes of joined projects (see <see cref="SkaftinEventRouter.OnCronJobChanged"/>).</summary>
    /// <param name="handler">Receives each change.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnCronJobChanged(Action<CronJobChange> handler) => Router.OnCronJobChanged(handler);

    /// <summary>Subscribes to whole-database imports of joined projects (see <see cref="SkaftinEventRouter.OnDatabaseImported"/>).</summary>
    /// <param name="handler">Receives each import.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnDatabaseImported(Action<DatabaseImported> handler) => Router.OnDatabaseImported(handler);

    /// <summary>Subscribes to <c>project-event</c> events of joined projects.</summary>
    /// <param name="handler">Receives each event.</param>
    /// <returns>Disposing it ends the subscription.</returns>
    public IDisposable OnProjectEvent(Action<ProjectEvent> handler) => _projectEvents.Add(handler);

    /// <summary>
    /// Connects, completing only once the server has accepted the connection.
    /// </summary>
    /// <param name="cancellationToken">Abandons the attempt.</param>
    /// <returns>A task that completes when connected.</returns>
    /// <exception cref="SkaftinAuthenticationException">The server rejected the token.</exception>
    /// <exception cref="SkaftinConnectionException">The server could not be reached within <see cref="SkaftinRealtimeOptions.ConnectTimeout"/>.</exception>
    public async Task ConnectAsync(CancellationToken cancellationToken = default)
    {
        ThrowIfDisposed();
        SetState(ConnectionState.Connecting, null);
        try
        {
            using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, _lifetime.Token);
            await ConnectOnceAsync(linked.Token, resume: null).ConfigureAwait(false);
            SetState(ConnectionState.Connected, null);
        }
        catch
        {
            SetState(ConnectionState.Disconnected, "connect failed");
            throw;
        }
    }

    /// <summary>
    /// Joins a project's room, completing when the server confirms. Holders of one project share one join;
    /// dispose the returned membership to give up this share (the last one leaves the room).
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>This holder's share of the room.</returns>
    /// <exception cref="SkaftinJoinException">The server refused the join.</exception>
    /// <exception cref="TimeoutException">The server did not answer within <see cref="SkaftinRealtimeOptions.RequestTimeout"/>.</exception>
    /// <exception cref="InvalidOperationException">The client is not connected.</exception>
    public async Task<ProjectMembership> JoinProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(projectId))
        {
            throw new ArgumentException("A project id is required.", nameof(projectId));
        }

        ThrowIfDisposed();
        if (State != ConnectionState.Connected)
        {
            throw new InvalidOperationException("Connect before joining a project.");
        }

        Room room;
        bool first;
        lock (_gate)
        {
            first = !_rooms.TryGetValue(projectId, out room!);
            if (first)
            {
                room = new Room(projectId);
                _rooms[projectId] = room;
            }

            room.Holders++;
        }

        try
        {
            if (first)
            {
                await SendJoinAsync(room, cancellationToken).ConfigureAwait(false);
            }

            await room.Joined.Task.WaitAsync(_options.RequestTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch
        {
            await ReleaseAsync(projectId, sendLeave: false).ConfigureAwait(false);
            throw;
        }

        return new ProjectMembership(this, projectId);
    }

    /// <summary>The projects whose rooms this client holds, with how many holders each.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyDictionary<string, int> GetJoinedProjects()
    {
        lock (_gate)
        {
            return _rooms.ToDictionary(static r => r.Key, static r => r.Value.Holders, StringComparer.Ordinal);
        }
    }

    /// <summary>Closes the connection (the server sees it go at once) and stops delivery. Safe to call twice, and before connecting.</summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return;
        }

        _lifetime.Cancel();
        await _watchdog.DisposeAsync().ConfigureAwait(false);
        var connection = Interlocked.Exchange(ref _connection, null);
        if (connection is not null)
        {
            await connection.CloseAsync().ConfigureAwait(false);
        }

        lock (_gate)
        {
            foreach (var room in _rooms.Values)
            {
                room.Joined.TrySetException(new ObjectDisposedException(nameof(SkaftinRealtimeClient)));
            }

            _rooms.Clear();
        }

        _queue.Writer.TryComplete();
        await _dispatchLoop.ConfigureAwait(false);
        SetState(ConnectionState.Disconnected, "disposed");
        _lifetime.Dispose();
        _emitLock.Dispose();
    }

    /// <summary>
    /// Closes the connection and waits for it, for containers and callers that dispose synchronously.
    /// Prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose() => DisposeAsync().AsTask().GetAwaiter().GetResult();

    internal async ValueTask ReleaseAsync(string projectId, bool sendLeave = true)
    {
        lock (_gate)
        {
            if (!_rooms.TryGetValue(projectId, out var room) || --room.Holders > 0)
            {
                return;
            }

            _rooms.Remove(projectId);
        }

        if (sendLeave && State == ConnectionState.Connected && Volatile.Read(ref _disposed) == 0)
        {
            try
            {
                await EmitAsync(EventNames.LeaveProject, projectId, _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException or InvalidOperationException)
            {
                // Closing the connection leaves every room anyway.
            }
        }
    }

    private async Task ConnectOnceAsync(CancellationToken cancellationToken, SessionResume? resume)
    {
        var token = _options.AccessTokenProvider is { } provider
            ? await provider(cancellationToken).ConfigureAwait(false)
            : _options.ApiKey!;
        var connection = _connectionFactory(_options.ApiUrl, _options.Transport, token, resume);
        var accepted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        connection.Connected += () => accepted.TrySetResult(true);
        connection.ConnectError += message => accepted.TrySetException(new SkaftinAuthenticationException(message));
        connection.Disconnected += reason => OnDisconnected(connection, reason, accepted);
        connection.Heartbeat += () => Volatile.Write(ref _lastHeartbeat, _options.TimeProvider.GetTimestamp());
        connection.EventReceived += (name, payload) => OnEvent(connection, name, payload);
        connection.FrameRejected += rejection => Router.ReportFrameRejected(rejection);
        var previous = Interlocked.Exchange(ref _connection, connection);
        if (previous is not null)
        {
            await previous.CloseAsync().ConfigureAwait(false);
        }

        try
        {
            var starting = connection.StartAsync(cancellationToken);
            _ = starting.ContinueWith(
                static (t, state) => ((TaskCompletionSource<bool>)state!).TrySetException(new SkaftinConnectionException("The connection failed to start.", t.Exception!.GetBaseException())),
                accepted,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            await accepted.Task.WaitAsync(_options.ConnectTimeout, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
            Volatile.Write(ref _lastHeartbeat, _options.TimeProvider.GetTimestamp());
            Log.Connected(_logger, _options.ApiUrl, connection.Id);
        }
        catch (Exception ex)
        {
            Interlocked.CompareExchange(ref _connection, null, connection);
            await connection.CloseAsync().ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new SkaftinConnectionException($"Could not connect to {_options.ApiUrl} within {_options.ConnectTimeout.TotalSeconds:0.#} s.", ex);
            }

            throw;
        }
    }

    private void OnDisconnected(ISocketConnection connection, string reason, TaskCompletionSource<bool> accepted)
    {
        accepted.TrySetException(new SkaftinConnectionException($"The connection closed before it was accepted: {reason}"));
        if (Volatile.Read(ref _connection) != connection || Volatile.Read(ref _disposed) == 1 || State != ConnectionState.Connected)
        {
            return;
        }

        ConnectionLost(connection, reason);
    }

    private void ConnectionLost(ISocketConnection connection, string reason)
    {
        if (Interlocked.CompareExchange(ref _connection, null, connection) != connection)
        {
            return;
        }

        Log.ConnectionLost(_logger, reason);
        _lostSocketId = connection.Id;
        _resume = connection.SessionId is { } session ? new SessionResume(session, connection.LastOffset) : null;
        _ = connection.CloseAsync();
        lock (_gate)
        {
            foreach (var room in _rooms.Values)
            {
                room.Rejoin();
            }
        }

        // Like the JavaScript client: a server that closed the socket on purpose is not called back.
        if (!_options.Reconnect.Enabled || reason == "io server disconnect")
        {
            SetState(ConnectionState.Disconnected, reason);
            return;
        }

        SetState(ConnectionState.Reconnecting, reason);
        _ = Task.Run(ReconnectLoopAsync);
    }

    private async Task ReconnectLoopAsync()
    {
        var rejectedTokens = 0;
        for (var attempt = 1; ; attempt++)
        {
            if (_options.Reconnect.MaxAttempts is { } max && attempt > max)
            {
                Fail(new SkaftinConnectionException($"Gave up reconnecting after {max} attempts."));
                return;
            }

            Volatile.Write(ref _reconnectAttempt, attempt);
            var delay = _options.Reconnect.DelayFor(attempt, _jitter);
            Log.Reconnecting(_logger, attempt, delay.TotalMilliseconds);
            try
            {
#if NET8_0_OR_GREATER
                await Task.Delay(delay, _options.TimeProvider, _lifetime.Token).ConfigureAwait(false);
#else
                await _options.TimeProvider.Delay(delay, _lifetime.Token).ConfigureAwait(false);
#endif
                SetState(ConnectionState.Reconnecting, null);
                await ConnectOnceAsync(_lifetime.Token, _resume).ConfigureAwait(false);
            }
            catch (OperationCanceledException) when (_lifetime.IsCancellationRequested)
            {
                return;
            }
            catch (SkaftinAuthenticationException ex)
            {
                // The provider was asked for a fresh token for this attempt; a second rejection in a row is final.
                if (++rejectedTokens >= 2)
                {
                    Fail(ex);
                    return;
                }

                continue;
            }
            catch (Exception ex)
            {
                Log.ReconnectFailed(_logger, attempt, ex.Message);
                continue;
            }

            Volatile.Write(ref _reconnectAttempt, 0);
            SkaftinTelemetry.Reconnects.Add(1);

            // A recovered session keeps its socket id and rooms, and the server replays what was missed.
            var recovered = _resume is not null && _lostSocketId is not null && Volatile.Read(ref _connection)?.Id == _lostSocketId;
            LastReconnectRecovered = recovered;
            if (recovered)
            {
                ConfirmRooms();
                SetState(ConnectionState.Connected, "recovered");
                return;
            }

            // Self-check: the client says it is live only once its rooms are joined again (or their failure reported).
            var live = Volatile.Read(ref _connection);
            await RejoinRoomsAsync().ConfigureAwait(false);
            if (Volatile.Read(ref _connection) != live)
            {
                return; // lost again while re-joining: that loss started its own reconnect
            }

            SetState(ConnectionState.Connected, "reconnected");

            // In order with the events: handlers see the signal after everything received before it.
            if (!_queue.Writer.TryWrite((ResyncItem, ReadOnlyMemory<byte>.Empty, System.Diagnostics.Stopwatch.GetTimestamp())))
            {
                Router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, _options.TimeProvider.GetUtcNow()));
            }

            return;
        }
    }

    private void ConfirmRooms()
    {
        lock (_gate)
        {
            foreach (var room in _rooms.Values)
            {
                room.Joined.TrySetResult(true);
            }
        }
    }

    private async Task RejoinRoomsAsync()
    {
        List<Room> rooms;
        lock (_gate)
        {
            rooms = _rooms.Values.ToList();
        }

        foreach (var room in rooms)
        {
            try
            {
                await SendJoinAsync(room, _lifetime.Token).ConfigureAwait(false);
                await room.Joined.Task.WaitAsync(_options.RequestTimeout, _options.TimeProvider, _lifetime.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is not OperationCanceledException || !_lifetime.IsCancellationRequested)
            {
                Router.ReportConnectionFailure(ex);
            }
        }
    }

    private void Fail(Exception ex)
    {
        Volatile.Write(ref _reconnectAttempt, 0);
        Router.ReportConnectionFailure(ex);
        SetState(ConnectionState.Disconnected, ex.Message);
    }

    private Task SendJoinAsync(Room room, CancellationToken cancellationToken) =>
        EmitAsync(EventNames.JoinProject, room.ProjectId, cancellationToken);

    // SocketIOClient misroutes acknowledgements of concurrent emits; one emit at a time avoids that class of bug.
    private async Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken)
    {
        await _emitLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            var connection = Volatile.Read(ref _connection) ?? throw new InvalidOperationException("Not connected.");
            await connection.EmitAsync(eventName, argument, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _emitLock.Release();
        }
    }

    // Runs on the socket's receive thread: only cheap work here, handlers run on the dispatch loop.
    private void OnEvent(ISocketConnection connection, string name, ReadOnlyMemory<byte> payload)
    {
        if (Volatile.Read(ref _connection) != connection)
        {
            return;
        }

        Volatile.Write(ref _lastHeartbeat, _options.TimeProvider.GetTimestamp());
        switch (name)
        {
            case EventNames.JoinedProject:
                CompleteJoin(payload, null);
                return;
            case EventNames.JoinProjectError:
                CompleteJoin(payload, "message");
                return;
            case EventNames.LeftProject:
                return;
        }

        if (_options.DispatchOnReceiveThread)
        {
            // Anything the connection queued (a resync signal) goes first, then this event, one handler at a time.
            lock (_dispatchGate)
            {
                DrainQueue();
                Dispatch(name, payload);
            }

            return;
        }

        var item = (name, payload, System.Diagnostics.Stopwatch.GetTimestamp());
        if (!_queue.Writer.TryWrite(item) && !WaitForRoom(item))
        {
            Router.ReportQueueFull(name, payload);
        }
    }

    // The handlers are behind: hold the socket's reader (a thread of its own) until there is room, so the server is
    // slowed through TCP rather than events dropped, but never long enough to miss the server's pings.
    private bool WaitForRoom((string Name, ReadOnlyMemory<byte> Payload, long ArrivedAt) item)
    {
        var wait = _options.DispatchQueueFullWait;
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (clock.Elapsed < wait && !_lifetime.IsCancellationRequested)
        {
            try
            {
                var room = _queue.Writer.WaitToWriteAsync(_lifetime.Token).AsTask();
                if (!room.Wait(wait - clock.Elapsed))
                {
                    return false;
                }
            }
            catch (AggregateException)
            {
                return false;
            }

            if (_queue.Writer.TryWrite(item))
            {
                return true;
            }
        }

        return false;
    }

    private void CompleteJoin(ReadOnlyMemory<byte> payload, string? errorField)
    {
        string? projectId = null;
        string? message = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                projectId = document.RootElement.TryGetProperty("projectId", out var id) ? id.ToString() : null;
                message = errorField is not null && document.RootElement.TryGetProperty(errorField, out var m) ? m.ToString() : null;
            }
        }
        catch (JsonException ex)
        {
            Router.ReportDecodeFailure(errorField is null ? EventNames.JoinedProject : EventNames.JoinProjectError, null, null, payload,
                new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, null, null, ex.Message, ex));
            return;
        }

        Room? room;
        lock (_gate)
        {
            _rooms.TryGetValue(projectId ?? "", out room);
        }

        if (errorField is null)
        {
            room?.Joined.TrySetResult(true);
        }
        else
        {
            room?.Joined.TrySetException(new SkaftinJoinException(projectId ?? "", message ?? "refused"));
        }
    }

    private async Task DispatchLoopAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (_options.DispatchOnReceiveThread)
            {
                lock (_dispatchGate)
                {
                    DrainQueue();
                }
            }
            else
            {
                DrainQueue();
            }
        }
    }

    private void DrainQueue()
    {
        while (_queue.Reader.TryRead(out var item))
        {
            RecordLag(item.ArrivedAt);
            if (_options.HandlerContext is { } context)
            {
                context.Send(static state => ((DispatchWork)state!).Run(), new DispatchWork(this, item.Name, item.Payload));
            }
            else
            {
                Dispatch(item.Name, item.Payload);
            }
        }
    }

    private static void RecordLag(long arrivedAt)
    {
        if (SkaftinTelemetry.DispatchLag.Enabled)
        {
            var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - arrivedAt;
            SkaftinTelemetry.DispatchLag.Record(elapsed * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
        }
    }

    private void Dispatch(string name, ReadOnlyMemory<byte> payload)
    {
        if (name == EventNames.DatabaseChange)
        {
            Router.DispatchDatabaseChange(payload);
        }
        else if (name == EventNames.ProjectEvent)
        {
            DispatchProjectEvent(payload);
        }
        else if (name == ResyncItem)
        {
            Router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, _options.TimeProvider.GetUtcNow()));
        }
    }

    private void DispatchProjectEvent(ReadOnlyMemory<byte> payload)
    {
        ProjectEvent projectEvent;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("projectId", out var project))
            {
                throw new SkaftinDecodeException(DecodeErrorKind.InvalidEnvelope, null, null, null, "a project-event needs a string 'type' and a 'projectId'.");
            }

            var timestamp = root.TryGetProperty("timestamp", out var at) && at.ValueKind == JsonValueKind.String && at.TryGetDateTimeOffset(out var parsed)
                ? parsed
                : default;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.GetRawText() : null;
            projectEvent = new ProjectEvent(type.GetString()!, project.ToString(), data, timestamp);
        }
        catch (Exception ex) when (ex is JsonException or SkaftinDecodeException)
        {
            var decode = ex as SkaftinDecodeException ?? new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, null, null, ex.Message, ex);
            Router.ReportDecodeFailure(EventNames.ProjectEvent, null, null, payload, decode);
            return;
        }

        foreach (var handler in _projectEvents.Snapshot)
        {
            try
            {
                handler(projectEvent);
            }
            catch (Exception ex)
            {
                Router.ReportProjectHandlerFailure(projectEvent, payload, ex);
            }
        }
    }

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            throw new ObjectDisposedException(nameof(SkaftinRealtimeClient));
        }
    }

    private void CheckHeartbeat()
    {
        var connection = Volatile.Read(ref _connection);
        if (connection is null || State != ConnectionState.Connected)
        {
            return;
        }

        var silent = _options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastHeartbeat));
        if (silent > _options.HeartbeatTimeout)
        {
            ConnectionLost(connection, "heartbeat timeout");
        }
    }

    private void SetState(ConnectionState state, string? reason)
    {
        var previous = (ConnectionState)Interlocked.Exchange(ref _state, (int)state);
        if (previous == state && reason is null)
        {
            return;
        }

        var change = new ConnectionStateChange(previous, state, ReconnectAttempt, reason);
        try
        {
            StateChanged?.Invoke(change);
        }
        catch (Exception ex)
        {
            Log.StateHandlerFailed(_logger, ex);
        }

        foreach (var observer in _stateObservers.Snapshot)
        {
            try
            {
                observer(change);
            }
            catch (Exception ex)
            {
                Log.StateHandlerFailed(_logger, ex);
            }
        }
    }

    private sealed class DispatchWork(SkaftinRealtimeClient client, string name, ReadOnlyMemory<byte> payload)
    {
        public void Run() => client.Dispatch(name, payload);
    }

    private sealed class Room(string projectId)
    {
        public string ProjectId { get; } = projectId;

        public int Holders { get; set; }

        public TaskCompletionSource<bool> Joined { get; private set; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        // After a lost connection the room must be confirmed again; earlier waiters already completed.
        public void Rejoin()
        {
            if (Joined.Task.IsCompleted)
            {
                Joined = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
            }
        }
    }
}
