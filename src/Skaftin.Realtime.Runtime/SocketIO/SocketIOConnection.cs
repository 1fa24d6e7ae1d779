using System;
using System.Collections.Generic;
using System.Net.Http;
using System.Net.WebSockets;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using SocketIOClient;
using SocketIOClient.Transport;

namespace Skaftin.Realtime;

/// <summary>
/// The real <see cref="ISocketConnection"/> over SocketIOClient 3.0.6. It turns off the library's own reconnection
/// (the client does its own, with backoff, fresh tokens and re-joined rooms), and plugs our transports in under it
/// (<see cref="SkaftinWebSocket"/>, and <see cref="PollingFrameHandler"/> as the HTTP client of long-polling), so
/// every inbound frame passes our frame reader and events reach the client without the library's parser. With
/// <see cref="SkaftinTransport.WebSocketThenPolling"/>, a websocket whose opening handshake fails (a proxy that
/// refuses the upgrade, an answer other than 101) makes the same attempt go on over long-polling.
/// </summary>
internal sealed class SocketIOConnection : ISocketConnection
{
    private readonly SocketIO _socket;
    private readonly Action<System.Net.WebSockets.ClientWebSocketOptions>? _configureWebSocket;
    private readonly InboundFrameFilter _router;
    private readonly bool _fallBackToPolling;
    private readonly ILogger _logger;
    private readonly OncePerOutage? _fallbackNotice;
    private readonly TimeSpan _sendTimeout;
    private readonly TimeProvider _timeProvider;
    private SkaftinWebSocket? _webSocket;
    // Made with the connection, so the app's ConfigureWebSocket runs where the connection is made (before the client's
    // connection lock is taken), not when the library asks for the websocket during the connect.
    private SkaftinWebSocket? _prepared;
    private int _closed;
    private string? _lastOffset;

    public SocketIOConnection(Uri url, SkaftinTransport transport, HandshakeCredential? credential, SessionResume? resume, Action<System.Net.WebSockets.ClientWebSocketOptions>? configureWebSocket, int maxFrameBytes, InterceptedEvents events, ILogger logger, TimeSpan sendTimeout, OncePerOutage? fallbackNotice = null, TimeProvider? timeProvider = null)
    {
        _timeProvider = timeProvider ?? TimeProvider.System;
        _sendTimeout = sendTimeout;
        _fallbackNotice = fallbackNotice;
        _configureWebSocket = configureWebSocket;
        _logger = logger;
        _fallBackToPolling = transport == SkaftinTransport.WebSocketThenPolling;
        // A resumed session's missed events come before the CONNECT packet, already with their offsets.
        _router = new InboundFrameFilter(events, maxFrameBytes, offsetsAppended: resume is not null, OnInbound);
        // The handshake's auth object: the credential when it goes there, and on reconnect the session to restore
        // (socket.io reads pid/offset). With neither, no auth object is sent, as the seed's client sends none.
        var auth = new Dictionary<string, string>();
        if (resume is not null)
        {
            auth["pid"] = resume.SessionId;
            if (resume.Offset is not null)
            {
                auth["offset"] = resume.Offset;
            }
        }

        var socketOptions = new SocketIOOptions
        {
            Transport = transport == SkaftinTransport.Polling ? TransportProtocol.Polling : TransportProtocol.WebSocket,
            AutoUpgrade = false,
            Reconnection = false,
            ConnectionTimeout = TimeSpan.FromSeconds(30),
        };
        credential?.ApplyTo(socketOptions, auth);
        socketOptions.Auth = auth.Count > 0 ? auth : null;
        _socket = new SocketIO(url, socketOptions)
        {
            JsonSerializer = SocketPayloadSerializer.Instance,
            ClientWebSocketProvider = CreateWebSocket,
        };
        // The library made an HttpClient of its own; ours reads every polling response first. The library disposes it.
        _socket.HttpClient.Dispose();
        _socket.HttpClient = new HttpClient(new PollingFrameHandler(_router, PollingHttpSettings.CreateHandler(configureWebSocket)));
        _prepared = transport == SkaftinTransport.Polling ? null : NewWebSocket();
        _socket.OnConnected += (_, _) => Connected?.Invoke();
        _socket.OnDisconnected += (_, reason) => Disconnected?.Invoke(SocketIOReasons.Disconnect(reason));
        _socket.OnError += (_, message) => ConnectError?.Invoke(SocketIOReasons.Refusal(message));
        _socket.OnPing += (_, _) => Heartbeat?.Invoke();
    }

    public event Action<string, ReadOnlyMemory<byte>>? EventReceived;

    public event Action<FrameRejection>? FrameRejected;

    public event Action? ReceiveIdle;

    public event Action? Connected;

    public event Action<SocketDisconnect>? Disconnected;

    public event Action<ConnectRefusal>? ConnectError;

    public event Action? Heartbeat;

    // Every event comes off the wire: nothing is handed over already typed.
    public event Action<Action>? LocalDelivery { add { } remove { } }

    // Our websocket says when its receive loop waits; SocketIOClient's polling transport (also after a fallback) does not.
    public bool SignalsReceiveIdle => _socket.Options.Transport == TransportProtocol.WebSocket;

    public string? Id => _socket.Id;

    public string? SessionId => _router.SessionId;

    public string? LastOffset => Volatile.Read(ref _lastOffset);

    public TimeSpan? AnnouncedHeartbeat => _router.AnnouncedHeartbeat;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        // One state machine for the whole start (the attempt, the fallback, and what its failure is surfaced as): each
        // async method a first connection passes through costs the JIT its own builder and box at cold start.
        try
        {
            if (!_fallBackToPolling)
            {
                await _socket.ConnectAsync().ConfigureAwait(false);
                _fallbackNotice?.Reset();
                return;
            }

            try
            {
                await _socket.ConnectAsync().ConfigureAwait(false);
            }
            catch (WebSocketException refused) when (Volatile.Read(ref _closed) == 0 && !cancellationToken.IsCancellationRequested)
            {
                // The websocket's opening handshake failed before any frame: the same attempt goes on over long-polling,
                // with the same auth, session to resume and frame reader (the library builds the new transport).
                // While the server is down every attempt falls back: one Warning per outage, the rest at Debug.
                if (_fallbackNotice?.TryTake() ?? true)
                {
                    Log.FellBackToPolling(_logger, refused.Message);
                }
                else
                {
                    Log.FellBackToPollingAgain(_logger, refused.Message);
                }

                _socket.Options.Transport = TransportProtocol.Polling;
                try
                {
                    await _socket.ConnectAsync().ConfigureAwait(false);
                }
                catch (Exception ex)
                {
                    throw new SkaftinConnectionException(
                        $"Neither transport connected. WebSocket: {refused.Message} Long-polling: {ex.Message}", ex);
                }
            }

            _fallbackNotice?.Reset();
        }
        catch (Exception ex) when (RedirectIn(ex) is { } redirect && !ReferenceEquals(redirect, ex))
        {
            // The socket library may wrap what a transport threw: a refused redirect is surfaced as itself.
            throw redirect;
        }
        catch (Exception ex) when (CertificateRefusalIn(ex) is { } certificate)
        {
            // .NET's own words are "rejected by the provided callback": the refusal says what was wrong.
            throw new SkaftinConnectionException(certificate.Message, ex);
        }
    }

    private static CertificateRefusal? CertificateRefusalIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is CertificateRefusal refusal)
            {
                return refusal;
            }
        }

        return null;
    }

    private static SkaftinRedirectRefusedException? RedirectIn(Exception? ex)
    {
        for (; ex is not null; ex = ex.InnerException)
        {
            if (ex is SkaftinRedirectRefusedException redirect)
            {
                return redirect;
            }
        }

        return null;
    }

    public Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken) =>
        _socket.EmitAsync(eventName, cancellationToken, argument);

    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        // Dispose alone leaves the websocket open until the server's ping timeout: say goodbye first (the disconnect
        // packet, then the close frame, so the server sees a normal closure), but never wait for it past the send
        // timeout (a peer that stopped reading takes neither). Off the caller's thread: our websocket's writes block.
        var webSocket = Volatile.Read(ref _webSocket);
        var goodbye = Task.Run(async () =>
        {
            if (_socket.Connected)
            {
                await _socket.DisconnectAsync().ConfigureAwait(false);
            }

            if (webSocket is not null)
            {
                await webSocket.DisconnectAsync(CancellationToken.None).ConfigureAwait(false);
            }
        });
        try
        {
            await goodbye.WaitAsync(_sendTimeout, _timeProvider, CancellationToken.None).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            Log.CloseTimedOut(_logger, _sendTimeout.TotalSeconds);
        }
        catch (Exception)
        {
            // The socket may already be gone; the goodbye is best effort.
        }

        try
        {
            _socket.Dispose();
        }
        catch (Exception)
        {
            // SocketIOClient throws from Dispose when it never connected.
        }

        // A start abandoned before the server's CONNECT ack leaves the library's websocket open (its Dispose does not
        // close it): close ours, so nothing outlives the connection in either process.
        Volatile.Read(ref _webSocket)?.Dispose();
        Interlocked.Exchange(ref _prepared, null)?.Dispose(); // never asked for (closed early, or fell back to polling)
    }

    private SkaftinWebSocket NewWebSocket() => new(_configureWebSocket, _router, _sendTimeout, _timeProvider) { Idle = OnReceiveIdle, PingAnswered = OnPingAnswered };

    // The library asks once per attempt (no reconnection, no upgrade): the prepared websocket, or a new one after that.
    private SkaftinWebSocket CreateWebSocket()
    {
        var webSocket = Interlocked.Exchange(ref _prepared, null) ?? NewWebSocket();
        Volatile.Write(ref _webSocket, webSocket);
        if (Volatile.Read(ref _closed) == 1)
        {
            webSocket.Dispose(); // closed while the library was still starting: this websocket must never open
        }

        return webSocket;
    }

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    // Every frame after the SDK's frame reader, on either transport. The offset is recorded whatever became of the
    // event, so a recovered session never replays one that was already reported.
    private void OnInbound(InboundFrame frame)
    {
        if (frame.Offset is not null)
        {
            Volatile.Write(ref _lastOffset, frame.Offset);
        }

        if (frame.Kind == InboundFrameKind.Event)
        {
            EventReceived?.Invoke(frame.EventName!, frame.Payload);
        }
        else if (frame.Rejection is { } rejection)
        {
            FrameRejected?.Invoke(rejection);
        }
    }

    private void OnReceiveIdle() => ReceiveIdle?.Invoke();

    // The websocket answered a ping below the library (which then raises no OnPing): the server is alive all the same.
    private void OnPingAnswered() => Heartbeat?.Invoke();
}
