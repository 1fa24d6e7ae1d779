using System;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

/// <summary>
/// Owns the one socket: starts it, watches its heartbeat, notices its loss, and makes a new one when the retry policy
/// says so. Every state move is <see cref="TryChangeState"/> along <see cref="ConnectionStateGraph"/>, made while
/// holding the connection lock; work that outlives a call (retrying a first connection, reconnecting) is one stored
/// task that stop and dispose await. All timing goes through <see cref="SkaftinRealtimeOptions.TimeProvider"/>.
/// </summary>
internal sealed class ConnectionSupervisor : IAsyncDisposable
{
    private readonly SkaftinRealtimeOptions _options;
    private readonly SocketConnectionFactory _factory;
    private readonly ILogger _logger;
    private readonly RoomRegistry _rooms;
    private readonly DispatchPump _pump;
    private readonly IRetryPolicy _policy;
    private readonly SemaphoreSlim _connectionLock = new(1, 1);
    private readonly object _tasksGate = new();
    private readonly ITimer _watchdog;
    private int _state;
    private ISocketConnection? _socket;
    private CancellationTokenSource _run = new();
    private Task _background = Task.CompletedTask;
    private Task _startOutcome = Task.CompletedTask;
    private Task<Exception?> _reconnectOutcome = Task.FromResult<Exception?>(null);
    private TaskCompletionSource<bool> _retryNow = NewRetryNow();
    private bool _disposed;
    private bool _everConnected;
    private SessionResume? _resume;
    private string? _lostSocketId;
    private long _lastHeartbeat;
    private long _heartbeatTimeoutTicks;
    private int _reconnectAttempt;
    private int _recovered;

    public ConnectionSupervisor(SkaftinRealtimeOptions options, SocketConnectionFactory factory, ILogger logger, RoomRegistry rooms, DispatchPump pump)
    {
        _options = options;
        _factory = factory;
        _logger = logger;
        _rooms = rooms;
        _pump = pump;
        _policy = options.RetryPolicy ?? options.Reconnect;
        _heartbeatTimeoutTicks = options.HeartbeatTimeout.Ticks;
        _watchdog = options.TimeProvider.CreateTimer(static state => ((ConnectionSupervisor)state!).CheckHeartbeat(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    public string? SocketId => State == ConnectionState.Connected ? Volatile.Read(ref _socket)?.Id : null;

    public int ReconnectAttempt => Volatile.Read(ref _reconnectAttempt);

    /// <summary>Raised (on the thread that moved it) after <see cref="ReconnectAttempt"/> changed.</summary>
    public event Action? ReconnectAttemptChanged;

    public bool LastReconnectRecovered => Volatile.Read(ref _recovered) == 1;

    /// <summary>How long the live socket may stay silent: the server's announced heartbeat, else the configured one.</summary>
    public TimeSpan HeartbeatTimeout => TimeSpan.FromTicks(Volatile.Read(ref _heartbeatTimeoutTicks));

    /// <summary>
    /// Starts the connection unless started already (then it waits for the start under way, or returns at once).
    /// Completes when connected; a failing first connection is retried by the policy unless
    /// <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> is off. Cancelling the call that started the
    /// connection stops it, leaving nothing open.
    /// </summary>
    public async Task StartAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        Task outcome;
        var startedHere = false;
        await _connectionLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            ThrowIfDisposed();
            switch (State)
            {
                case ConnectionState.Connected:
                case ConnectionState.Reconnecting:
                    return;
                case ConnectionState.Connecting:
                    outcome = _startOutcome;
                    break;
                default:
                    _run = new CancellationTokenSource();
                    Volatile.Write(ref _retryNow, NewRetryNow());
                    TryChangeState(ConnectionState.Disconnected, ConnectionState.Connecting, null);
                    var run = _run.Token;
                    var loop = Task.Run(() => ConnectLoopAsync(ConnectionState.Connecting, RetryReason.ServerUnreachable, null, run));
                    Track(loop);
                    outcome = _startOutcome = ThrowIfFailed(loop);
                    startedHere = true;
                    break;
            }
        }
        finally
        {
            _connectionLock.Release();
        }

        try
        {
            await outcome.WaitAsync(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (startedHere && cancellationToken.IsCancellationRequested)
        {
            await StopAsync("start cancelled").ConfigureAwait(false);
            throw;
        }
    }

    /// <summary>
    /// The Reconnect button: connected, it returns at once; between the attempts of a first connection or of a
    /// reconnect, the next attempt starts now (an attempt under way is not cut short: the next one follows it without
    /// waiting) and it waits for the outcome; disconnected (stopped, given up, or closed by the server), it starts again like
    /// <see cref="StartAsync"/>. The retry policy still counts every attempt and may give up.
    /// </summary>
    public async Task ReconnectAsync(CancellationToken cancellationToken)
    {
        ThrowIfDisposed();
        if (State is ConnectionState.Connecting or ConnectionState.Reconnecting)
        {
            Volatile.Read(ref _retryNow).TrySetResult(true);
        }

        if (State != ConnectionState.Reconnecting)
        {
            await StartAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        if (await Volatile.Read(ref _reconnectOutcome).WaitAsync(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken).ConfigureAwait(false) is { } failure)
        {
            throw failure;
        }
    }

    /// <summary>Closes the socket, ends any retrying, and waits for all of it. The rooms stay held for the next start.</summary>
    public async Task StopAsync(string reason)
    {
        Volatile.Read(ref _run).Cancel();
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            var socket = Volatile.Read(ref _socket);
            Volatile.Write(ref _socket, null);
            if (socket is not null)
            {
                _rooms.Detach(socket);
                await socket.CloseAsync().ConfigureAwait(false);
            }

            _resume = null;
            _lostSocketId = null;
            SetReconnectAttempt(0);
            var state = State;
            if (state != ConnectionState.Disconnected)
            {
                TryChangeState(state, ConnectionState.Disconnected, reason);
            }
        }
        finally
        {
            _connectionLock.Release();
        }

        Task background;
        lock (_tasksGate)
        {
            background = _background;
        }

        await background.ConfigureAwait(false);
    }

    /// <summary>Stops for good: later starts throw <see cref="ObjectDisposedException"/>.</summary>
    public async ValueTask DisposeAsync()
    {
        Volatile.Write(ref _disposed, true);
        await StopAsync("disposed").ConfigureAwait(false);
        await _watchdog.DisposeAsync().ConfigureAwait(false);
    }

    private static async Task ThrowIfFailed(Task<Exception?> loop)
    {
        if (await loop.ConfigureAwait(false) is { } failure)
        {
            throw failure;
        }
    }

    // Connects, retrying as the policy says. Returns null once connected, or why it did not (never throws: this is
    // a stored task that stop awaits).
    private async Task<Exception?> ConnectLoopAsync(ConnectionState phase, RetryReason reason, TimeSpan? firstDelay, CancellationToken run)
    {
        var startedAt = _options.TimeProvider.GetTimestamp();
        var retries = 0;
        Exception? error = null;
        var delay = firstDelay;
        var attemptNow = phase == ConnectionState.Connecting;
        while (true)
        {
            try
            {
                if (!attemptNow)
                {
                    delay ??= _policy.NextRetryDelay(new RetryContext(retries, _options.TimeProvider.GetElapsedTime(startedAt), reason, error));
                    if (delay is not { } wait)
                    {
                        return await GiveUpAsync(phase, retries, error).ConfigureAwait(false);
                    }

                    retries++;
                    SetReconnectAttempt(retries);
                    Log.Reconnecting(_logger, retries, wait.TotalMilliseconds);
                    await DelayOrRetryNowAsync(wait, run).ConfigureAwait(false);
                    delay = null;
                }

                attemptNow = false;
                await _connectionLock.WaitAsync(run).ConfigureAwait(false);
                try
                {
                    if (State != phase)
                    {
                        return new OperationCanceledException("The connection was stopped.");
                    }

                    await ConnectOnceAsync(phase, run).ConfigureAwait(false);
                }
                finally
                {
                    _connectionLock.Release();
                }

                return null;
            }
            catch (OperationCanceledException ex) when (run.IsCancellationRequested)
            {
                return ex;
            }
            catch (Exception ex)
            {
                error = ex;
                reason = ex switch
                {
                    SkaftinAuthenticationException => RetryReason.CredentialsRefused,
                    SkaftinConnectionRefusedException { ServerMessage: null } => RetryReason.UnexplainedRefusal,
                    SkaftinConnectionRefusedException or SkaftinRedirectRefusedException => RetryReason.ConnectionRefused,
                    TokenProviderException => RetryReason.TokenProviderFailed,
                    _ => RetryReason.ServerUnreachable,
                };
                Log.ReconnectFailed(_logger, retries, ex.Message);
                if (phase == ConnectionState.Connecting && !_options.RetryInitialConnection)
                {
                    return await GiveUpAsync(phase, 0, ex).ConfigureAwait(false);
                }

                if (reason != RetryReason.ServerUnreachable)
                {
                    // A refusal or a failing token provider needs the app's attention even while retrying goes on.
                    _pump.PostConnectionFailure(ex);
                }
            }
        }
    }

    private async Task<Exception> GiveUpAsync(ConnectionState phase, int retries, Exception? error)
    {
        var failure = retries == 0 && error is not null
            ? error
            : new SkaftinConnectionException($"Gave up {(phase == ConnectionState.Connecting ? "connecting" : "reconnecting")} after {retries} attempts.", error);
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            if (!TryChangeState(phase, ConnectionState.Disconnected, failure.Message))
            {
                return new OperationCanceledException("The connection was stopped.");
            }

            SetReconnectAttempt(0);
        }
        finally
        {
            _connectionLock.Release();
        }

        // Reported even when a start throws it too: a start may run unawaited (the hosted service's).
        _pump.PostConnectionFailure(failure);
        return failure;
    }

    // Under the connection lock: a socket accepted, its rooms joined, then Connected.
    private async Task ConnectOnceAsync(ConnectionState phase, CancellationToken run)
    {
        // No provider and no key: no credential is sent, as the seed's client sends none.
        HandshakeCredential? credential;
        try
        {
            credential = HandshakeCredential.From(
                _options.Credential,
                _options.AccessTokenProvider is { } provider ? await provider(run).ConfigureAwait(false) : _options.ApiKey);
        }
        catch (Exception ex) when (!(ex is OperationCanceledException && run.IsCancellationRequested))
        {
            throw new TokenProviderException(ex);
        }

        var resume = _resume;
        var socket = _factory(_options.ApiUrl, _options.Transport, credential, resume);
        var accepted = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Connected += () => accepted.TrySetResult(true);
        socket.ConnectError += refusal => accepted.TrySetException(RefusalError(refusal));
        var closed = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        socket.Disconnected += disconnect =>
        {
            accepted.TrySetException(new SkaftinConnectionException($"The connection closed before it was accepted: {disconnect.Description}"));
            closed.TrySetResult(true);
            OnSocketClosed(socket, disconnect.Description, disconnect.Reason == DisconnectReason.ServerDisconnect ? null : RetryReason.ConnectionLost);
        };
        socket.Heartbeat += () => Touch(socket);
        socket.EventReceived += (name, payload) => OnEvent(socket, name, payload);
        socket.FrameRejected += _pump.PostFrameRejected;
        socket.ReceiveIdle += _pump.OnReceiveIdle;
        Volatile.Write(ref _socket, socket);
        try
        {
            var starting = socket.StartAsync(run);
            _ = starting.ContinueWith(
                // A failure the connection already explained (a refused redirect or certificate, neither transport
                // connecting) goes to the app as itself.
                static (t, state) => ((TaskCompletionSource<bool>)state!).TrySetException(t.Exception!.InnerException is SkaftinConnectionException explained
                    ? explained
                    : new SkaftinConnectionException("The connection failed to start.", t.Exception!.GetBaseException())),
                accepted,
                CancellationToken.None,
                TaskContinuationOptions.OnlyOnFaulted | TaskContinuationOptions.ExecuteSynchronously,
                TaskScheduler.Default);
            await accepted.Task.WaitAsync(_options.ConnectTimeout, _options.TimeProvider, run).ConfigureAwait(false);
        }
        catch (Exception ex)
        {
            // Nothing half-made survives a failed or abandoned attempt.
            Volatile.Write(ref _socket, null);
            await socket.CloseAsync().ConfigureAwait(false);
            if (ex is TimeoutException)
            {
                throw new SkaftinConnectionException($"Could not connect to {_options.ApiUrl} within {_options.ConnectTimeout.TotalSeconds:0.#} s.", ex);
            }

            throw;
        }

        // A recovered session keeps its socket id and rooms, and the server replays what was missed.
        var recovered = resume is not null && _lostSocketId is not null && socket.Id == _lostSocketId;
        var resync = _everConnected && !recovered;
        _everConnected = true;
        Volatile.Write(ref _recovered, recovered ? 1 : 0);
        SetReconnectAttempt(0);
        ArmWatchdog(socket.AnnouncedHeartbeat ?? _options.HeartbeatTimeout);
        Touch(socket);
        Log.Connected(_logger, _options.ApiUrl, socket.Id);
        if (phase == ConnectionState.Reconnecting)
        {
            SkaftinTelemetry.Reconnects.Add(1);
        }

        // Self-check: the client says it is live only once every held room is joined on this socket (or its failure
        // reported), so Connected never stands for a socket that is not in its rooms.
        await JoinRoomsAsync(socket, recovered, closed.Task, run).ConfigureAwait(false);
        TryChangeState(phase, ConnectionState.Connected, phase == ConnectionState.Connecting ? null : recovered ? "recovered" : "reconnected");
        if (resync)
        {
            // In order with the events: handlers see the signal after everything received before it.
            _pump.PostResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, _options.TimeProvider.GetUtcNow()));
        }
    }

    // Under the connection lock. A socket that closes (or a start that is cancelled) while its rooms are being joined
    // is an attempt that failed: nothing of it stays open, and the connect loop decides what comes next.
    private async Task JoinRoomsAsync(ISocketConnection socket, bool recovered, Task closed, CancellationToken run)
    {
        try
        {
            var joins = _rooms.AttachAsync(socket, recovered, run);
            if (await Task.WhenAny(joins, closed).ConfigureAwait(false) != joins)
            {
                throw new SkaftinConnectionException("The connection closed while its rooms were being joined.");
            }

            await joins.ConfigureAwait(false);
        }
        catch
        {
            _rooms.Detach(socket);
            Volatile.Write(ref _socket, null);
            await socket.CloseAsync().ConfigureAwait(false);
            throw;
        }
    }

    // Each kind of refusal is its own typed error, so the retry policy (through RetryContext.Reason) and OnError tell a
    // refused credential from any other refusal; what happens next is the policy's decision.
    private static Exception RefusalError(ConnectRefusal refusal) => refusal.Kind switch
    {
        ConnectRefusalKind.Authentication => new SkaftinAuthenticationException(refusal.Message),
        ConnectRefusalKind.Unknown => new SkaftinConnectionRefusedException(null),
        _ => new SkaftinConnectionRefusedException(refusal.Message),
    };

    // From the socket's threads: the loss is handled on a task of its own, which stop and dispose await.
    private void OnSocketClosed(ISocketConnection socket, string reason, RetryReason? retry)
    {
        if (Volatile.Read(ref _socket) == socket)
        {
            Track(Task.Run(() => HandleLossAsync(socket, reason, retry)));
        }
    }

    private async Task HandleLossAsync(ISocketConnection socket, string reason, RetryReason? retry)
    {
        TimeSpan? firstDelay;
        CancellationToken run;
        var closeOnly = false;
        var outcome = new TaskCompletionSource<Exception?>(TaskCreationOptions.RunContinuationsAsynchronously);
        await _connectionLock.WaitAsync().ConfigureAwait(false);
        try
        {
            // Only the live, accepted socket counts; an attempt in progress handles its own failure.
            if (Volatile.Read(ref _socket) != socket || State != ConnectionState.Connected)
            {
                return;
            }

            Volatile.Write(ref _socket, null);
            _rooms.Detach(socket);
            Log.ConnectionLost(_logger, reason);
            _lostSocketId = socket.Id;
            _resume = socket.SessionId is { } session ? new SessionResume(session, socket.LastOffset) : null;

            // The state moves before the socket is closed, and the close happens outside the lock: closing a socket whose
            // peer stopped reading waits (up to SendTimeout) for a goodbye that cannot go out, and neither State nor a
            // StopAsync may wait behind it.
            firstDelay = retry is { } why ? _policy.NextRetryDelay(new RetryContext(0, TimeSpan.Zero, why, null)) : null;
            if (firstDelay is null)
            {
                TryChangeState(ConnectionState.Connected, ConnectionState.Disconnected, reason);
                closeOnly = true;
                return;
            }

            // A Reconnect pressed before this loss does not cut the first wait of this reconnect short.
            Volatile.Write(ref _retryNow, NewRetryNow());
            Volatile.Write(ref _reconnectOutcome, outcome.Task);
            TryChangeState(ConnectionState.Connected, ConnectionState.Reconnecting, reason);
            run = _run.Token;
        }
        finally
        {
            _connectionLock.Release();
            if (closeOnly)
            {
                await socket.CloseAsync().ConfigureAwait(false);
            }
        }

        // The lost socket's close (its goodbye given up after SendTimeout when a write is stuck) goes on while the retry
        // policy reconnects: a deaf peer never delays the new connection. This task, which stop and dispose await, ends
        // only once both have.
        var closing = socket.CloseAsync();
        outcome.SetResult(await ConnectLoopAsync(ConnectionState.Reconnecting, retry!.Value, firstDelay, run).ConfigureAwait(false));
        await closing.ConfigureAwait(false);
    }

    // Runs on the socket's receive thread: only cheap work here, handlers run on the dispatch pump.
    private void OnEvent(ISocketConnection socket, string name, ReadOnlyMemory<byte> payload)
    {
        if (Volatile.Read(ref _socket) != socket)
        {
            return;
        }

        Touch(socket);
        switch (name)
        {
            case EventNames.JoinedProject:
            case EventNames.JoinProjectError:
                CompleteJoin(name, payload);
                return;
            case EventNames.LeftProject:
                return;
            default:
                _pump.PostEvent(name, payload, socket.SignalsReceiveIdle);
                return;
        }
    }

    private void CompleteJoin(string name, ReadOnlyMemory<byte> payload)
    {
        var refused = name == EventNames.JoinProjectError;
        if (!ClientEnvelopes.TryReadJoinAnswer(payload, refused ? "message" : null, out var projectId, out var message, out var error))
        {
            _pump.Router.ReportDecodeFailure(name, null, null, payload, error!);
            return;
        }

        _rooms.CompleteJoin(projectId ?? "", refused ? new SkaftinJoinException(projectId ?? "", message ?? "refused") : null);
    }

    private void Touch(ISocketConnection socket)
    {
        if (Volatile.Read(ref _socket) == socket)
        {
            Volatile.Write(ref _lastHeartbeat, _options.TimeProvider.GetTimestamp());
        }
    }

    private void ArmWatchdog(TimeSpan timeout)
    {
        Volatile.Write(ref _heartbeatTimeoutTicks, timeout.Ticks);
        var period = TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerMillisecond * 50, timeout.Ticks / 4));
        _watchdog.Change(period, period);
    }

    private void CheckHeartbeat()
    {
        var socket = Volatile.Read(ref _socket);
        if (socket is null || State != ConnectionState.Connected)
        {
            return;
        }

        if (_options.TimeProvider.GetElapsedTime(Volatile.Read(ref _lastHeartbeat)) > HeartbeatTimeout)
        {
            OnSocketClosed(socket, "heartbeat timeout", RetryReason.HeartbeatTimeout);
        }
    }

    // Under the connection lock.
    private bool TryChangeState(ConnectionState expected, ConnectionState next, string? reason)
    {
        if (!ConnectionStateGraph.IsAllowed(expected, next))
        {
            throw new InvalidOperationException($"The connection cannot move from {expected} to {next}.");
        }

        if (Interlocked.CompareExchange(ref _state, (int)next, (int)expected) != (int)expected)
        {
            return false;
        }

        _pump.PostStateChange(new ConnectionStateChange(expected, next, ReconnectAttempt, reason));
        return true;
    }

    private void Track(Task task)
    {
        lock (_tasksGate)
        {
            _background = _background.IsCompleted ? task : Task.WhenAll(_background, task);
        }
    }

    private static TaskCompletionSource<bool> NewRetryNow() => new(TaskCreationOptions.RunContinuationsAsynchronously);

    private void SetReconnectAttempt(int attempt)
    {
        if (Interlocked.Exchange(ref _reconnectAttempt, attempt) != attempt)
        {
            ReconnectAttemptChanged?.Invoke();
        }
    }

    // The wait between two attempts, which ReconnectAsync ends early (then the next wait is the policy's again).
    private async Task DelayOrRetryNowAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        var retryNow = Volatile.Read(ref _retryNow);
        if (!retryNow.Task.IsCompleted)
        {
            using var wait = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            var delayed = DelayAsync(delay, wait.Token);
            if (await Task.WhenAny(delayed, retryNow.Task).ConfigureAwait(false) == delayed)
            {
                await delayed.ConfigureAwait(false); // throws when the run was cancelled
                return;
            }

            wait.Cancel();
            cancellationToken.ThrowIfCancellationRequested();
        }

        Interlocked.CompareExchange(ref _retryNow, NewRetryNow(), retryNow);
    }

    private Task DelayAsync(TimeSpan delay, CancellationToken cancellationToken) =>
#if NET8_0_OR_GREATER
        Task.Delay(delay, _options.TimeProvider, cancellationToken);
#else
        _options.TimeProvider.Delay(delay, cancellationToken);
#endif

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed))
        {
            throw new ObjectDisposedException(nameof(SkaftinRealtimeClient));
        }
    }

    /// <summary><see cref="SkaftinRealtimeOptions.AccessTokenProvider"/> threw; retried (and reported) like a refusal.</summary>
    private sealed class TokenProviderException(Exception inner)
        : SkaftinConnectionException("The access token provider failed: " + inner.Message, inner);
}
