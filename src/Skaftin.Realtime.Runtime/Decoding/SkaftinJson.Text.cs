using System;
using System.Text.Json;

namespace Skaftin.Realtime;

// Strings and string-shaped values (booleans, GUIDs), and the one way a string token's unescaped text is obtained.
public static partial class SkaftinJson
{
    // Numbers and short strings are copied here when the reader cannot hand out a contiguous, unescaped span.
    private const int ScratchSize = 128;

    /// <summary>Reads a string; a number is taken as its text.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string table, string column) => reader.TokenType switch
    {
        JsonTokenType.String => reader.GetString()!,
        JsonTokenType.Number => RawText(ref reader),
        _ => throw Mismatch(ref reader, table, column, "a string"),
    };

    /// <summary>Reads a boolean from <c>true</c>/<c>false</c>, <c>0</c>/<c>1</c>, or the strings <c>"true"</c>, <c>"false"</c>, <c>"t"</c>, <c>"f"</c>, <c>"1"</c>, <c>"0"</c>.</summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string table, string column)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number when reader.TryGetInt64(out var number) && (number is 0 or 1):
                return number == 1;
            case JsonTokenType.String:
                Span<byte> scratch = stackalloc byte[ScratchSize];
                var text = UnescapedValue(in reader, scratch);
                if (EqualsIgnoreAsciiCase(text, "true"u8) || EqualsIgnoreAsciiCase(text, "t"u8) || text.SequenceEqual("1"u8))
                {
                    return true;
                }

                if (EqualsIgnoreAsciiCase(text, "false"u8) || EqualsIgnoreAsciiCase(text, "f"u8) || text.SequenceEqual("0"u8))
                {
                    return false;
                }

                break;
        }

        throw Mismatch(ref reader, table, column, "a boolean (true/false, 0/1)");
    }

    /// <summary>Reads a <see cref="Guid"/> from a string.</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (reader.TryGetGuid(out var value))
            {
                return value;
            }

            if (Guid.TryParse(reader.GetString(), out value))
            {
                return value;
            }
        }

        throw Mismatch(ref reader, table, column, "a UUID string");
    }

    // A string token's text without escapes: its own bytes when it has none and is contiguous, else copied into
    // scratch (empty when it does not fit, so the caller fails to parse it). `in`, so scratch may be returned.
    private static ReadOnlySpan<byte> UnescapedValue(in Utf8JsonReader reader, Span<byte> scratch) =>
        reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyUnescaped(in reader, scratch)) : reader.ValueSpan;

    // Copies an escaped or multi-segment string token into scratch; 0 when it does not fit (the caller then fails to parse).
    private static int CopyValue(ref Utf8JsonReader reader, scoped Span<byte> scratch) => CopyUnescaped(in reader, scratch);

    private static int CopyUnescaped(in Utf8JsonReader reader, scoped Span<byte> scratch)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        return length > scratch.Length ? 0 : reader.CopyString(scratch);
    }

    private static string RawText(ref Utf8JsonReader reader)
    {
        if (reader.HasValueSequence)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var sequence = reader.ValueSequence;
            if (sequence.Length > scratch.Length)
            {
                return "(long value)";
            }

            System.Buffers.BuffersExtensions.CopyTo(sequence, scratch);
            return Utf8Text.Decode(scratch.Slice(0, (int)sequence.Length));
        }

        return Utf8Text.Decode(reader.ValueSpan);
    }

    private static bool EqualsIgnoreAsciiCase(ReadOnlySpan<byte> text, ReadOnlySpan<byte> lower)
    {
        if (text.Length != lower.Length)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            if ((b is >= (byte)'A' and <= (byte)'Z' ? (byte)(b | 0x20) : b) != lower[i])
            {
                return false;
            }
        }

        return true;
    }
}
