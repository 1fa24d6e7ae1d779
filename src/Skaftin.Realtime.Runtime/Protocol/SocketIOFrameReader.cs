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
internal static class SocketIOFrameReader
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

    private static InboundFrame ReadEvent(ReadOnlySpan<byte> rest, bool binary, InterceptedEvents events, bool offsetsAppended, bool invalidUtf8)
    {
        var attachments = binary ? TakeAttachmentCount(ref rest) : 0;
        if (attachments < 0)
        {
            return Reject(RealtimeErrorKind.FrameDropped, FrameRejection.PacketName, null, null, rest, FrameErrorKind.MalformedFrame, "A binary event without a valid attachment count; dropped.");
        }

        // The server appends an offset only to events it keeps for recovery: those without an ack id.
        var hasAckId = TakeNumber(ref rest) is not null;
        if (!binary && !invalidUtf8 && TryReadPlainEvent(rest, events, offsetsAppended && !hasAckId, out var plain))
        {
            return plain;
        }

        var scan = new EventScan();
        try
        {
            scan.Read(rest);
        }
        catch (JsonException ex)
        {
            return Reject(RealtimeErrorKind.DecodeFailed, scan.Name ?? FrameRejection.PacketName, scan.TableName, scan.EventType, scan.PayloadOr(rest),
                FrameErrorKind.MalformedFrame, "The event is not valid JSON: " + ex.Message, attachments: attachments);
        }

        string? offset = null;
        var payloadArguments = scan.Arguments;
        if (offsetsAppended && !hasAckId && scan.LastIsString)
        {
            offset = scan.LastString;
            payloadArguments--;
        }

        var payload = payloadArguments > 0 ? rest.Slice(scan.PayloadStart, scan.PayloadLength) : ReadOnlySpan<byte>.Empty;
        var eventName = scan.Name ?? "";
        var known = events.Find(eventName);
        var table = payloadArguments > 0 ? scan.TableName : null;
        var eventType = payloadArguments > 0 ? scan.EventType : null;

        if (binary)
        {
            return Reject(RealtimeErrorKind.FrameDropped, eventName, table, eventType, payload, FrameErrorKind.BinaryEvent,
                $"Event '{eventName}' carries {attachments} binary attachment(s); the Skaftin protocol has none, so it was dropped.", offset, attachments);
        }

        if (known is null)
        {
            return Reject(RealtimeErrorKind.FrameDropped, eventName, table, eventType, payload, FrameErrorKind.UnknownEvent,
                scan.NameIsInvalid
                    ? "An event whose name is not valid text (it escapes an unpaired UTF-16 surrogate); dropped."
                    : $"Event '{eventName}' is not one this SDK handles; dropped.", offset);
        }

        if (invalidUtf8)
        {
            return Reject(RealtimeErrorKind.DecodeFailed, known, table, eventType, payload, FrameErrorKind.InvalidUtf8,
                "The event is not valid UTF-8 text (its bad bytes are shown as U+FFFD here).", offset);
        }

        if (payloadArguments > 0 && scan.PayloadHasUnpairedSurrogate)
        {
            return Reject(RealtimeErrorKind.DecodeFailed, known, table, eventType, payload, FrameErrorKind.InvalidUtf16,
                "A string in the event escapes an unpaired UTF-16 surrogate (such as \\ud800), which is not valid text.", offset);
        }

        if (payloadArguments > 0 && scan.PayloadTooDeep)
        {
            return Reject(RealtimeErrorKind.DecodeFailed, known, table, eventType, payload, FrameErrorKind.TooDeep,
                $"The event nests objects and arrays deeper than {SkaftinFrameException.MaxPayloadDepth} levels.", offset);
        }

        return InboundFrame.Event(known, payload.ToArray(), offset);
    }

    /// <summary>
    /// What nearly every frame is: an event this SDK handles, under a plain name, whose arguments are valid JSON
    /// within the depth limit and whose payload holds no <c>\u</c> escape (so no unpaired surrogate). Such a frame is
    /// read with one skip over each argument; any other frame, or any doubt, is left to <see cref="EventScan"/>, which
    /// names what is wrong. Its result is the same as the scan's for every frame it takes.
    /// </summary>
    private static bool TryReadPlainEvent(ReadOnlySpan<byte> json, InterceptedEvents events, bool offsetAppended, out InboundFrame frame)
    {
        frame = default;
        try
        {
            var reader = new Utf8JsonReader(json, PayloadDepth);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartArray
                || !reader.Read() || reader.TokenType != JsonTokenType.String || reader.ValueIsEscaped
                || events.Find(reader.ValueSpan) is not { } known
                || !reader.Read() || reader.TokenType == JsonTokenType.EndArray)
            {
                return false;
            }

            var payloadStart = (int)reader.TokenStartIndex;
            var arguments = 0;
            var payloadEnd = 0;
            var last = ReadOnlySpan<byte>.Empty;
            var lastIsPlainString = false;
            var lastIsString = false;
            do
            {
                arguments++;
                lastIsString = reader.TokenType == JsonTokenType.String;
                lastIsPlainString = lastIsString && !reader.ValueIsEscaped;
                last = lastIsString ? reader.ValueSpan : ReadOnlySpan<byte>.Empty;
                reader.Skip();
                if (arguments == 1)
                {
                    payloadEnd = (int)reader.BytesConsumed;
                }
            }
            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray);

            if (reader.TokenType != JsonTokenType.EndArray || reader.Read())
            {
                return false;
            }

            string? offset = null;
            if (offsetAppended && lastIsString)
            {
                if (!lastIsPlainString)
                {
                    return false;
                }

                offset = Utf8Text.Decode(last);
                arguments--;
            }

            var payload = arguments > 0 ? json.Slice(payloadStart, payloadEnd - payloadStart) : ReadOnlySpan<byte>.Empty;
            if (payload.IndexOf("\\u"u8) >= 0)
            {
                return false;
            }

            frame = InboundFrame.Event(known, payload.ToArray(), offset);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }

    // Engine.IO "open": {"sid","upgrades","pingInterval","pingTimeout","maxPayload"}. The library needs the first four.
    private static InboundFrame ReadOpen(ReadOnlySpan<byte> json)
    {
        string? sid = null;
        int? pingInterval = null, pingTimeout = null;
        long? maxPayload = null;
        var readable = ReadObject(json, (string? name, ref Utf8JsonReader reader) =>
        {
            switch (name)
            {
                case "sid" when reader.TokenType == JsonTokenType.String:
                    sid = SafeString(ref reader);
                    break;
                case "pingInterval" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var interval):
                    pingInterval = interval;
                    break;
                case "pingTimeout" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var timeout):
                    pingTimeout = timeout;
                    break;
                case "maxPayload" when reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var max):
                    maxPayload = max;
                    break;
            }
        });

        if (!readable || sid is null || pingInterval is null || pingTimeout is null)
        {
            return InboundFrame.Fatal(Rejection(RealtimeErrorKind.ConnectionFailed, FrameRejection.HandshakeName, null, null, json, FrameErrorKind.MalformedFrame,
                "The server's Engine.IO handshake lacks a readable sid, pingInterval or pingTimeout."));
        }

        return InboundFrame.Control("0" + WriteObject(writer =>
        {
            writer.WriteString("sid", sid);
            writer.WriteStartArray("upgrades");
            writer.WriteEndArray();
            writer.WriteNumber("pingInterval", pingInterval.Value);
            writer.WriteNumber("pingTimeout", pingTimeout.Value);
            if (maxPayload is { } limit)
            {
                writer.WriteNumber("maxPayload", limit);
            }
        }));
    }

    // Socket.IO CONNECT on the main namespace: {"sid":"...","pid":"..."} (pid only with connection state recovery).
    private static InboundFrame ReadConnect(ReadOnlySpan<byte> json)
    {
        string? sid = null, pid = null;
        var readable = ReadObject(json, (string? name, ref Utf8JsonReader reader) =>
        {
            if (reader.TokenType != JsonTokenType.String)
            {
                return;
            }

            if (name == "sid")
            {
                sid = SafeString(ref reader);
            }
            else if (name == "pid")
            {
                pid = SafeString(ref reader);
            }
        });

        if (!readable || sid is null)
        {
            return InboundFrame.Fatal(Rejection(RealtimeErrorKind.ConnectionFailed, FrameRejection.HandshakeName, null, null, json, FrameErrorKind.MalformedFrame,
                "The server's Socket.IO CONNECT packet lacks a readable sid."));
        }

        return InboundFrame.Control("40" + WriteObject(writer => writer.WriteString("sid", sid)), pid);
    }

    // Socket.IO CONNECT_ERROR: {"message":"...","data":...}. Whatever it holds, the library gets a plain message: an
    // empty one when there is no readable message, so the seam reports a refusal of unknown kind (not a middleware's).
    private static string ConnectErrorPacket(ReadOnlySpan<byte> json)
    {
        string? message = null;
        var readable = ReadObject(json, (string? name, ref Utf8JsonReader reader) =>
        {
            if (name == "message" && reader.TokenType == JsonTokenType.String)
            {
                message = SafeString(ref reader);
            }
        });

        return "44" + WriteObject(writer => writer.WriteString("message", readable ? message ?? "" : ""));
    }

    private delegate void PropertyReader(string? name, ref Utf8JsonReader reader);

    // Hands each top-level property of a JSON object to `read`, the reader on its value; false when it is no object.
    private static bool ReadObject(ReadOnlySpan<byte> json, PropertyReader read)
    {
        try
        {
            var reader = new Utf8JsonReader(json, Unbounded);
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                return false;
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                var name = SafeString(ref reader);
                reader.Read();
                read(name, ref reader);
                reader.Skip(); // a nested value whole; nothing for a plain one
            }

            return reader.TokenType == JsonTokenType.EndObject && !reader.Read();
        }
        catch (JsonException)
        {
            return false;
        }
    }

    private static string WriteObject(Action<Utf8JsonWriter> write)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            write(writer);
            writer.WriteEndObject();
        }

        return Utf8Text.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
    }

    // "<count>-" of a binary packet; -1 when it is missing or unreadable.
    private static int TakeAttachmentCount(ref ReadOnlySpan<byte> rest)
    {
        var count = TakeNumber(ref rest);
        if (count is null || count > int.MaxValue || rest.IsEmpty || rest[0] != (byte)'-')
        {
            return -1;
        }

        rest = rest.Slice(1);
        return (int)count.Value;
    }

    private static long? TakeNumber(ref ReadOnlySpan<byte> rest)
    {
        long value = 0;
        var digits = 0;
        while (digits < rest.Length && rest[digits] is >= (byte)'0' and <= (byte)'9' && digits < 18)
        {
            value = (value * 10) + (rest[digits] - '0');
            digits++;
        }

        if (digits == 0)
        {
            return null;
        }

        rest = rest.Slice(digits);
        return value;
    }

    // A string or property name as text; an unpaired surrogate (which GetString throws on) reads as null.
    private static string? SafeString(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped && Utf16Escapes.HasUnpairedSurrogate(reader.ValueSpan) ? null : reader.GetString();

    private static InboundFrame Reject(
        RealtimeErrorKind kind,
        string eventName,
        string? table,
        string? eventType,
        ReadOnlySpan<byte> text,
        FrameErrorKind cause,
        string message,
        string? offset = null,
        int attachments = 0) =>
        InboundFrame.Rejected(Rejection(kind, eventName, table, eventType, text, cause, message), offset, attachments);

    private static FrameRejection Rejection(RealtimeErrorKind kind, string eventName, string? table, string? eventType, ReadOnlySpan<byte> text, FrameErrorKind cause, string message) =>
        new(kind, eventName, table, eventType, text.Length > MaxKeptBytes ? text.Slice(0, MaxKeptBytes).ToArray() : text.ToArray(),
            new SkaftinFrameException(cause, message));

    /// <summary>
    /// One pass over an event's JSON array: its name, where its first argument (the payload) lies, whether that
    /// payload is too deep or holds an unpaired surrogate, the payload's <c>tableName</c> and <c>type</c>, and the
    /// last argument when it is a string (the recovery offset).
    /// </summary>
    private ref struct EventScan
    {
        private enum Field
        {
            None,
            Type,
            Table,
        }

        public string? Name;
        public bool NameIsInvalid;
        public int Arguments;
        public int PayloadStart;
        public int PayloadLength;
        public bool PayloadTooDeep;
        public bool PayloadHasUnpairedSurrogate;
        public string? TableName;
        public string? EventType;
        public bool LastIsString;
        public string? LastString;

        public readonly ReadOnlySpan<byte> PayloadOr(ReadOnlySpan<byte> whole) =>
            Arguments > 0 && PayloadLength > 0 ? whole.Slice(PayloadStart, PayloadLength) : whole;

        /// <param name="json">The event's JSON array.</param>
        /// <param name="isFinalBlock">False when <paramref name="json"/> is only the start of the array: read what is there.</param>
        public void Read(ReadOnlySpan<byte> json, bool isFinalBlock = true)
        {
            var reader = new Utf8JsonReader(json, isFinalBlock, new JsonReaderState(Unbounded));
            if (!Expect(ref reader, isFinalBlock, JsonTokenType.StartArray, "an event must be a JSON array.")
                || !Expect(ref reader, isFinalBlock, JsonTokenType.String, "an event's first element must be its name."))
            {
                return;
            }

            Name = SafeString(ref reader);
            if (Name is null)
            {
                NameIsInvalid = true;
                Name = Utf8Text.Decode(reader.ValueSpan);
            }

            while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
            {
                var start = (int)reader.TokenStartIndex;
                var first = Arguments == 0;
                LastIsString = reader.TokenType == JsonTokenType.String;
                LastString = LastIsString ? SafeString(ref reader) : null;
                Arguments++;
                if (first)
                {
                    PayloadStart = start;
                    ScanPayload(ref reader);
                    PayloadLength = (int)reader.BytesConsumed - start;
                }
                else if (!reader.TrySkip())
                {
                    return; // the rest of a partial frame is not here
                }
            }

            if (!isFinalBlock)
            {
                return;
            }

            if (reader.TokenType != JsonTokenType.EndArray)
            {
                throw new JsonException("the event's JSON ended early.");
            }

            if (reader.Read())
            {
                throw new JsonException("unexpected content after the event's array.");
            }
        }

        // Reads the next token, which must be of type `expected`; false when a partial frame holds no more.
        private static bool Expect(ref Utf8JsonReader reader, bool isFinalBlock, JsonTokenType expected, string error)
        {
            if (!reader.Read())
            {
                return isFinalBlock ? throw new JsonException(error) : false;
            }

            return reader.TokenType == expected ? true : throw new JsonException(error);
        }

        // Walks the first argument token by token; the reader stands on its first token (depth 1) and ends on its last.
        private void ScanPayload(ref Utf8JsonReader reader)
        {
            if (reader.TokenType == JsonTokenType.String)
            {
                CheckEscapes(ref reader);
                return;
            }

            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray))
            {
                return;
            }

            var field = Field.None;
            while (reader.Read())
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.EndObject or JsonTokenType.EndArray when reader.CurrentDepth == 1:
                        return;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        PayloadTooDeep |= reader.CurrentDepth > SkaftinFrameException.MaxPayloadDepth;
                        break;
                    case JsonTokenType.PropertyName:
                        var valid = CheckEscapes(ref reader);
                        field = !valid || reader.CurrentDepth != 2 ? Field.None
                            : reader.ValueTextEquals("type"u8) ? Field.Type
                            : reader.ValueTextEquals("tableName"u8) ? Field.Table
                            : Field.None;
                        continue;
                    case JsonTokenType.String when CheckEscapes(ref reader) && field != Field.None:
                        if (field == Field.Type)
                        {
                            EventType = reader.GetString();
                        }
                        else
                        {
                            TableName = reader.GetString();
                        }

                        break;
                }

                field = Field.None;
            }
        }

        private bool CheckEscapes(ref Utf8JsonReader reader)
        {
            if (reader.ValueIsEscaped && Utf16Escapes.HasUnpairedSurrogate(reader.ValueSpan))
            {
                PayloadHasUnpairedSurrogate = true;
                return false;
            }

            return true;
        }
    }
}
