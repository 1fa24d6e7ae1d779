using System;
using System.Buffers;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Http;
using System.Net.WebSockets;
using System.Reactive.Linq;
using System.Reactive.Subjects;
using System.Runtime.CompilerServices;
using System.Threading;
using System.Threading.Tasks;
using SocketIOClient.Transport;
#if NET
using ReceiveResult = System.Net.WebSockets.ValueWebSocketReceiveResult;
#else
using ReceiveResult = System.Net.WebSockets.WebSocketReceiveResult;
#endif

namespace Skaftin.Realtime;

/// <summary>
/// The websocket under SocketIOClient, written for this SDK. Every frame it receives passes
/// <see cref="SocketIOFrameReader"/> first, through the connection's <see cref="InboundFrameFilter"/>: events go
/// straight to the client from the pooled receive buffer, frames that cannot be delivered are reported, and
/// SocketIOClient's own parser sees only the protocol packets it needs (open, ping, connect, disconnect, connect
/// error), rewritten by the reader, so no frame from the server can throw inside the library and leave the client
/// "connected" but deaf. It lets the app configure TLS (a private CA) through
/// <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/>. (<see cref="PollingFrameHandler"/> does the same for
/// HTTP long-polling.) On .NET it opens over its own connection (<c>BlockingSocketStream</c>) and receives on
/// threads of its own (<c>ReceiveThreads</c>): one kernel wake-up per frame, the burst handed to the handlers
/// on that thread when the next read must wait.
/// </summary>
internal sealed partial class SkaftinWebSocket : IClientWebSocket, IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly ClientWebSocket _socket = new();
    // System.Reactive comes with SocketIOClient. Subject<T> is what the library expects to subscribe to: a snapshot
    // of observers per value, safe to subscribe to from any thread, ended once by an error (later values and errors
    // are ignored, a late subscriber gets the error). Values come from the one receive loop, so never concurrently.
    private readonly Subject<string> _text = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly InboundFrameFilter _router;
    private readonly TimeSpan _sendTimeout;
    private readonly TimeProvider _clock;
    private int _closing;
#if NET
    private HttpMessageInvoker? _invoker;
    private BlockingSocketStream? _stream;
    private ReceiveThreads? _threads;
    private bool _plain; // ws:, not wss: the connection's bytes are the websocket's frames
#endif

    public SkaftinWebSocket(Action<ClientWebSocketOptions>? configure, InboundFrameFilter router, TimeSpan sendTimeout, TimeProvider? clock = null)
    {
        _router = router;
        _sendTimeout = sendTimeout;
        _clock = clock ?? TimeProvider.System;
        if (NoKeepAliveByDefault)
        {
            // No websocket-level keep-alive (the runtime's default sends an unsolicited pong every 30 s: a timer and a
            // thread-pool write per connection): Engine.IO's ping and pong already cross the connection every ping
            // interval, both ways. The app may still set one in ConfigureWebSocket, which runs after this.
            try
            {
                _socket.Options.KeepAliveInterval = TimeSpan.Zero;
            }
            catch (PlatformNotSupportedException)
            {
                // The browser's websocket has no such setting.
            }
        }

        configure?.Invoke(_socket.Options);
    }

    /// <summary>
    /// Whether a websocket starts with no websocket-level keep-alive (see the constructor). Settable for the scale
    /// benchmark's variants only.
    /// </summary>
    internal static bool NoKeepAliveByDefault { get; set; } = true;

    /// <summary>
    /// Called when the frames that arrived together have all gone to the frame filter and the next receive has to
    /// wait for the network. The next receive is already under way and goes on on another thread when data comes, so
    /// the calling thread is free: the client delivers the events it queued there, with no wake-up of its own.
    /// </summary>
    public Action? Idle { get; set; }

    /// <summary>
    /// Called when the server's ping was answered below the websocket, with no receive thread (a parked connection,
    /// see <c>ReceiveThreads.OnReadable</c>): the library above never sees that ping, so this is how the connection
    /// learns the server is alive. It runs on the process's watcher thread and must return at once.
    /// </summary>
    public Action? PingAnswered { get; set; }

    public IObservable<string> TextObservable => _text;

    // Never fed: binary frames are attachments of binary packets, which the reader drops (the protocol has none).
    public IObservable<byte[]> BytesObservable { get; } = Observable.Never<byte[]>();

    public async Task ConnectAsync(Uri uri, CancellationToken cancellationToken)
    {
#if NET
        if (OperatingSystem.IsBrowser() || OperatingSystem.IsWasi())
        {
            // The browser's own websocket: it follows no redirect, sends no header of ours, and has no response
            // details to collect (setting CollectHttpResponseDetails there throws PlatformNotSupportedException).
            await ConnectCoreAsync(uri, cancellationToken).ConfigureAwait(false);
            return;
        }

        _socket.Options.CollectHttpResponseDetails = true;
        try
        {
            await ConnectCoreAsync(uri, cancellationToken).ConfigureAwait(false);
        }
        catch (WebSocketException) when ((int)_socket.HttpStatusCode is >= 300 and < 400)
        {
            // The upgrade was answered with a redirect, which is not followed (the credential header would go along).
            var location = _socket.HttpResponseHeaders?.TryGetValue("Location", out var values) == true && values.FirstOrDefault() is { } text
                && Uri.TryCreate(uri, text, out var target) ? target : null;
            throw new SkaftinRedirectRefusedException((int)_socket.HttpStatusCode, location, uri);
        }
#else
        await ConnectCoreAsync(uri, cancellationToken).ConfigureAwait(false);
#endif
    }

    private async Task ConnectCoreAsync(Uri uri, CancellationToken cancellationToken)
    {
#if NET
        // On .NET the websocket receives on threads of its own over a blocking socket (BlockingSocketStream): per
        // frame, one wake-up of the thread that waits, as in Node, instead of the epoll thread, a thread-pool work
        // item and the pool's spinning. In a browser, or over HTTP/2, the runtime's own connection is used.
        if (WebSocketHttpSettings.CanReceiveOnOwnThreads(_socket.Options))
        {
            _plain = string.Equals(uri.Scheme, "ws", StringComparison.OrdinalIgnoreCase) || string.Equals(uri.Scheme, "http", StringComparison.OrdinalIgnoreCase);
            _invoker = WebSocketHttpSettings.CreateInvoker(_socket.Options, ConnectStreamAsync);
            await _socket.ConnectAsync(uri, _invoker, cancellationToken).ConfigureAwait(false);
            var stream = _stream ?? throw new WebSocketException("The websocket opened without its connection.");
            _threads = new ReceiveThreads(stream, Idle) { PingAnswered = PingAnswered };
            _threads.Start(ReceiveLoopAsync);
            return;
        }
#endif
        await _socket.ConnectAsync(uri, cancellationToken).ConfigureAwait(false);
        _ = Task.Run(ReceiveLoopAsync);
    }

    /// <summary>
    /// Sends the close frame (1000, normal closure), waiting at most the send timeout, then ends the receive loop. The
    /// close frame goes first: cancelling the pending receive aborts the websocket, and an aborted websocket sends no
    /// close frame (the server would see 1006, an abnormal closure). The server's answering close frame is not awaited.
    /// </summary>
    public async Task DisconnectAsync(CancellationToken cancellationToken)
    {
        if (Interlocked.Exchange(ref _closing, 1) == 0 && _socket.State == WebSocketState.Open)
        {
            using var timeout = AfterSendTimeout();
            using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
            try
            {
                await _socket.CloseOutputAsync(WebSocketCloseStatus.NormalClosure, string.Empty, bounded.Token).ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or IOException or ObjectDisposedException or InvalidOperationException)
            {
                // The peer is gone or not reading: the socket is closed without the frame.
            }
        }

        _stop.Cancel();
    }

    // Bounded by the send timeout: on .NET our connection's writes bound themselves (BlockingSocketStream.Write); on the
    // runtime's own connection a send past the timeout is cancelled, which aborts the websocket (the connection is dead).
    public Task SendAsync(byte[] bytes, TransportMessageType type, bool endOfMessage, CancellationToken cancellationToken)
    {
#if NET
        if (_stream is not null)
        {
            // Our own connection: its blocking write already gives up after the send timeout (no token source per send).
            return _socket.SendAsync(new ArraySegment<byte>(bytes), MessageType(type), endOfMessage, cancellationToken);
        }
#endif
        return SendBoundedAsync(bytes, type, endOfMessage, cancellationToken);
    }

    // Cancelled once the send timeout has passed on the client's clock.
    private CancellationTokenSource AfterSendTimeout() =>
#if NET
        new(_sendTimeout, _clock);
#else
        _clock.CreateCancellationTokenSource(_sendTimeout);
#endif

    private static WebSocketMessageType MessageType(TransportMessageType type) =>
        type == TransportMessageType.Binary ? WebSocketMessageType.Binary : WebSocketMessageType.Text;

    private async Task SendBoundedAsync(byte[] bytes, TransportMessageType type, bool endOfMessage, CancellationToken cancellationToken)
    {
        using var timeout = AfterSendTimeout();
        using var bounded = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, timeout.Token);
        try
        {
            await _socket.SendAsync(
                new ArraySegment<byte>(bytes),
                MessageType(type),
                endOfMessage,
                bounded.Token).ConfigureAwait(false);
        }
        catch (OperationCanceledException ex) when (bounded.IsCancellationRequested && !cancellationToken.IsCancellationRequested)
        {
            throw new IOException($"The server did not take the data within {_sendTimeout.TotalSeconds:0.###} s (SendTimeout): it or a proxy stopped reading.", ex);
        }
    }

    public void AddHeader(string key, string val) => _socket.Options.SetRequestHeader(key, val);

    public void Dispose()
    {
        _stop.Cancel();
        _socket.Dispose();
#if NET
        _threads?.Dispose();
        _stream?.Dispose();
        _invoker?.Dispose();
#endif
    }

#if NET
    private async ValueTask<Stream> ConnectStreamAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
    {
        var stream = await BlockingSocketStream.ConnectAsync(endpoint, _sendTimeout, cancellationToken, _clock).ConfigureAwait(false);
        _stream?.Dispose(); // a second connection (the handler retried): only the last one carries the websocket
        if (_plain)
        {
            stream.FollowFrames(); // before the upgrade's first byte: so a parked connection's ping can be answered below
        }

        _stream = stream;
        return stream;
    }
#endif

    private async Task ReceiveLoopAsync()
    {
        var maxFrameBytes = _router.MaxFrameBytes;
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, maxFrameBytes));
        FrameTail? tail = null;
        try
        {
            while (!_stop.IsCancellationRequested)
            {
                var count = 0;
                var length = 0L;
                tail?.Reset();
                ReceiveResult result;
                do
                {
                    if (count < maxFrameBytes)
                    {
                        if (count == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, maxFrameBytes));
                            Buffer.BlockCopy(buffer, 0, larger, 0, count);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }

                        var room = Math.Min(buffer.Length, maxFrameBytes) - count;
                        result = await ReceiveAsync(new ArraySegment<byte>(buffer, count, room));
                        count += result.Count;
                    }
                    else
                    {
                        // Past the limit: read on, keeping only the frame's last bytes.
                        tail ??= new FrameTail();
                        result = await ReceiveAsync(tail.Scratch);
                        tail.Keep(result.Count);
                    }

                    length += result.Count;
                }
                while (!result.EndOfMessage);

                if (result.MessageType == WebSocketMessageType.Close)
                {
                    if (Volatile.Read(ref _closing) == 0)
                    {
                        Fail(new WebSocketException("The server closed the websocket."));
                    }

                    return;
                }

                var frame = result.MessageType == WebSocketMessageType.Binary ? _router.ReadBinary()
                    : length > count ? _router.ReadOversized(buffer.AsSpan(0, count), tail!.End(buffer.AsSpan(0, count)), length)
                    : _router.Read(buffer.AsSpan(0, count));
                if (!Handle(frame))
                {
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
            Fail(ex);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
#if NET
            _threads?.Dispose();
#endif
        }
    }

    // A receive that has to wait for the network first lets Idle use this thread (see ReceiveWhenIdle).
    private ReceiveWhenIdle ReceiveAsync(ArraySegment<byte> into)
    {
#if NET
        var receive = _socket.ReceiveAsync(into.AsMemory(), _stop.Token);
#else
        var receive = new ValueTask<ReceiveResult>(_socket.ReceiveAsync(into, _stop.Token));
#endif
#if NET
        // On its own threads the thread that waits hands itself over (ReceiveThreads), not the awaiter.
        return new ReceiveWhenIdle(receive, receive.IsCompleted || _threads is not null ? null : Idle);
#else
        return new ReceiveWhenIdle(receive, receive.IsCompleted ? null : Idle);
#endif
    }

    // Returns false when the connection cannot go on.
    private bool Handle(in InboundFrame frame)
    {
        var control = _router.Route(frame, out var fatal);
#if NET
        _stream?.FrameWasPing(control is "2");
#endif
        if (fatal is not null)
        {
            Fail(new WebSocketException(fatal.Exception.Message));
            _socket.Abort();
            return false;
        }

        if (control is null)
        {
            return true;
        }

        try
        {
            _text.OnNext(control);
            return true;
        }
        catch (Exception ex)
        {
            // The library threw on a packet the reader rewrote; its receive pipeline would be dead from here on.
            // End the connection instead, so the client reconnects at once.
            Fail(new WebSocketException("A frame could not be processed: " + ex.Message, ex));
            _socket.Abort();
            return false;
        }
    }

    // Ends the stream. Subject<T> lets an observer's exception through to the caller (and the observers after it miss
    // the error): our own observer, subscribed first, ignores errors, so the library's gets it; and whatever the
    // library does with it, the exception must not escape the receive loop, the connection is over either way.
    private void Fail(Exception error)
    {
        try
        {
            _text.OnError(error);
        }
        catch (Exception)
        {
            // The library's disconnect handling failed; the websocket is closed regardless.
        }
    }
}
