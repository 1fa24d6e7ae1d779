using System;
using System.Net.WebSockets;
using System.Text;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.DevServer.Tests;

/// <summary>
/// A minimal Socket.IO v4 client over a raw websocket (Engine.IO v4 text packets), enough to check that the
/// dev server's test hooks reach real sockets without a client library. Each frame is read by the SDK's frame reader
/// (<see cref="SocketIOFrameReader"/>, the repo's one): it says which frames are the handshake, pings and the
/// CONNECT answer; every other frame is kept as the exact text the server sent, which the tests assert on.
/// </summary>
internal sealed class RawSocketIoClient : IAsyncDisposable
{
    private readonly ClientWebSocket _ws = new();
    private static readonly InterceptedEvents NoEvents = new();
    private readonly Channel<string> _messages = Channel.CreateUnbounded<string>();
    private readonly Channel<string> _control = Channel.CreateUnbounded<string>();
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly CancellationTokenSource _stop = new();
    private Task _pump = Task.CompletedTask;

    private int _pings;

    public string SocketId { get; private set; } = "";

    /// <summary>How many Engine.IO pings the server sent (each answered with a pong).</summary>
    public int PingsReceived => Volatile.Read(ref _pings);

    /// <summary>Connects; a null <paramref name="apiKey"/> sends no auth at all (CONNECT <c>40</c>), as the seed's client does.</summary>
    public static async Task<RawSocketIoClient> ConnectAsync(Uri serverUrl, string? apiKey, CancellationToken ct)
    {
        var client = new RawSocketIoClient();
        client._ws.Options.Proxy = null;
        var wsUrl = new Uri($"ws://{serverUrl.Host}:{serverUrl.Port}/socket.io/?EIO=4&transport=websocket");
        await client._ws.ConnectAsync(wsUrl, ct);
        client._pump = Task.Run(client.PumpAsync);
        var open = await client._control.Reader.ReadAsync(ct);
        Assert.StartsWith("0{\"sid\":", open);
        await client.SendAsync(apiKey is null ? "40" : "40{\"token\":\"" + apiKey + "\"}", ct);
        var connected = await client._control.Reader.ReadAsync(ct);
        if (connected.StartsWith("44", StringComparison.Ordinal))
        {
            throw new InvalidOperationException("connect_error: " + connected);
        }

        // The reader's CONNECT packet is {"sid":"..."} whatever else the server put in it.
        Assert.StartsWith("40{", connected);
        using var doc = System.Text.Json.JsonDocument.Parse(connected.Substring(2));
        client.SocketId = doc.RootElement.GetProperty("sid").GetString()!;
        return client;
    }

    public Task SendAsync(string packet, CancellationToken ct) => SendCoreAsync(packet, ct);

    /// <summary>
    /// Returns the next message matching <paramref name="predicate"/>, skipping others: every frame but the
    /// handshake's and the pings, as the server sent it.
    /// </summary>
    public async Task<string> ReceiveAsync(Func<string, bool> predicate, CancellationToken ct)
    {
        while (true)
        {
            var message = await _messages.Reader.ReadAsync(ct);
            if (predicate(message))
            {
                return message;
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        _stop.Cancel();
        try
        {
            if (_ws.State == WebSocketState.Open)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(2));
                await _ws.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, "bye", cts.Token);
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }

        _ws.Abort();
        try
        {
            await _pump.WaitAsync(TimeSpan.FromSeconds(5));
        }
        catch (Exception e) when (e is TimeoutException or WebSocketException or OperationCanceledException)
        {
        }

        _ws.Dispose();
        _stop.Dispose();
        _sendLock.Dispose();
    }

    private async Task SendCoreAsync(string packet, CancellationToken ct)
    {
        await _sendLock.WaitAsync(ct);
        try
        {
            await _ws.SendAsync(Encoding.UTF8.GetBytes(packet), WebSocketMessageType.Text, endOfMessage: true, ct);
        }
        finally
        {
            _sendLock.Release();
        }
    }

    private async Task PumpAsync()
    {
        var buffer = new byte[64 * 1024];
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var count = 0;
                WebSocketReceiveResult result;
                do
                {
                    if (count == buffer.Length)
                    {
                        Array.Resize(ref buffer, buffer.Length * 2);
                    }

                    result = await _ws.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), _stop.Token);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    break;
                }

                var frame = buffer.AsMemory(0, count);
                switch (SocketIOFrameReader.Read(frame.Span, NoEvents, offsetsAppended: false))
                {
                    case { Kind: InboundFrameKind.Control, ControlText: "2" }:
                        Interlocked.Increment(ref _pings);
                        await SendCoreAsync("3", _stop.Token); // Engine.IO ping -> pong
                        break;
                    case { Kind: InboundFrameKind.Control, ControlText: var control } when IsHandshake(control!):
                        _control.Writer.TryWrite(control!);
                        break;
                    default:
                        _messages.Writer.TryWrite(Encoding.UTF8.GetString(frame.Span));
                        break;
                }
            }
        }
        catch (Exception e) when (e is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
        }
        finally
        {
            _messages.Writer.TryComplete();
            _control.Writer.TryComplete();
        }
    }

    // Engine.IO open, Socket.IO CONNECT and CONNECT_ERROR, as the reader rewrote them.
    private static bool IsHandshake(string control) =>
        control.StartsWith('0') || control.StartsWith("40", StringComparison.Ordinal) || control.StartsWith("44", StringComparison.Ordinal);
}
