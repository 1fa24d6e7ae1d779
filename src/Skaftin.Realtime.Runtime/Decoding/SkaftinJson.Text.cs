using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// Strings and string-shaped values (booleans, GUIDs), and the one way a string token's unescaped text is obtained.
// The grammars, over a string's unescaped bytes (ABNF; HEXDIG in either case):
//
//   string  = any JSON string / any JSON number (its text exactly as sent)
//   boolean = true / false / the numbers 0 and 1 exactly / a string "true" / "false" / "t" / "f" (any ASCII case) / "1" / "0"
//   guid    = 8HEXDIG "-" 4HEXDIG "-" 4HEXDIG "-" 4HEXDIG "-" 12HEXDIG
public static partial class SkaftinJson
{
    // Numbers and short strings are copied here when the reader cannot hand out a contiguous, unescaped span.
    private const int ScratchSize = 128;

    /// <summary>Reads a string; a number is taken as its text.</summary>
    public static string ReadString(ref Utf8JsonReader reader, string table, string column) => reader.TokenType switch
    {
        JsonTokenType.String => TryGetText(ref reader, out var text) ? text : throw Mismatch(ref reader, table, column, "a string of valid Unicode (no lone surrogate)"),
        JsonTokenType.Number => RawText(ref reader),
        _ => throw Mismatch(ref reader, table, column, "a string"),
    };

    /// <summary>
    /// Reads a boolean from <c>true</c>/<c>false</c>, the numbers <c>0</c>/<c>1</c> (exactly), or the strings
    /// <c>"true"</c>, <c>"false"</c>, <c>"t"</c>, <c>"f"</c> (in any ASCII case), <c>"1"</c>, <c>"0"</c>.
    /// </summary>
    public static bool ReadBoolean(ref Utf8JsonReader reader, string table, string column)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.True:
                return true;
            case JsonTokenType.False:
                return false;
            case JsonTokenType.Number:
                Span<byte> number = stackalloc byte[ScratchSize];
                var digits = RawValue(in reader, number);
                if (digits.SequenceEqual("1"u8) || digits.SequenceEqual("0"u8))
                {
                    return digits[0] == '1';
                }

                break;
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

    /// <summary>Reads a <see cref="Guid"/> from a string <c>xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx</c> (hexadecimal digits, either case).</summary>
    public static Guid ReadGuid(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            if (TryParseGuid(UnescapedValue(in reader, scratch), out var value))
            {
                return value;
            }
        }

        throw Mismatch(ref reader, table, column, "a UUID string");
    }

    // A string token's text without escapes: its own bytes when it has none and is contiguous, else unescaped into
    // scratch, or into a buffer of its own when longer (no value of a documented form is). Empty, which no grammar
    // here accepts, when it holds a lone surrogate escape. `in`, so scratch may be returned.
    private static ReadOnlySpan<byte> UnescapedValue(in Utf8JsonReader reader, Span<byte> scratch)
    {
        if (!reader.HasValueSequence && !reader.ValueIsEscaped)
        {
            return reader.ValueSpan;
        }

        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        var buffer = length <= scratch.Length ? scratch : new byte[length];
        try
        {
            return buffer.Slice(0, reader.CopyString(buffer));
        }
        catch (InvalidOperationException)
        {
            return default;
        }
    }

    // Copies an escaped or multi-segment string token into scratch; 0 when it does not fit or is not valid UTF-16
    // (the caller then fails to parse and reports the value).
    private static int CopyValue(ref Utf8JsonReader reader, scoped Span<byte> scratch)
    {
        var length = reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length;
        if (length > scratch.Length)
        {
            return 0;
        }

        try
        {
            return reader.CopyString(scratch);
        }
        catch (InvalidOperationException)
        {
            return 0; // a lone surrogate escape: no text, so the caller reports the value (naming its column)
        }
    }

    // Exactly 8-4-4-4-12 hexadecimal digits (the "D" form), either case: no braces, no spaces, no other layout.
    private static bool TryParseGuid(ReadOnlySpan<byte> text, out Guid value)
    {
        value = default;
        if (text.Length != 36)
        {
            return false;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var b = text[i];
            var valid = i is 8 or 13 or 18 or 23 ? b == '-' : b is >= (byte)'0' and <= (byte)'9' or >= (byte)'a' and <= (byte)'f' or >= (byte)'A' and <= (byte)'F';
            if (!valid)
            {
                return false;
            }
        }

        return Utf8Parser.TryParse(text, out value, out var consumed, 'D') && consumed == text.Length;
    }

    // A non-string token's JSON text, whole (a number of any length, true, false, null).
    private static string RawText(ref Utf8JsonReader reader)
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        return Utf8Text.Decode(RawValue(in reader, scratch));
    }

    // A non-string token's bytes: its own span, or a multi-segment one copied into scratch (or a buffer of its own when longer).
    private static ReadOnlySpan<byte> RawValue(in Utf8JsonReader reader, Span<byte> scratch)
    {
        if (!reader.HasValueSequence)
        {
            return reader.ValueSpan;
        }

        var sequence = reader.ValueSequence;
        var buffer = sequence.Length <= scratch.Length ? scratch.Slice(0, (int)sequence.Length) : new byte[sequence.Length];
        System.Buffers.BuffersExtensions.CopyTo(sequence, buffer);
        return buffer;
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
