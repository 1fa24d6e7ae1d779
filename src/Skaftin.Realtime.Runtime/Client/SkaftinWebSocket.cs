using System;
using System.Buffers;
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
/// <see cref="SocketIOFrameReader"/> first: events go straight to <see cref="Inbound"/> from the pooled receive
/// buffer, frames that cannot be delivered go there as rejections to report, and SocketIOClient's own parser sees
/// only the protocol packets it needs (open, ping, connect, disconnect, connect error), rewritten by the reader, so
/// no frame from the server can throw inside the library and leave the client "connected" but deaf. It also reads
/// the recovery session id (<c>pid</c>), which the library hides, and lets the app configure TLS (a private CA)
/// through <see cref="SkaftinRealtimeOptions.ConfigureWebSocket"/>.
/// </summary>
internal sealed class SkaftinWebSocket : IClientWebSocket, IDisposable
{
    private const int InitialBufferSize = 16 * 1024;

    private readonly ClientWebSocket _socket = new();
    // System.Reactive comes with SocketIOClient. Subject<T> is what the library expects to subscribe to: a snapshot
    // of observers per value, safe to subscribe to from any thread, ended once by an error (later values and errors
    // are ignored, a late subscriber gets the error). Values come from the one receive loop, so never concurrently.
    private readonly Subject<string> _text = new();
    private readonly CancellationTokenSource _stop = new();
    private readonly int _maxFrameBytes;
    private readonly InterceptedEvents _events;
    private int _offsetsAppended;
    private long _pendingAttachments;

    public SkaftinWebSocket(Action<ClientWebSocketOptions>? configure, int maxFrameBytes, InterceptedEvents events)
    {
        _maxFrameBytes = maxFrameBytes;
        _events = events;
        configure?.Invoke(_socket.Options);
    }

    /// <summary>The recovery session id from the last CONNECT packet, when the server enables recovery.</summary>
    public string? SessionId { get; private set; }

    /// <summary>
    /// Whether the server appends a recovery offset to its events. Set it when resuming a session: the server replays
    /// missed events before the CONNECT packet that would say so; from then on the CONNECT packet decides.
    /// </summary>
    public bool OffsetsAppended
    {
        get => Volatile.Read(ref _offsetsAppended) == 1;
        set => Volatile.Write(ref _offsetsAppended, value ? 1 : 0);
    }

    /// <summary>Receives each event to deliver and each frame to report, on the receive thread, in arrival order.</summary>
    public Action<InboundFrame>? Inbound { get; set; }

    /// <summary>
    /// Called when the frames that arrived together have all gone to <see cref="Inbound"/> and the next receive has
    /// to wait for the network. The next receive is already under way and goes on on another thread when data comes,
    /// so the calling thread is free: the client delivers the events it queued there, with no wake-up of its own.
    /// </summary>
    public Action? Idle { get; set; }

    public IObservable<string> TextObservable => _text;

    // Never fed: binary frames are attachments of binary packets, which the reader drops (the protocol has none).
    public IObservable<byte[]> BytesObservable { get; } = Observable.Never<byte[]>();

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
        var buffer = ArrayPool<byte>.Shared.Rent(Math.Min(InitialBufferSize, _maxFrameBytes));
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
                    if (count < _maxFrameBytes)
                    {
                        if (count == buffer.Length)
                        {
                            var larger = ArrayPool<byte>.Shared.Rent((int)Math.Min(buffer.Length * 2L, _maxFrameBytes));
                            Buffer.BlockCopy(buffer, 0, larger, 0, count);
                            ArrayPool<byte>.Shared.Return(buffer);
                            buffer = larger;
                        }

                        var room = Math.Min(buffer.Length, _maxFrameBytes) - count;
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
                    Fail(new WebSocketException("The server closed the websocket."));
                    return;
                }

                var frame = result.MessageType == WebSocketMessageType.Binary ? BinaryFrame()
                    : length > count ? SocketIOFrameReader.ReadOversized(buffer.AsSpan(0, count), tail!.End(buffer.AsSpan(0, count)), length, _maxFrameBytes, _events, OffsetsAppended)
                    : SocketIOFrameReader.Read(buffer.AsSpan(0, count), _events, OffsetsAppended);
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
        return new ReceiveWhenIdle(receive, receive.IsCompleted ? null : Idle);
    }

    // Returns false when the connection cannot go on.
    private bool Handle(in InboundFrame frame)
    {
        if (frame.Kind == InboundFrameKind.Attachment)
        {
            return true;
        }

        if (frame.Kind != InboundFrameKind.Control)
        {
            if (frame.Attachments > 0)
            {
                Interlocked.Add(ref _pendingAttachments, frame.Attachments);
            }

            Inbound?.Invoke(frame);
            if (frame.EndsConnection)
            {
                Fail(new WebSocketException(frame.Rejection!.Exception.Message));
                _socket.Abort();
                return false;
            }

            return true;
        }

        if (frame.ControlText!.StartsWith("40", StringComparison.Ordinal))
        {
            SessionId = frame.SessionId;
            OffsetsAppended = frame.SessionId is not null;
        }

        try
        {
            _text.OnNext(frame.ControlText);
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

    // A binary frame is an attachment of the binary packet before it, already reported; one nobody announced is reported.
    private InboundFrame BinaryFrame()
    {
        if (Interlocked.Decrement(ref _pendingAttachments) >= 0)
        {
            return InboundFrame.Attachment();
        }

        Interlocked.Exchange(ref _pendingAttachments, 0);
        return InboundFrame.Rejected(
            new FrameRejection(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, ReadOnlyMemory<byte>.Empty,
                new SkaftinFrameException(FrameErrorKind.UnsupportedPacket, "A binary frame that belongs to no packet; dropped.")),
            null);
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

    /// <summary>
    /// Awaits one receive. When it has to wait for the network, the loop's continuation is registered on it first and
    /// only then is the thread handed to <c>idle</c>: whatever idle does (run the app's handlers), the loop goes on on
    /// another thread as soon as data comes, so the socket keeps answering the server.
    /// </summary>
    private readonly struct ReceiveWhenIdle(ValueTask<ReceiveResult> receive, Action? idle) : ICriticalNotifyCompletion
    {
        public ReceiveWhenIdle GetAwaiter() => this;

        // With an idle callback the await always suspends, so the callback runs even if the data came meanwhile.
        public bool IsCompleted => idle is null && receive.IsCompleted;

        public ReceiveResult GetResult() => receive.GetAwaiter().GetResult();

        public void OnCompleted(Action continuation)
        {
            receive.ConfigureAwait(false).GetAwaiter().OnCompleted(continuation);
            idle?.Invoke();
        }

        public void UnsafeOnCompleted(Action continuation)
        {
            receive.ConfigureAwait(false).GetAwaiter().UnsafeOnCompleted(continuation);
            idle?.Invoke();
        }
    }
}
