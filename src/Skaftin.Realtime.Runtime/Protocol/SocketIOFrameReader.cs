using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// The one reader every inbound websocket text frame passes before anything else parses it. It never throws: a
/// frame becomes an event whose payload every parser above can read (valid UTF-8, no unpaired UTF-16 surrogate,
/// nesting within <see cref="SkaftinFrameException.MaxPayloadDepth"/>), a control packet rewritten in a form
/// SocketIOClient's parser is known to accept, or a rejection naming the cause, the event, its table and type when
/// they can be read, and the event's own text. Frames the SDK does not handle (unknown event names, binary events,
/// acknowledgements, other namespaces) are rejections too, so no frame the server sends reaches the library as is.
/// </summary>
internal static partial class SocketIOFrameReader
{
    // The frame reader itself follows any depth (its memory grows with the frame, which MaxFrameBytes bounds), so it
    // can still find the event name, table, type and offset around a payload too deep for the parsers above.
    private static readonly JsonReaderOptions Unbounded = new() { MaxDepth = int.MaxValue };

    // An event array (depth 1) whose arguments nest no deeper than MaxPayloadDepth levels: the plain events' limit.
    private static readonly JsonReaderOptions PayloadDepth = new() { MaxDepth = SkaftinFrameException.MaxPayloadDepth + 1 };

    // Enough bytes for the characters an error keeps (a character is at most four UTF-8 bytes); the rest is let go.
    private const int MaxKeptBytes = RealtimeError.MaxRawTextLength * 4;

    /// <summary>Reads one Engine.IO text frame.</summary>
    /// <param name="frame">The frame's bytes as received.</param>
    /// <param name="events">The event names to deliver; any other event is rejected as dropped.</param>
    /// <param name="offsetsAppended">
    /// Whether the server appends a recovery offset to every event without an ack id (connection state recovery).
    /// </param>
    /// <returns>What the frame is; never throws.</returns>
    public static InboundFrame Read(ReadOnlySpan<byte> frame, InterceptedEvents events, bool offsetsAppended)
    {
        try
        {
            return ReadUnguarded(frame, events, offsetsAppended);
        }
        catch (Exception ex)
        {
            // A flaw in this reader must cost one frame, never the connection.
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, frame, FrameErrorKind.MalformedFrame, "The frame could not be read: " + ex.Message);
        }
    }

    /// <summary>The reader without its last-resort guard, so tests can prove the guard is never needed.</summary>
    internal static InboundFrame ReadUnguarded(ReadOnlySpan<byte> frame, InterceptedEvents events, bool offsetsAppended)
    {
        if (Utf8Text.IsValid(frame))
        {
            return ReadText(frame, events, offsetsAppended, invalidUtf8: false);
        }

        // Read a repaired copy (bad bytes become U+FFFD) only to name the event and record its offset.
        var repaired = Encoding.UTF8.GetBytes(Utf8Text.Decode(frame));
        return ReadText(repaired, events, offsetsAppended, invalidUtf8: true);
    }

    /// <summary>
    /// Reads what can be read of a frame larger than the limit, from its first bytes (name, table, type, the start of
    /// the payload) and its last ones (the offset), and rejects it. Never throws.
    /// </summary>
    /// <param name="head">The frame's first bytes, as many as the limit allows.</param>
    /// <param name="end">The frame's last bytes.</param>
    /// <param name="length">The frame's whole length.</param>
    /// <param name="limit">The limit it is over.</param>
    /// <param name="events">The event names to deliver (see <see cref="Read"/>).</param>
    /// <param name="offsetsAppended">Whether the server appends recovery offsets (see <see cref="Read"/>).</param>
    /// <returns>The rejection.</returns>
    public static InboundFrame ReadOversized(ReadOnlySpan<byte> head, ReadOnlySpan<byte> end, long length, int limit, InterceptedEvents events, bool offsetsAppended)
    {
        try
        {
            return ReadOversizedUnguarded(head, end, length, limit, events, offsetsAppended);
        }
        catch (Exception ex)
        {
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, head, FrameErrorKind.TooLarge, "An oversized frame could not be read: " + ex.Message);
        }
    }

    /// <summary>The oversized-frame reader without its last-resort guard, for tests.</summary>
    internal static InboundFrame ReadOversizedUnguarded(ReadOnlySpan<byte> head, ReadOnlySpan<byte> end, long length, int limit, InterceptedEvents events, bool offsetsAppended)
    {
        var message = $"The frame is {length.ToString(System.Globalization.CultureInfo.InvariantCulture)} bytes, over the limit of "
            + $"{limit.ToString(System.Globalization.CultureInfo.InvariantCulture)} (SkaftinRealtimeOptions.MaxFrameBytes); it was read past and not delivered.";
        if (head.Length < 2 || head[0] != (byte)'4' || head[1] is (byte)'0' or (byte)'4')
        {
            // A handshake packet (open, connect, connect error) that large leaves nothing to connect with.
            return head.Length >= 1 && head[0] is (byte)'0' or (byte)'4'
                ? InboundFrame.Fatal(Rejection(RealtimeErrorKind.ConnectionFailed, FrameRejection.HandshakeName, null, null, head, FrameErrorKind.TooLarge, message))
                : Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, head, FrameErrorKind.TooLarge, message);
        }

        var type = head[1];
        var rest = head.Slice(2);
        if (type is not ((byte)'2' or (byte)'5') || TakeOtherNamespace(ref rest) is not null)
        {
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, head, FrameErrorKind.TooLarge, message);
        }

        var attachments = type == (byte)'5' ? Math.Max(0, TakeAttachmentCount(ref rest)) : 0;
        var hasAckId = TakeNumber(ref rest) is not null;
        var scan = new EventScan();
        try
        {
            scan.Read(rest, isFinalBlock: false);
        }
        catch (JsonException)
        {
            // What was read before the damage still names the event.
        }

        var eventName = scan.Name ?? FrameRejection.PacketName;
        var known = events.Find(eventName);
        var kind = known is not null && type == (byte)'2' ? RealtimeErrorKind.DecodeFailed : RealtimeErrorKind.FrameDropped;
        var text = scan.Arguments > 0 ? rest.Slice(scan.PayloadStart) : rest;
        return Reject(kind, known ?? eventName, scan.TableName, scan.EventType, text, FrameErrorKind.TooLarge, message,
            offsetsAppended && !hasAckId ? TrailingOffset(end) : null, attachments);
    }

    // `,"<offset>"]` at the very end of an event: the offset the server appended (its characters never need escaping).
    private static string? TrailingOffset(ReadOnlySpan<byte> end)
    {
        if (end.Length < 4 || end[end.Length - 1] != (byte)']' || end[end.Length - 2] != (byte)'"')
        {
            return null;
        }

        var body = end.Slice(0, end.Length - 2);
        var open = body.LastIndexOf((byte)'"');
        if (open < 1 || body[open - 1] != (byte)',')
        {
            return null;
        }

        var value = body.Slice(open + 1);
        return value.IsEmpty || value.IndexOf((byte)'\\') >= 0 || !Utf8Text.IsValid(value) ? null : Utf8Text.Decode(value);
    }

    // "/name," before a packet's data: the namespace when it is not the main one (the rest is left after the comma).
    private static string? TakeOtherNamespace(ref ReadOnlySpan<byte> rest)
    {
        if (rest.IsEmpty || rest[0] != (byte)'/')
        {
            return null;
        }

        var comma = rest.IndexOf((byte)',');
        var space = comma < 0 ? rest : rest.Slice(0, comma);
        rest = comma < 0 ? ReadOnlySpan<byte>.Empty : rest.Slice(comma + 1);
        return space.SequenceEqual("/"u8) ? null : Utf8Text.Decode(space);
    }

    private static InboundFrame ReadText(ReadOnlySpan<byte> frame, InterceptedEvents events, bool offsetsAppended, bool invalidUtf8)
    {
        if (frame.IsEmpty)
        {
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, frame, FrameErrorKind.MalformedFrame, "The server sent an empty frame.");
        }

        return frame[0] switch
        {
            (byte)'0' => ReadOpen(frame.Slice(1)),
            (byte)'1' => InboundFrame.Control("1"),
            (byte)'2' => InboundFrame.Control("2"),
            (byte)'3' => InboundFrame.Control("3"),
            (byte)'4' => ReadMessage(frame.Slice(1), events, offsetsAppended, invalidUtf8),
            (byte)'6' => InboundFrame.Control("6"),
            _ => Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, frame, FrameErrorKind.UnsupportedPacket,
                $"Engine.IO packet type '{(char)frame[0]}' is not one the client handles; dropped."),
        };
    }

    // Engine.IO "message": a Socket.IO packet, "<type>[/namespace,][attachments-][ack id]<json>".
    private static InboundFrame ReadMessage(ReadOnlySpan<byte> packet, InterceptedEvents events, bool offsetsAppended, bool invalidUtf8)
    {
        if (packet.IsEmpty)
        {
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, packet, FrameErrorKind.MalformedFrame, "The server sent an empty Socket.IO packet.");
        }

        var type = packet[0];
        var rest = packet.Slice(1);
        if (TakeOtherNamespace(ref rest) is { } space)
        {
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, packet, FrameErrorKind.UnsupportedPacket,
                $"A packet for namespace '{space}', which the client never joins; dropped.");
        }

        switch (type)
        {
            case (byte)'0':
                return ReadConnect(rest);
            case (byte)'1':
                return InboundFrame.Control("41");
            case (byte)'4':
                return InboundFrame.Control(ConnectErrorPacket(rest));
            case (byte)'2':
                return ReadEvent(rest, binary: false, events, offsetsAppended, invalidUtf8);
            case (byte)'5':
                return ReadEvent(rest, binary: true, events, offsetsAppended, invalidUtf8);
            case (byte)'3':
            case (byte)'6':
                var attachments = type == (byte)'6' ? TakeAttachmentCount(ref rest) : 0;
                var id = TakeNumber(ref rest);
                return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, rest, FrameErrorKind.UnexpectedAcknowledgement,
                    $"An acknowledgement (id {id?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "none"}) the client never asked for; dropped.",
                    attachments: Math.Max(0, attachments));
            default:
                return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, packet, FrameErrorKind.UnsupportedPacket,
                    $"Socket.IO packet type '{(char)type}' is not one the client handles; dropped.");
        }
    }
}
