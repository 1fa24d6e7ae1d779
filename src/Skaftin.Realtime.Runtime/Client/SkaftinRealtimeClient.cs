using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace Skaftin.Realtime;

/// <summary>
/// A realtime connection to a Skaftin backend. Start it, join projects, and take typed events from the generated
/// per-table accessors (<c>client.Vehicles()</c>). The client reconnects with backoff after a lost connection (and,
/// by default, keeps trying a first connection until the backend is up), asks for a fresh token each time, joins
/// every held room on every new connection, and delivers events, state changes and errors to handlers in order on
/// its own dispatch task, so a slow handler never stalls the socket. Dispose it to close the connection.
/// </summary>
public sealed partial class SkaftinRealtimeClient : ISkaftinRealtimeSource, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// The one list of the server events the client takes, given to the transport: the dispatch pump delivers the
    /// changes and project events, the supervisor reads the join answers.
    /// </summary>
    internal static readonly InterceptedEvents ServerEvents = new(
        EventNames.DatabaseChange, EventNames.ProjectEvent, EventNames.JoinedProject, EventNames.LeftProject, EventNames.JoinProjectError);

    private readonly ILogger _logger;
    private readonly HandlerList<Action<ConnectionStateChange>> _stateObservers = new();
    private readonly CancellationTokenSource _lifetime = new();
    private readonly DispatchPump _pump;
    private readonly RoomRegistry _rooms;
    private readonly ConnectionSupervisor _supervisor;
    private int _disposed;

    /// <summary>
    /// Creates a client; nothing is sent until <see cref="StartAsync"/>. The settings are validated and copied here:
    /// changing <paramref name="options"/> afterwards has no effect on this client.
    /// </summary>
    /// <param name="options">The settings.</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names each one).</exception>
    public SkaftinRealtimeClient(SkaftinRealtimeOptions options)
        : this(options?.Snapshot()!, new OncePerOutage())
    {
    }

    // The fallback notice outlives each connection: one Warning per outage, however many attempts it takes.
    private SkaftinRealtimeClient(SkaftinRealtimeOptions options, OncePerOutage fallbackNotice)
        : this(options, (url, transport, credential, resume) => new SocketIOConnection(url, transport, credential, resume, options?.ConfigureWebSocket, options?.MaxFrameBytes ?? SkaftinRealtimeOptions.DefaultMaxFrameBytes, ServerEvents,
            options?.LoggerFactory?.CreateLogger("Skaftin.Realtime") ?? NullLogger.Instance, options?.SendTimeout ?? TimeSpan.FromSeconds(10), fallbackNotice, options?.TimeProvider))
    {
    }

    /// <summary>
    /// Creates a client that connects through <paramref name="connector"/> instead of Socket.IO: an in-memory server
    /// for tests, or a transport of your own. Everything else is the same client: settings, retries, rooms, dispatch,
    /// typed events. Nothing is sent until <see cref="StartAsync"/>.
    /// </summary>
    /// <param name="options">The settings (<see cref="SkaftinRealtimeOptions.ApiUrl"/> is handed to the connector; the transport settings are not used).</param>
    /// <param name="connector">Opens each connection attempt.</param>
    /// <exception cref="ArgumentException">A setting is invalid (the message names each one).</exception>
    public SkaftinRealtimeClient(SkaftinRealtimeOptions options, RealtimeConnector connector)
        : this(options, new ConnectorConnections(connector ?? throw new ArgumentNullException(nameof(connector))))
    {
    }

    private SkaftinRealtimeClient(SkaftinRealtimeOptions options, ConnectorConnections connections)
        : this(options, connections.Create)
    {
        connections.Router = Router;
    }

    internal SkaftinRealtimeClient(SkaftinRealtimeOptions options, SocketConnectionFactory connectionFactory)
    {
        if (options is null)
        {
            throw new ArgumentNullException(nameof(options));
        }

        // Read once: the client runs with immutable settings, validated once, so nothing the caller changes later reaches it.
        var settings = ClientSettings.From(options);
        _logger = settings.LoggerFactory?.CreateLogger("Skaftin.Realtime") ?? NullLogger.Instance;
        Router = new SkaftinEventRouter(_logger, settings.TimeProvider, SkaftinMetrics.For(settings.MeterFactory));
        _pump = new DispatchPump(settings, Router, DeliverStateChange);
        _rooms = new RoomRegistry(settings, _pump.PostConnectionFailure, _logger);
        _supervisor = new ConnectionSupervisor(settings, connectionFactory, _logger, _rooms, _pump);
        TimeProvider = settings.TimeProvider;
    }

    /// <summary>The router that hands this client's events to its typed tables (internal: subscribe on the client).</summary>
    internal SkaftinEventRouter Router { get; }

    /// <inheritdoc />
    SkaftinEventRouter ISkaftinRealtimeSource.Router => Router;

    /// <summary>Where the connection stands (the moves it makes are drawn in the README's connection section).</summary>
    public ConnectionState State => _supervisor.State;

    /// <summary>The socket id the server assigned, while connected.</summary>
    public string? SocketId => _supervisor.SocketId;

    /// <summary>The retry in progress (of a reconnect, or of a first connection), or 0.</summary>
    public int ReconnectAttempt => _supervisor.ReconnectAttempt;

    /// <summary>
    /// Whether the last new connection restored the previous session (the server enables connection state recovery and
    /// replayed the events sent meanwhile). When false after a reconnect, every table received a resync signal.
    /// </summary>
    public bool LastReconnectRecovered => _supervisor.LastReconnectRecovered;

    /// <summary>
    /// How long the connection may stay silent before it counts as dead: the server's announced ping interval plus
    /// ping timeout once connected over WebSocket, otherwise <see cref="SkaftinRealtimeOptions.HeartbeatTimeout"/>.
    /// </summary>
    public TimeSpan HeartbeatTimeout => _supervisor.HeartbeatTimeout;

    /// <summary>
    /// Whether joins count as done once sent rather than on the server's <c>joined-project</c>: true with
    /// <see cref="JoinConfirmation.OnEmit"/>, and with <see cref="JoinConfirmation.Auto"/> (the default) once a server
    /// that never answered a join left one unanswered for <see cref="SkaftinRealtimeOptions.RequestTimeout"/> (logged
    /// once as a Warning). A status page can show it: the server's answers are not being used to confirm rooms.
    /// </summary>
    public bool JoinsConfirmedOnEmit => _rooms.ConfirmsOnEmit;

    /// <summary>Raised on every change of <see cref="State"/>, in order with events, on the same thread or context as their handlers.</summary>
    public event Action<ConnectionStateChange>? StateChanged;

    /// <summary>Connection state changes as an observable (usable with System.Reactive, which this package does not need).</summary>
    public IObservable<ConnectionStateChange> StateChanges => new HandlerObservable<ConnectionStateChange>(_stateObservers);

    /// <summary>
    /// Starts the connection, completing once the server has accepted it. Safe to call at any time and from several
    /// threads: while started it makes no second connection (a start under way is waited for; a live or reconnecting
    /// connection returns at once). A failing first connection is retried by the retry policy, each refusal reported
    /// through <see cref="OnError"/>, unless <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> is off. Every
    /// held project room is joined on the new connection.
    /// </summary>
    /// <param name="cancellationToken">Abandons the start: nothing is left open.</param>
    /// <returns>A task that completes when connected.</returns>
    /// <exception cref="SkaftinAuthenticationException">The server refused the credentials (with <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> off).</exception>
    /// <exception cref="SkaftinConnectionRefusedException">The server refused the connection for another reason (with <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> off).</exception>
    /// <exception cref="SkaftinConnectionException">The server could not be reached, and the retry policy gave up.</exception>
    /// <exception cref="OperationCanceledException">The start was cancelled, or the client stopped meanwhile.</exception>
    public Task StartAsync(CancellationToken cancellationToken = default) => _supervisor.StartAsync(cancellationToken);

    /// <summary>
    /// The Reconnect button of a status indicator. What it does depends on <see cref="State"/>:
    /// <list type="bullet">
    /// <item><see cref="ConnectionState.Connected"/>: nothing; it returns at once (the live socket is kept).</item>
    /// <item><see cref="ConnectionState.Reconnecting"/>, or <see cref="ConnectionState.Connecting"/> while a first
    /// connection is retried: the wait before the next attempt ends and the attempt is made now (one under way is not
    /// cut short: the next follows it at once); completes when connected. The retry policy still counts the attempts:
    /// if it gives up, this throws its <see cref="SkaftinConnectionException"/>.</item>
    /// <item><see cref="ConnectionState.Disconnected"/> (stopped, the retry policy gave up, or the server closed the
    /// connection): starts again, exactly as <see cref="StartAsync"/>, joining every held room on the new connection
    /// (and signalling a resync, since events sent meanwhile are lost).</item>
    /// </list>
    /// </summary>
    /// <param name="cancellationToken">Abandons the wait; a start begun by this call is stopped, an existing retrying goes on.</param>
    /// <returns>A task that completes when connected.</returns>
    /// <exception cref="SkaftinConnectionException">The server could not be reached, and the retry policy gave up.</exception>
    /// <exception cref="SkaftinAuthenticationException">The server rejected the token (with <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> off).</exception>
    /// <exception cref="OperationCanceledException">The wait was cancelled, or the client stopped meanwhile.</exception>
    public Task ReconnectAsync(CancellationToken cancellationToken = default) => _supervisor.ReconnectAsync(cancellationToken);

    /// <summary>
    /// A bindable view of the connection (<see cref="System.ComponentModel.INotifyPropertyChanged"/>) for one subscriber, raising its
    /// changes on <paramref name="context"/>: create one per window, page or Blazor circuit, and dispose it with it.
    /// </summary>
    /// <param name="context">
    /// Where the status changes and raises <c>PropertyChanged</c>; null (default) takes the caller's
    /// <see cref="SynchronizationContext.Current"/> (the UI thread's, or a Blazor circuit's renderer), and raises on
    /// thread-pool threads when there is none.
    /// </param>
    /// <returns>The status; dispose it to stop following the client.</returns>
    public RealtimeConnectionStatus CreateConnectionStatus(SynchronizationContext? context = null)
    {
        ThrowIfDisposed();
        return new RealtimeConnectionStatus(this, context ?? SynchronizationContext.Current);
    }

    /// <summary>
    /// Closes the connection and ends any retrying; waits for both. The held project rooms stay held and are joined
    /// again by the next <see cref="StartAsync"/>. Safe to call at any time, twice, concurrently with a start, and from
    /// a handler. Returns within about <see cref="SkaftinRealtimeOptions.SendTimeout"/> whatever the peer does: the
    /// goodbye to a server that stopped reading is given up and the socket closed without it.
    /// </summary>
    /// <returns>A task that completes when stopped.</returns>
    public Task StopAsync()
    {
        ThrowIfDisposed();
        return _supervisor.StopAsync("stopped");
    }

    /// <summary>
    /// Holds a project's room. Holders of one project share one join; dispose the returned membership to give up this
    /// share (the last one leaves the room). While connected it completes when the server confirms (or once the join
    /// is sent, with <see cref="JoinConfirmation.OnEmit"/> for servers that never confirm); before starting or while
    /// (re)connecting the room is remembered and joined as soon as a connection is accepted.
    /// </summary>
    /// <param name="projectId">The project.</param>
    /// <param name="cancellationToken">Abandons the wait.</param>
    /// <returns>This holder's share of the room.</returns>
    /// <exception cref="SkaftinJoinException">The server refused the join.</exception>
    /// <exception cref="TimeoutException">The server did not answer within <see cref="SkaftinRealtimeOptions.RequestTimeout"/>.</exception>
    public async Task<ProjectMembership> JoinProjectAsync(string projectId, CancellationToken cancellationToken = default)
    {
        if (string.IsNullOrEmpty(projectId))
        {
            throw new ArgumentException("A project id is required.", nameof(projectId));
        }

        ThrowIfDisposed();
        await _rooms.AcquireAsync(projectId, cancellationToken).ConfigureAwait(false);
        return new ProjectMembership(this, projectId);
    }

    /// <summary>
    /// Waits until everything this client received before the call (events, state changes, errors) has reached its
    /// handlers. Called from one of the client's handlers it completes once that handler has returned: await it there,
    /// never block on it.
    /// </summary>
    /// <param name="cancellationToken">Abandons the wait (what was received is still delivered).</param>
    /// <returns>A task that completes once delivered.</returns>
    public Task FlushAsync(CancellationToken cancellationToken = default)
    {
        var delivered = new TaskCompletionSource<bool>(TaskCreationOptions.RunContinuationsAsynchronously);
        _pump.PostInjected(() => delivered.TrySetResult(true));
        return delivered.Task.WaitAsync(Timeout.InfiniteTimeSpan, TimeProvider, cancellationToken);
    }

    /// <summary>The projects whose rooms this client holds, with how many holders each.</summary>
    /// <returns>A snapshot.</returns>
    public IReadOnlyDictionary<string, int> GetJoinedProjects() => _rooms.Snapshot();

    /// <summary>
    /// Closes the connection (the server sees it go at once, with a normal websocket closure), ends any retrying, delivers
    /// what was already received, and waits for all of it. Final: the client cannot be started again. Safe to call twice,
    /// and before starting. The goodbye to the server waits at most <see cref="SkaftinRealtimeOptions.SendTimeout"/>
    /// whatever the peer does; then come the handlers of what was already received. Called from inside one of this
    /// client's handlers it does not wait for the handlers (the caller is one of them), so even
    /// <c>DisposeAsync().AsTask().Wait()</c> there returns; what was received is delivered after that handler returns.
    /// </summary>
    /// <returns>A task that completes when closed.</returns>
    public async ValueTask DisposeAsync()
    {
        // Called from one of this client's handlers, the dispose cannot wait for the handlers to finish: the caller's
        // handler is one of them, and a handler that blocks on the returned task (DisposeAsync().Wait()) would wait for
        // itself. It then waits for the connection only, as Dispose() does; what was received is delivered after.
        var fromHandler = _pump.IsDeliveringOnCurrentThread;
        if (await DisposeCoreAsync().ConfigureAwait(false))
        {
            if (fromHandler)
            {
                _pump.Complete();
            }
            else
            {
                await _pump.CompleteAsync().ConfigureAwait(false);
            }
        }
    }

    /// <summary>
    /// Closes the connection and waits for it, for containers and callers that dispose synchronously. It never waits
    /// for handlers (so it cannot deadlock with a UI <see cref="SkaftinRealtimeOptions.HandlerContext"/>): what was
    /// already received is still delivered afterwards. Prefer <see cref="DisposeAsync"/>.
    /// </summary>
    public void Dispose()
    {
        // Off the caller's context, so no continuation needs the (possibly blocked) UI thread.
        Task.Run(DisposeCoreAsync).GetAwaiter().GetResult();
        _pump.Complete();
    }

    /// <summary>Raised on the thread that moved it after <see cref="ReconnectAttempt"/> changed (for <see cref="RealtimeConnectionStatus"/>).</summary>
    internal event Action? ReconnectAttemptChanged
    {
        add => _supervisor.ReconnectAttemptChanged += value;
        remove => _supervisor.ReconnectAttemptChanged -= value;
    }


    /// <summary>The clock the client runs on (<see cref="SkaftinRealtimeOptions.TimeProvider"/>): the one <see cref="NotConnectedSince"/> is stamped by.</summary>
    public TimeProvider TimeProvider { get; }

    /// <summary>
    /// When the client last stopped being connected (or was created), by <see cref="SkaftinRealtimeOptions.TimeProvider"/>;
    /// null while connected. Stamped as the state moves (not when the change reaches the handlers), so a health check
    /// tells a short outage from a long one even while a handler is slow (the hosting package's check reads it).
    /// </summary>
    public DateTimeOffset? NotConnectedSince => _supervisor.NotConnectedSince;

    /// <summary>
    /// The held projects the live connection has not joined because the server refused the join or never answered it,
    /// each with the reason: no event of them will arrive (the hosting package's health check reports them).
    /// </summary>
    /// <returns>A snapshot ordered by project id; empty while disconnected or when every held project is joined.</returns>
    public IReadOnlyList<KeyValuePair<string, string>> GetJoinProblems() => _rooms.JoinProblems();

    internal ValueTask ReleaseAsync(string projectId) =>
        Volatile.Read(ref _disposed) == 1 ? default : _rooms.ReleaseAsync(projectId, sendLeave: true, _lifetime.Token);

    internal async ValueTask ReleaseAsync(string projectId, CancellationToken cancellationToken)
    {
        if (!cancellationToken.CanBeCanceled)
        {
            await ReleaseAsync(projectId).ConfigureAwait(false);
            return;
        }

        if (Volatile.Read(ref _disposed) == 1)
        {
            return;
        }

        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(_lifetime.Token, cancellationToken))
        {
            await _rooms.ReleaseAsync(projectId, sendLeave: true, wait.Token).ConfigureAwait(false);
        }

        // The registry ends a cancelled wait quietly (a dispose cancels it too): the caller's own token is its error.
        cancellationToken.ThrowIfCancellationRequested();
    }

    private async Task<bool> DisposeCoreAsync()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 1)
        {
            return false;
        }

        _lifetime.Cancel();
        await _supervisor.DisposeAsync().ConfigureAwait(false);
        _rooms.Close();
        return true;
    }

    // On the dispatch pump, in order with events: a handler that throws is logged and does not stop the others.
    private void DeliverStateChange(ConnectionStateChange change)
    {
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

    private void ThrowIfDisposed()
    {
        if (Volatile.Read(ref _disposed) == 1)
        {
            throw new ObjectDisposedException(nameof(SkaftinRealtimeClient));
        }
    }
}
