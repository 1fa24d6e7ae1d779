using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient;
using SocketIOClient.Transport;

namespace Skaftin.Realtime;

/// <summary>
/// The real <see cref="ISocketConnection"/> over SocketIOClient 3.0.6. It turns off the library's own reconnection
/// (the client does its own, with backoff, fresh tokens and re-joined rooms) and reads each event's raw JSON
/// once instead of the library's slow, reflection-based <c>GetValue&lt;T&gt;</c>.
/// </summary>
internal sealed class SocketIOConnection : ISocketConnection
{
    private readonly SocketIO _socket;
    private readonly Action<System.Net.WebSockets.ClientWebSocketOptions>? _configureWebSocket;
    private readonly int _maxFrameBytes;
    private readonly InterceptedEvents _events;
    private readonly bool _offsetsAppended;
    private readonly bool _webSocketTransport;
    private SkaftinWebSocket? _webSocket;
    private int _closed;
    private string? _lastOffset;
    private long _announcedHeartbeatTicks;

    public SocketIOConnection(Uri url, SkaftinTransport transport, string token, SessionResume? resume, Action<System.Net.WebSockets.ClientWebSocketOptions>? configureWebSocket, int maxFrameBytes, InterceptedEvents events)
    {
        _configureWebSocket = configureWebSocket;
        _maxFrameBytes = maxFrameBytes;
        _events = events;
        // A resumed session's missed events come before the CONNECT packet, already with their offsets.
        _offsetsAppended = resume is not null;
        _webSocketTransport = transport != SkaftinTransport.Polling;
        // The handshake's auth object: the token, and on reconnect the session to restore (socket.io reads pid/offset).
        var auth = new Dictionary<string, string> { ["token"] = token };
        if (resume is not null)
        {
            auth["pid"] = resume.SessionId;
            if (resume.Offset is not null)
            {
                auth["offset"] = resume.Offset;
            }
        }

        _socket = new SocketIO(url, new SocketIOOptions
        {
            Transport = transport == SkaftinTransport.Polling ? TransportProtocol.Polling : TransportProtocol.WebSocket,
            AutoUpgrade = false,
            Reconnection = false,
            ConnectionTimeout = TimeSpan.FromSeconds(30),
            Auth = auth,
        })
        {
            JsonSerializer = SocketPayloadSerializer.Instance,
            ClientWebSocketProvider = CreateWebSocket,
        };
        _socket.OnConnected += (_, _) => Connected?.Invoke();
        _socket.OnDisconnected += (_, reason) => Disconnected?.Invoke(SocketIOReasons.Disconnect(reason));
        _socket.OnError += (_, message) => ConnectError?.Invoke(SocketIOReasons.Refusal(message));
        _socket.OnPing += (_, _) => Heartbeat?.Invoke();
        foreach (var name in events.Names)
        {
            _socket.On(name, response => OnEvent(name, response));
        }
    }

    public event Action<string, ReadOnlyMemory<byte>>? EventReceived;

    public event Action<FrameRejection>? FrameRejected;

    public event Action? ReceiveIdle;

    public event Action? Connected;

    public event Action<SocketDisconnect>? Disconnected;

    public event Action<ConnectRefusal>? ConnectError;

    public event Action? Heartbeat;

    // Our websocket says when its receive loop waits; SocketIOClient's polling transport does not.
    public bool SignalsReceiveIdle => _webSocketTransport;

    public string? Id => _socket.Id;

    public string? SessionId => _webSocket?.SessionId;

    public string? LastOffset => Volatile.Read(ref _lastOffset);

    public TimeSpan? AnnouncedHeartbeat => Volatile.Read(ref _announcedHeartbeatTicks) is > 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    public Task StartAsync(CancellationToken cancellationToken) => _socket.ConnectAsync();

    public Task EmitAsync(string eventName, string argument, CancellationToken cancellationToken) =>
        _socket.EmitAsync(eventName, cancellationToken, argument);

    public async Task CloseAsync()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 1)
        {
            return;
        }

        try
        {
            // Dispose alone leaves the websocket open until the server's ping timeout; disconnect first.
            if (_socket.Connected)
            {
                await _socket.DisconnectAsync().ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
            // The socket may already be gone; closing is best effort.
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
    }

    private SkaftinWebSocket CreateWebSocket()
    {
        var webSocket = new SkaftinWebSocket(_configureWebSocket, _maxFrameBytes, _events) { Inbound = OnInbound, Idle = OnReceiveIdle, OffsetsAppended = _offsetsAppended };
        webSocket.TextObservable.Subscribe(new OpenPacketObserver(this));
        Volatile.Write(ref _webSocket, webSocket);
        if (Volatile.Read(ref _closed) == 1)
        {
            webSocket.Dispose(); // closed while the library was still starting: this websocket must never open
        }

        return webSocket;
    }

    public async ValueTask DisposeAsync() => await CloseAsync().ConfigureAwait(false);

    // Every websocket frame after the SDK's frame reader (the polling transport uses OnEvent). The offset is recorded
    // whatever became of the event, so a recovered session never replays one that was already reported.
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

    private void OnEvent(string name, SocketIOResponse response)
    {
        // With connection state recovery the server appends the event's offset as an extra, last string argument.
        if (response.Count >= 2 && response.GetValue(response.Count - 1) is { ValueKind: System.Text.Json.JsonValueKind.String } offset)
        {
            Volatile.Write(ref _lastOffset, offset.GetString());
        }

        ReadOnlyMemory<byte> payload = response.Count == 0
            ? ReadOnlyMemory<byte>.Empty
            : Encoding.UTF8.GetBytes(response.GetValue(0).GetRawText());
        EventReceived?.Invoke(name, payload);
    }

    // Sees the frames the library parses (the open packet among them) to learn the server's announced heartbeat.
    private sealed class OpenPacketObserver(SocketIOConnection owner) : IObserver<string>
    {
        public void OnNext(string value)
        {
            if (EngineIoOpenPacket.TryReadHeartbeat(value) is { } heartbeat)
            {
                Volatile.Write(ref owner._announcedHeartbeatTicks, heartbeat.Ticks);
            }
        }

        public void OnError(Exception error)
        {
            // The library sees the same error and reports the disconnect.
        }

        public void OnCompleted()
        {
        }
    }
}
