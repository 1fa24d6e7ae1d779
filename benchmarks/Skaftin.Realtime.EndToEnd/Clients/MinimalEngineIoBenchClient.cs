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
/// minimal Engine.IO 4 / Socket.IO 5 websocket reader written for this benchmark instead of SocketIOClient: one
/// <see cref="ClientWebSocket"/>, one reused receive buffer, each <c>42[...]</c> frame's event name and first argument
/// found with a <see cref="Utf8JsonReader"/> over the received UTF-8 bytes (no string, no JsonDocument), the argument
/// copied once (as an <c>ISocketConnection</c> would hand it to the client) and dispatched on the receive loop.
/// It answers pings and nothing more: no reconnects, acks or binary packets. It measures what the receive path
/// costs without the library, i.e. what replacing <c>SocketIOConnection</c> with an own reader could reach.
/// </summary>
internal sealed class MinimalEngineIoBenchClient : IBenchClient
{
    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(20);
    private static readonly byte[] Pong = "3"u8.ToArray();

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
        var open = await ReceiveTextAsync(timeout.Token).ConfigureAwait(false);
        if (!open.StartsWith('0'))
        {
            throw new InvalidOperationException($"expected the Engine.IO open packet, got {open}");
        }

        await SendTextAsync("40" + JsonSerializer.Serialize(new { token = apiKey }), timeout.Token).ConfigureAwait(false);
        var connected = await ReceiveTextAsync(timeout.Token).ConfigureAwait(false);
        if (!connected.StartsWith("40", StringComparison.Ordinal))
        {
            throw new InvalidOperationException($"connect refused: {connected}");
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
        if (message.Length == 1 && message[0] == (byte)'2')
        {
            _ = SendAsync(Pong, CancellationToken.None);
            return;
        }

        // "42" + ["name", arg, ...]: an EVENT on namespace "/".
        if (message.Length < 4 || message[0] != (byte)'4' || message[1] != (byte)'2')
        {
            return;
        }

        var reader = new Utf8JsonReader(message[2..]);
        if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray || !reader.Read() || reader.TokenType != JsonTokenType.String)
        {
            return;
        }

        if (reader.ValueTextEquals("database-change"u8))
        {
            reader.Read();
            var start = (int)reader.TokenStartIndex;
            reader.Skip();
            var argument = message.Slice(2 + start, (int)reader.BytesConsumed - start);
            _router.DispatchDatabaseChange(argument.ToArray());
        }
        else if (reader.ValueTextEquals("joined-project"u8))
        {
            _pending?.TrySetResult("joined-project");
        }
        else if (reader.ValueTextEquals("join-project-error"u8))
        {
            _pending?.TrySetResult(Encoding.UTF8.GetString(message));
        }
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

    private async Task<string> ReceiveTextAsync(CancellationToken cancellationToken)
    {
        var length = await ReceiveMessageAsync(cancellationToken).ConfigureAwait(false);
        return length < 0 ? "(closed)" : Encoding.UTF8.GetString(_buffer, 0, length);
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
