using System;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient.Transport;

namespace Skaftin.Realtime;

/// <summary>
/// Wraps SocketIOClient's websocket to read what the library hides: the session id (<c>pid</c>) the server hands
/// out in its CONNECT packet when connection state recovery is on. The client sends it back, with the last event
/// offset, on reconnect, so the server can restore the session and replay what was missed.
/// </summary>
internal sealed class SessionCapturingWebSocket : IClientWebSocket, IDisposable
{
    private readonly SystemNetWebSocketsClientWebSocket _inner = new(4);

    public SessionCapturingWebSocket() => TextObservable = new Inspecting(_inner.TextObservable, this);

    /// <summary>The recovery session id from the last CONNECT packet, when the server enables recovery.</summary>
    public string? SessionId { get; private set; }

    public IObservable<string> TextObservable { get; }

    public IObservable<byte[]> BytesObservable => _inner.BytesObservable;

    public Task ConnectAsync(Uri uri, CancellationToken cancellationToken) => _inner.ConnectAsync(uri, cancellationToken);

    public Task DisconnectAsync(CancellationToken cancellationToken) => _inner.DisconnectAsync(cancellationToken);

    public Task SendAsync(byte[] bytes, TransportMessageType type, bool endOfMessage, CancellationToken cancellationToken) =>
        _inner.SendAsync(bytes, type, endOfMessage, cancellationToken);

    public void AddHeader(string key, string val) => _inner.AddHeader(key, val);

    public void Dispose() => _inner.Dispose();

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

    private sealed class Inspecting(IObservable<string> source, SessionCapturingWebSocket owner) : IObservable<string>
    {
        public IDisposable Subscribe(IObserver<string> observer) => source.Subscribe(new Observer(observer, owner));

        private sealed class Observer(IObserver<string> next, SessionCapturingWebSocket owner) : IObserver<string>
        {
            public void OnCompleted() => next.OnCompleted();

            public void OnError(Exception error) => next.OnError(error);

            public void OnNext(string value)
            {
                owner.Inspect(value);
                next.OnNext(value);
            }
        }
    }
}
