using System;
using System.Runtime.ExceptionServices;
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
internal sealed partial class ConnectionSupervisor : IAsyncDisposable
{
    private readonly ClientSettings _options;
    private readonly SocketConnectionFactory _factory;
    private readonly ILogger _logger;
    private readonly RoomRegistry _rooms;
    private readonly DispatchPump _pump;
    private readonly IRetryPolicy _policy;
    private readonly SemaphoreSlim _connectionLock = new(1, 1);
    private readonly object _tasksGate = new();
    // Joined at the first connect, not at construction: the process-wide watch holds its members, and a client that
    // was never started (nor disposed) must not be kept alive by it.
    private HeartbeatWatch.Member? _watchdog;
    private int _state;
    private ISocketConnection? _socket;
    private CancellationTokenSource _run = new();
    private Task _background = Task.CompletedTask;
    private Task<Exception?> _startOutcome = Task.FromResult<Exception?>(null);
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

    // Ticks (of the options' TimeProvider) since the client was last not connected; 0 while connected. Stamped here,
    // where the state moves, so a handler blocking the dispatch path does not delay what the health check sees.
    private long _notConnectedSince;

    public ConnectionSupervisor(ClientSettings options, SocketConnectionFactory factory, ILogger logger, RoomRegistry rooms, DispatchPump pump)
    {
        _options = options;
        _factory = factory;
        _logger = logger;
        _rooms = rooms;
        _pump = pump;
        _policy = options.RetryPolicy;
        _heartbeatTimeoutTicks = options.HeartbeatTimeout.Ticks;
        _notConnectedSince = options.TimeProvider.GetUtcNow().UtcTicks;
    }

    public ConnectionState State => (ConnectionState)Volatile.Read(ref _state);

    public string? SocketId => State == ConnectionState.Connected ? Volatile.Read(ref _socket)?.Id : null;

    public int ReconnectAttempt => Volatile.Read(ref _reconnectAttempt);

    /// <summary>When the connection last stopped being connected (or the client was created); null while connected.</summary>
    public DateTimeOffset? NotConnectedSince
    {
        get
        {
            var ticks = Interlocked.Read(ref _notConnectedSince);
            return ticks == 0 ? null : new DateTimeOffset(ticks, TimeSpan.Zero);
        }
    }

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
        Task<Exception?> outcome;
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
                    outcome = _startOutcome = loop;
                    startedHere = true;
                    break;
            }
        }
        finally
        {
            _connectionLock.Release();
        }

        Exception? failure;
        try
        {
            failure = await outcome.WaitAsync(Timeout.InfiniteTimeSpan, _options.TimeProvider, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (startedHere && cancellationToken.IsCancellationRequested)
        {
            await StopAsync("start cancelled").ConfigureAwait(false);
            throw;
        }

        // The loop returns why it did not connect instead of throwing (stop awaits it); every caller waiting on this
        // start throws that, read here rather than through one more async method that only rethrows.
        if (failure is not null)
        {
            ExceptionDispatchInfo.Capture(failure).Throw();
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
        Volatile.Read(ref _watchdog)?.Dispose();
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

        if (next == ConnectionState.Connected)
        {
            Interlocked.Exchange(ref _notConnectedSince, 0);
        }
        else
        {
            Interlocked.CompareExchange(ref _notConnectedSince, _options.TimeProvider.GetUtcNow().UtcTicks, 0);
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
