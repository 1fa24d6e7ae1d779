using System;
using System.Buffers;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient.Transport;

namespace Skaftin.Realtime;

/// <summary>
/// The websocket under SocketIOClient, written for this SDK. Compared with the library's own it: receives into one
/// pooled, growing buffer instead of two fresh 8 KB arrays per frame; reads the recovery session id (<c>pid</c>)
/// from the server's CONNECT packet, which the library hides; turns a frame the library cannot parse into a closed
/// connection (the library's own loop dies silently on one and leaves the client "connected" but deaf); and lets
/// the app configure TLS (a private CA) through <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/>.
/// </summary>
internal sealed class SkaftinWebSocket : IClientWebSocket, IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly ClientWebSocket _socket = new();
    private readonly Broadcast<string> _text = new();
    private readonly Broadcast<byte[]> _bytes = new();
    private readonly CancellationTokenSource _stop = new();

    public SkaftinWebSocket(Action<ClientWebSocketOptions>? configure) => configure?.Invoke(_socket.Options);

    /// <summary>The recovery session id from the last CONNECT packet, when the server enables recovery.</summary>
    public string? SessionId { get; private set; }

    /// <summary>
    /// Receives the events this SDK handles (<see cref="EventNames"/>) straight from the receive buffer: the event name,
    /// the first argument's raw UTF-8 JSON, and the trailing offset when the server sends one. Such frames never reach
    /// the library, which would otherwise parse each into a document and re-serialize it. A frame that is not valid
    /// JSON is handed over whole as a <c>database-change</c>, so it is reported as undecodable and the connection stays.
    /// </summary>
    public Action<string, ReadOnlyMemory<byte>, string?>? EventFrame { get; set; }

    public IObservable<string> TextObservable => _text;

    public IObservable<byte[]> BytesObservable => _bytes;

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
        await _socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        _ = Task.Run(ReceiveLoopAsync);
    }

    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        _stop.Cancel();
        if (_socket.State == WebSocketState.Open)
        {
            await _socket.CloseAsync(WebSocketCloseStatus.NormalClosure, string.Empty, cancellationToken).ConfigureAwait(false);
        }
    }

    public Task SendAsync(byte[] bytes, TransportMessageType type, bool endOfMessage, CancellationToken cancellationToken) =>
        _socket.SendAsync(
            new ArraySegment<byte>(bytes),
            type == TransportMessageType.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text,
            endOfMessage,
            cancellationToken);

    public void AddHeader(string key, string val) => _socket.Options.SetRequestHeader(key, val);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
    }

    private async Task ReceiveLoopAsync()
    {
        var buffer = ArrayPool<byte>.Shared.Rent(InitialBufferSize);
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
                        var larger = ArrayPool<byte>.Shared.Rent(buffer.Length * 2);
                        Buffer.BlockCopy(buffer, 0, larger, 0, count);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }

                    result = await _socket.ReceiveAsync(new ArraySegment<byte>(buffer, count, buffer.Length - count), _stop.Token).ConfigureAwait(false);
                    count += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    _text.Fail(new WebSocketException("The server closed the websocket."));
                    return;
                }

                if (result.MessageType == WebSocketMessageType.Binary)
                {
                    _bytes.Next(buffer.AsSpan(0, count).ToArray());
                    continue;
                }

                if (TryDeliverEvent(buffer.AsSpan(0, count)))
                {
                    continue;
                }

                var text = Encoding.UTF8.GetString(buffer, 0, count);
                Inspect(text);
                try
                {
                    _text.Next(text);
                }
                catch (Exception ex)
                {
                    // The library threw while parsing this frame; its receive pipeline would be dead from here on.
                    // End the connection instead, so the client reconnects at once.
                    _text.Fail(new WebSocketException("A frame could not be processed: " + ex.Message, ex));
                    _socket.Abort();
                    return;
                }
            }
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // Closed on purpose.
        }
        catch (Exception ex)
        {
            _text.Fail(ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    // Engine.IO message "4" + Socket.IO EVENT "2" on the main namespace, without an ack id: 42["name", arg, ..., offset?]
    private bool TryDeliverEvent(ReadOnlySpan<byte> frame)
    {
        var deliver = EventFrame;
        if (deliver is null || frame.Length < 4 || frame[0] != (byte)'4' || frame[1] != (byte)'2' || frame[2] != (byte)'[')
        {
            return false;
        }

        var json = frame.Slice(2);
        try
        {
            var reader = new Utf8JsonReader(json, new JsonReaderOptions { MaxDepth = 64 });
            reader.Read();
            if (!reader.Read() || reader.TokenType != JsonTokenType.String || EventName(ref reader) is not { } name)
            {
                return false; // an event this SDK does not handle: the library may have a use for it
            }

            ReadOnlyMemory<byte> payload = ReadOnlyMemory<byte>.Empty;
            string? offset = null;
            var index = 0;
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                var isString = reader.TokenType == JsonTokenType.String;
                var last = isString ? reader.GetString() : null;
                reader.Skip();
                if (index == 0)
                {
                    payload = json.Slice(start, (int)reader.BytesConsumed - start).ToArray();
                }
                else
                {
                    offset = isString ? last : null;
                }

                index++;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("The event frame ended early.");
            }

            deliver(name, payload, offset);
        }
        catch (JsonException)
        {
            deliver(EventNames.DatabaseChange, json.ToArray(), null);
        }

        return true;
    }

    private static string? EventName(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals("database-change"u8) ? EventNames.DatabaseChange
        : reader.ValueTextEquals("project-event"u8) ? EventNames.ProjectEvent
        : reader.ValueTextEquals("joined-project"u8) ? EventNames.JoinedProject
        : reader.ValueTextEquals("left-project"u8) ? EventNames.LeftProject
        : reader.ValueTextEquals("join-project-error"u8) ? EventNames.JoinProjectError
        : null;

    // Engine.IO message "4" + Socket.IO CONNECT "0" on the main namespace: 40{"sid":"...","pid":"..."}.
    private void Inspect(string frame)
    {
        if (frame.Length > 2 && frame[0] == '4' && frame[1] == '0' && frame[2] == '{')
        {
            try
            {
                using var document = JsonDocument.Parse(frame.AsMemory(2));
                if (document.RootElement.TryGetProperty("pid", out var pid) && pid.ValueKind == JsonValueKind.String)
                {
                    SessionId = pid.GetString();
                }
            }
            catch (JsonException)
            {
                // Not a CONNECT payload we understand; the library reports protocol errors itself.
            }
        }
    }

    // A minimal multicast observable (the library subscribes once per stream); errors end it.
    private sealed class Broadcast<T> : IObservable<T>
    {
        private IObserver<T>[] _observers = Array.Empty<IObserver<T>>();
        private int _failed;

        public IDisposable Subscribe(IObserver<T> observer)
        {
            lock (this)
            {
                var next = new IObserver<T>[_observers.Length + 1];
                _observers.CopyTo(next, 0);
                next[next.Length - 1] = observer;
                _observers = next;
            }

            return new Unsubscriber(this, observer);
        }

        public void Next(T value)
        {
            foreach (var observer in Volatile.Read(ref _observers))
            {
                observer.OnNext(value);
            }
        }

        public void Fail(Exception error)
        {
            if (Interlocked.Exchange(ref _failed, 1) == 1)
            {
                return;
            }

            foreach (var observer in Volatile.Read(ref _observers))
            {
                try
                {
                    observer.OnError(error);
                }
                catch (Exception)
                {
                    // The connection is over either way; one failing observer must not hide it from the others.
                }
            }
        }

        private void Remove(IObserver<T> observer)
        {
            lock (this)
            {
                _observers = Array.FindAll(_observers, o => !ReferenceEquals(o, observer));
            }
        }

        private sealed class Unsubscriber(Broadcast<T> owner, IObserver<T> observer) : IDisposable
        {
            public void Dispose() => owner.Remove(observer);
        }
    }
}
