using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// Event frames (Socket.IO type 2 and 5): the fast path for a plain event, else the full scan that names what is wrong.
internal static partial class SocketIOFrameReader
{
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
}
