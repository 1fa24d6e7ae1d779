using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// The per-connection side of <see cref="SocketIOFrameReader"/>, shared by both transports (the websocket and HTTP
/// long-polling): reads each frame with what the connection knows so far (whether the server appends recovery
/// offsets, which binary frames are attachments), hands events and rejections to the client, and returns
/// the protocol packets SocketIOClient may see, so whichever transport carries the connection, the same frame gets
/// the same outcome.
/// </summary>
internal sealed class InboundFrameFilter
{
    private readonly InterceptedEvents _events;
    private readonly Action<InboundFrame> _inbound;
    private int _offsetsAppended;
    private long _pendingAttachments;
    private string? _sessionId;
    private long _announcedHeartbeatTicks;

    /// <param name="events">The event names to deliver; any other event is reported as dropped.</param>
    /// <param name="maxFrameBytes">The largest frame taken in (<see cref="SkaftinRealtimeOptions.MaxFrameBytes"/>).</param>
    /// <param name="offsetsAppended">
    /// Whether the server appends recovery offsets from the start: true when resuming a session, because the server
    /// replays missed events before the CONNECT packet that would say so; from then on the CONNECT packet decides.
    /// </param>
    /// <param name="inbound">Receives each event to deliver and each frame to report, in arrival order.</param>
    public InboundFrameFilter(InterceptedEvents events, int maxFrameBytes, bool offsetsAppended, Action<InboundFrame> inbound)
    {
        _events = events;
        MaxFrameBytes = maxFrameBytes;
        _offsetsAppended = offsetsAppended ? 1 : 0;
        _inbound = inbound;
    }

    /// <summary>The largest frame taken in; past it, a transport reads on and calls <see cref="ReadOversized"/>.</summary>
    public int MaxFrameBytes { get; }

    /// <summary>The recovery session id from the last CONNECT packet, when the server enables recovery.</summary>
    public string? SessionId => Volatile.Read(ref _sessionId);

    /// <summary>
    /// The server's announced ping interval plus ping timeout, from its open packet; null until one announced both.
    /// </summary>
    public TimeSpan? AnnouncedHeartbeat => Volatile.Read(ref _announcedHeartbeatTicks) is > 0 and var ticks ? TimeSpan.FromTicks(ticks) : null;

    private bool OffsetsAppended => Volatile.Read(ref _offsetsAppended) == 1;

    /// <summary>Reads one whole text frame (never throws).</summary>
    public InboundFrame Read(ReadOnlySpan<byte> frame) => SocketIOFrameReader.Read(frame, _events, OffsetsAppended);

    /// <summary>Reads what can be read of a frame over <see cref="MaxFrameBytes"/> (never throws).</summary>
    /// <param name="head">Its first bytes, as many as the limit allows.</param>
    /// <param name="end">Its last bytes (see <see cref="FrameTail"/>).</param>
    /// <param name="length">Its whole length.</param>
    public InboundFrame ReadOversized(ReadOnlySpan<byte> head, ReadOnlySpan<byte> end, long length) =>
        SocketIOFrameReader.ReadOversized(head, end, length, MaxFrameBytes, _events, OffsetsAppended);

    /// <summary>
    /// A binary frame: an attachment of the binary packet before it, already reported; one nobody announced is
    /// reported as a dropped frame.
    /// </summary>
    public InboundFrame ReadBinary()
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

    /// <summary>
    /// Delivers or reports <paramref name="frame"/> and returns the packet to hand to SocketIOClient, if any.
    /// </summary>
    /// <param name="frame">A frame from one of the Read methods.</param>
    /// <param name="fatal">Set when the connection cannot go on after this frame (an unreadable handshake packet).</param>
    /// <returns>The control packet for the library, or null when the library must not see the frame at all.</returns>
    public string? Route(in InboundFrame frame, out FrameRejection? fatal)
    {
        fatal = null;
        if (frame.Kind == InboundFrameKind.Attachment)
        {
            return null;
        }

        if (frame.Kind != InboundFrameKind.Control)
        {
            if (frame.Attachments > 0)
            {
                Interlocked.Add(ref _pendingAttachments, frame.Attachments);
            }

            _inbound(frame);
            fatal = frame.EndsConnection ? frame.Rejection : null;
            return null;
        }

        var text = frame.ControlText!;
        if (text.StartsWith("40", StringComparison.Ordinal))
        {
            Volatile.Write(ref _sessionId, frame.SessionId);
            Volatile.Write(ref _offsetsAppended, frame.SessionId is not null ? 1 : 0);
        }
        else if (frame.Heartbeat is { } heartbeat)
        {
            Volatile.Write(ref _announcedHeartbeatTicks, heartbeat.Ticks);
        }

        return text;
    }
}
