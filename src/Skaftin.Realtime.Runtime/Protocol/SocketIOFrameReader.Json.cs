using System;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// Small JSON helpers of the reader (objects, numbers, attachment counts) and how a rejection is built.
internal static partial class SocketIOFrameReader
{
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
}
