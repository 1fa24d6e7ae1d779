using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime.EndToEnd.Clients;

/// <summary>
/// Diagnostic kind <c>sdk-ws</c> (not in the default set): the SDK's router, generated table and row reader fed by a
/// minimal Engine.IO 4 / Socket.IO 5 websocket loop written for this benchmark instead of SocketIOClient: one
/// <see cref="ClientWebSocket"/>, one reused receive buffer, each frame read by the SDK's own frame reader
/// (<see cref="SocketIOFrameReader"/>, the one every frame passes in the product), the event's first argument copied
/// once and dispatched on the receive loop. It answers pings and nothing more: no reconnects, acks or binary packets.
/// It measures what the receive path costs without the library, i.e. what replacing <c>SocketIOConnection</c> with
/// an own connection could reach.
/// </summary>
internal sealed class MinimalEngineIoBenchClient : IBenchClient
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly byte[] Pong = "3"u8.ToArray();
    private static readonly InterceptedEvents Events = new(EventNames.DatabaseChange, EventNames.JoinedProject, EventNames.JoinProjectError);

    private readonly Recorder _recorder;
    private readonly SkaftinEventRouter _router = new();
    private readonly ClientWebSocket _ws = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(64 * 1024);
    private Task? _loop;
    private TaskCompletionSource<string>? _pending;
    private IDisposable? _inserted;
    private IDisposable? _errors;

    public MinimalEngineIoBenchClient(Recorder recorder) => _recorder = recorder;

    public async Task StartAsync(Uri url, string apiKey, string projectId, CancellationToken cancellationToken)
    {
        var recorder = _recorder;
        _errors = _router.OnError(error => recorder.Lost($"{error.Kind}: {error.Exception?.Message}"));
        _inserted = _router.Vehicles().OnInserted(vehicle => recorder.Record(vehicle.SentAtMs));

        var ws = new UriBuilder(url) { Scheme = url.Scheme == "https" ? "wss" : "ws", Path = "/socket.io/", Query = "EIO=4&transport=websocket" }.Uri;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(StartTimeout);
        _ws.Options.Proxy = null; // loopback: never through an HTTP(S)_PROXY from the environment
        await _ws.ConnectAsync(ws, timeout.Token).ConfigureAwait(false);

        // Handshake: Engine.IO open "0{...}", then Socket.IO CONNECT with auth, answered by "40{sid}" (or "44{error}").
        var open = await ReceiveFrameAsync(timeout.Token).ConfigureAwait(false);
        if (open.ControlText?.StartsWith('0') != true)
        {
            throw new InvalidOperationException($"expected the Engine.IO open packet, got {Describe(open)}");
        }

        await SendTextAsync("40" + JsonSerializer.Serialize(new { token = apiKey }), timeout.Token).ConfigureAwait(false);
        var connected = await ReceiveFrameAsync(timeout.Token).ConfigureAwait(false);
        if (connected.ControlText?.StartsWith("40", StringComparison.Ordinal) != true)
        {
            throw new InvalidOperationException($"connect refused: {Describe(connected)}");
        }

        // From here on the receive loop owns the socket; the join's answer comes back through it.
        _pending = new TaskCompletionSource<string>(TaskCreationOptions.RunContinuationsAsynchronously);
        _loop = Task.Run(ReceiveLoopAsync);
        await SendTextAsync("42" + JsonSerializer.Serialize(new object[] { "join-project", projectId }), timeout.Token).ConfigureAwait(false);
        var answer = await _pending.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
        if (answer != "joined-project")
        {
            throw new InvalidOperationException($"join refused ({answer})");
        }
    }

    public string Describe() => "SDK router + generated reader on a minimal Engine.IO websocket reader (ClientWebSocket, no SocketIOClient)";

    public async ValueTask DisposeAsync()
    {
        _inserted?.Dispose();
        _errors?.Dispose();
        _stop.Cancel();
        try
        {
            if (_ws.State == WebSocketState.Open)
            {
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", CancellationToken.None).WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
        }
        catch (Exception)
        {
        }

        if (_loop is not null)
        {
            try
            {
                await _loop.WaitAsync(TimeSpan.FromSeconds(2)).ConfigureAwait(false);
            }
            catch (Exception)
            {
            }
        }

        _ws.Dispose();
        ArrayPool<byte>.Shared.Return(_buffer);
    }

    private async Task ReceiveLoopAsync()
    {
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var length = await ReceiveMessageAsync(_stop.Token).ConfigureAwait(false);
                if (length < 0)
                {
                    return;
                }

                OnMessage(_buffer.AsSpan(0, length));
            }
        }
        catch (Exception ex) when (ex is OperationCanceledException or WebSocketException)
        {
            _pending?.TrySetException(ex);
        }
    }

    private void OnMessage(ReadOnlySpan<byte> message)
    {
        var frame = SocketIOFrameReader.Read(message, Events, offsetsAppended: false);
        switch (frame.Kind)
        {
            case InboundFrameKind.Control when frame.ControlText == "2":
                _ = SendAsync(Pong, CancellationToken.None);
                break;
            case InboundFrameKind.Event when frame.EventName == EventNames.DatabaseChange:
                _router.DispatchDatabaseChange(frame.Payload);
                break;
            case InboundFrameKind.Event when frame.EventName == EventNames.JoinedProject:
                _pending?.TrySetResult(EventNames.JoinedProject);
                break;
            case InboundFrameKind.Event when frame.EventName == EventNames.JoinProjectError:
                _pending?.TrySetResult(Encoding.UTF8.GetString(frame.Payload.Span));
                break;
            case InboundFrameKind.Rejected:
                _recorder.Lost(Describe(frame));
                break;
        }
    }

    private static string Describe(in InboundFrame frame) =>
        frame.Rejection is { } rejection ? $"{rejection.Exception.Kind}: {rejection.Exception.Message}" : frame.ControlText ?? frame.Kind.ToString();

    /// <summary>Reads one whole frame through the SDK's frame reader (the handshake's frames).</summary>
    private async Task<InboundFrame> ReceiveFrameAsync(CancellationToken cancellationToken)
    {
        var length = await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false);
        return length < 0
            ? throw new InvalidOperationException("the server closed the websocket during the handshake")
            : SocketIOFrameReader.Read(_buffer.AsSpan(0, length), Events, offsetsAppended: false);
    }

    /// <summary>Reads one whole websocket message into the reused buffer (grown when needed); -1 when closed.</summary>
    private async ValueTask<int> ReceiveMessageAsync(CancellationToken cancellationToken)
    {
        var count = 0;
        while (true)
        {
            if (count == _buffer.Length)
            {
                var bigger = ArrayPool<byte>.Shared.Rent(_buffer.Length * 2);
                _buffer.AsSpan(0, count).CopyTo(bigger);
                ArrayPool<byte>.Shared.Return(_buffer);
                _buffer = bigger;
            }

            var result = await _ws.ReceiveAsync(_buffer.AsMemory(count), cancellationToken).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
            {
                return -1;
            }

            count += result.Count;
            if (result.EndOfMessage)
            {
                return count;
            }
        }
    }

    private Task SendTextAsync(string text, CancellationToken cancellationToken) => SendAsync(Encoding.UTF8.GetBytes(text), cancellationToken);

    private async Task SendAsync(byte[] bytes, CancellationToken cancellationToken)
    {
        await _sendLock.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            await _ws.SendAsync(bytes, WebSocketMessageType.Text, endOfMessage: true, cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _sendLock.Release();
        }
    }
}
