using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

/// <summary>Settings of a <see cref="SkaftinRealtimeClient"/>.</summary>
public sealed partial class SkaftinRealtimeOptions
{
    private int _maxFrameBytes = DefaultMaxFrameBytes;

    /// <summary>The Skaftin API URL the Socket.IO endpoint lives at. Default <c>http://localhost:4006</c>.</summary>
    public Uri ApiUrl { get; set; } = new("http://localhost:4006");

    /// <summary>
    /// Returns the credential (access token, API key) for the handshake. Called before every connect and reconnect, so
    /// a fresh token can be handed out each time, and outside the SDK's locks, so it may call into the client. It
    /// travels where <see cref="Credential"/> says (by default the handshake's <c>auth.token</c>) and is never logged;
    /// an empty one is not sent. A provider that does not return within <see cref="ConnectTimeout"/> fails that attempt
    /// (retried as a failing provider), and a stop or dispose abandons its wait even if it ignores the token. Optional: with neither this nor
    /// <see cref="ApiKey"/>, the client sends no credential, as the seed's client does.
    /// </summary>
    public Func<CancellationToken, ValueTask<string>>? AccessTokenProvider { get; set; }

    /// <summary>
    /// A fixed API key, used when no <see cref="AccessTokenProvider"/> is set (configuration key <c>Skaftin:ApiKey</c>).
    /// Optional, like the provider.
    /// </summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// Where the credential travels: a field of the handshake's <c>auth</c> object (default <c>token</c>), a query
    /// parameter, or a header (configuration keys <c>Skaftin:Credential:Location</c>, <c>:Name</c>, <c>:Prefix</c>).
    /// </summary>
    public SkaftinCredentialOptions Credential { get; set; } = new();

    /// <summary>
    /// When a join counts as done: <see cref="Realtime.JoinConfirmation.Auto"/> (default) waits for the server's
    /// <c>joined-project</c> and, when a server never sends it, falls back once to counting joins as done when sent;
    /// <see cref="Realtime.JoinConfirmation.ServerAnswer"/> insists on the answer; <see cref="Realtime.JoinConfirmation.OnEmit"/>
    /// never waits for it (configuration key <c>Skaftin:JoinConfirmation</c>).
    /// </summary>
    public JoinConfirmation JoinConfirmation { get; set; } = JoinConfirmation.Auto;

    /// <summary>Projects the hosted service joins after connecting (configuration key <c>Skaftin:Projects</c>).</summary>
    public IList<string> Projects { get; } = new List<string>();

    /// <summary>
    /// Where handlers run. Null (default): on the client's dispatch task. Set it to a UI thread's context
    /// (<c>SynchronizationContext.Current</c>) to get handlers on that thread: the client posts one callback at a time
    /// (<see cref="SynchronizationContext.Post"/>) that runs up to 32 queued items in order, so order and the queue's
    /// bound are kept, no SDK thread waits for the context, and the app's loop gets its turn between runs. A context
    /// that refuses the post (its loop has ended) has each queued item reported to <c>OnError</c>.
    /// </summary>
    public SynchronizationContext? HandlerContext { get; set; }

    /// <summary>
    /// Adjusts the websocket before it connects: TLS (for example trusting a private CA through
    /// <c>RemoteCertificateValidationCallback</c> or client certificates), proxy, headers. Runs for every connection
    /// attempt. Long-polling uses the same settings: its HTTP requests get the certificate check, client certificates,
    /// proxy, credentials and cookies set here (request headers set here stay the websocket's own). The options come
    /// with <c>KeepAliveInterval</c> at zero (no websocket-level keep-alive: the server's Engine.IO ping and its pong
    /// already cross the connection every ping interval); set one here if a proxy needs more.
    /// </summary>
    public Action<System.Net.WebSockets.ClientWebSocketOptions>? ConfigureWebSocket { get; set; }

    /// <summary>
    /// The transport: <see cref="SkaftinTransport.WebSocketThenPolling"/> (default, as the JavaScript client's
    /// <c>transports: ['websocket', 'polling']</c>), a WebSocket only, or HTTP long-polling only.
    /// </summary>
    public SkaftinTransport Transport { get; set; } = SkaftinTransport.WebSocketThenPolling;

    /// <summary>How long each connection attempt waits for the server to accept. Default 20 s.</summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How long a join waits for the server's confirmation (with <see cref="JoinConfirmation.ServerAnswer"/>, and with
    /// <see cref="JoinConfirmation.Auto"/> before it falls back to counting joins as done when sent). Default 10 s.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long one write to the connection may take (a join, a leave, a heartbeat answer, the closing packets). A peer
    /// (server or proxy) that stops reading fills the socket's buffers and a write waits; past this bound the connection
    /// counts as dead: the write fails with a <see cref="SkaftinConnectionException"/> and the client reconnects as after
    /// any lost connection. It also bounds the goodbye of <see cref="SkaftinRealtimeClient.StopAsync"/> and
    /// <see cref="SkaftinRealtimeClient.DisposeAsync"/>: past it the socket is closed without one. Default 10 s. Over
    /// long-polling a send is an HTTP request, bounded by the HTTP client's own timeout instead (the goodbye's bound
    /// holds on both transports).
    /// </summary>
    public TimeSpan SendTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long the connection may go without a server ping before it is declared dead and re-established, when the
    /// server has not announced its own settings. A server announces its ping interval and ping timeout in its open
    /// packet; their sum is used instead, as the JavaScript client does. Default 45 s
    /// (socket.io's defaults).
    /// </summary>
    public TimeSpan HeartbeatTimeout { get; set; } = TimeSpan.FromSeconds(45);

    /// <summary>
    /// Decides whether, and after how long, to try connecting again after a lost connection or a failed first
    /// connection. The default is a <see cref="SkaftinRetryPolicy"/>: exponential backoff with jitter from 0.5 s to
    /// 30 s, no limit on attempts, every refusal reported through <see cref="SkaftinRealtimeClient.OnError"/>. Set your
    /// own <see cref="IRetryPolicy"/>, or a <see cref="SkaftinRetryPolicy"/> with other settings (in configuration, the
    /// hosting package binds the section <c>Skaftin:Reconnect</c> — <c>InitialDelay</c>, <c>MaxDelay</c>, <c>Jitter</c>,
    /// <c>MaxAttempts</c>, <c>Enabled</c> — to a <see cref="SkaftinRetryPolicy"/> set here).
    /// </summary>
    public IRetryPolicy RetryPolicy { get; set; } = new SkaftinRetryPolicy();

    /// <summary>
    /// Whether a failing first connection is retried by the retry policy (default true): an app may start before its
    /// backend, stays <see cref="ConnectionState.Connecting"/> and connects when the backend comes, each failure
    /// reported through <see cref="SkaftinRealtimeClient.OnError"/>. False fails fast: <see cref="SkaftinRealtimeClient.StartAsync"/>
    /// throws after the first failed attempt.
    /// </summary>
    public bool RetryInitialConnection { get; set; } = true;

    /// <summary>
    /// How many received events may wait for the handlers. Default 10,000. When the queue is full the socket's reader
    /// waits up to <see cref="DispatchQueueFullWait"/> for room, which slows the server down through TCP as any
    /// socket reader does; only an event that still finds no room is reported as
    /// <see cref="RealtimeErrorKind.DispatchQueueFull"/> (with its raw text) instead of delivered.
    /// </summary>
    public int DispatchQueueCapacity { get; set; } = 10_000;

    /// <summary>
    /// How long the socket's reader waits for room in a full dispatch queue before it reports the event instead.
    /// Default 5 s: well under the server's ping timeout, so a long stall cannot cost the connection. Zero never waits.
    /// </summary>
    public TimeSpan DispatchQueueFullWait { get; set; } = TimeSpan.FromSeconds(5);

    /// <summary>The default <see cref="MaxFrameBytes"/>: 64 MiB.</summary>
    public const int DefaultMaxFrameBytes = 64 * 1024 * 1024;

    /// <summary>The smallest <see cref="MaxFrameBytes"/> allowed: 64 KiB.</summary>
    public const int MinimumMaxFrameBytes = 64 * 1024;

    /// <summary>
    /// The largest websocket frame the client takes in, in bytes. Default <see cref="DefaultMaxFrameBytes"/>. A larger
    /// frame is not buffered past this size: the rest is read and let go, and the event is reported as
    /// <see cref="FrameErrorKind.TooLarge"/> (with its name, table, type and offset when they can be read from its
    /// first and last bytes) while the connection goes on.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException">The value is below <see cref="MinimumMaxFrameBytes"/>.</exception>
    public int MaxFrameBytes
    {
        get => _maxFrameBytes;
        set => _maxFrameBytes = value >= MinimumMaxFrameBytes
            ? value
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"MaxFrameBytes must be at least {MinimumMaxFrameBytes}.");
    }

    /// <summary>
    /// Runs each handler on the socket's receive thread as its event is read, instead of queueing the events and
    /// handing each run over when the next read has to wait (where a handler that takes long has its receiving taken
    /// over by another thread). Off by default. On, events skip the queue: less CPU per event at full speed, the same at moderate rates (see
    /// docs/benchmarks/end-to-end.md), for apps whose handlers are quick (or hand work off themselves). The price:
    /// while a handler runs, the socket reads nothing, not even the server's pings, so a handler that blocks longer
    /// than <see cref="HeartbeatTimeout"/> costs the connection (which is then recovered or resynced as after any
    /// drop). Order and the one-handler-at-a-time guarantee are the same either way: an event that arrives while
    /// another thread is delivering (a state change, an error) is delivered by that thread right after, rather than
    /// the receive thread waiting for it. Cannot be combined with <see cref="HandlerContext"/>.
    /// </summary>
    public bool DispatchOnReceiveThread { get; set; }

    /// <summary>Where the client logs. None by default.</summary>
    public ILoggerFactory? LoggerFactory { get; set; }

    /// <summary>The clock for timeouts, backoff and the heartbeat watchdog. <see cref="TimeProvider.System"/> by default.</summary>
    public TimeProvider TimeProvider { get; set; } = TimeProvider.System;

    /// <summary>
    /// Creates the client's <see cref="System.Diagnostics.Metrics.Meter"/> (named <see cref="SkaftinTelemetry.Name"/>),
    /// so its metrics belong to the app's metrics pipeline (the hosting package passes the container's). Null (default)
    /// uses one process-wide meter of that name.
    /// </summary>
    public System.Diagnostics.Metrics.IMeterFactory? MeterFactory { get; set; }
}

/// <summary>The Socket.IO transport to use.</summary>
public enum SkaftinTransport
{
    /// <summary>A WebSocket only: an attempt whose WebSocket cannot open fails (and is retried as the policy says).</summary>
    WebSocket,

    /// <summary>HTTP long-polling only (for networks that block WebSockets).</summary>
    Polling,

    /// <summary>
    /// A WebSocket first, HTTP long-polling when it cannot open (the default): each connection attempt starts with a
    /// WebSocket, and when its opening handshake fails (a proxy or firewall that refuses the upgrade, an answer other
    /// than 101, a failed connection) the same attempt goes on over long-polling. A refusal by the server itself
    /// (a Socket.IO CONNECT_ERROR, such as rejected credentials) is not a transport failure and is reported as such.
    /// </summary>
    WebSocketThenPolling,
}
