using System;
using System.Buffers.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

// Integers, floating-point numbers and decimals. Each takes a JSON number, or a string holding exactly one JSON number
// (node-postgres sends bigint and numeric as strings), read the same way in both cases. The grammar is RFC 8259's:
//
//   number = [ "-" ] ( "0" / %x31-39 *DIGIT ) [ "." 1*DIGIT ] [ ( "e" / "E" ) [ "+" / "-" ] 1*DIGIT ]
//
// so no spaces, no "+", no leading zeros, no thousands separators, no culture. A whole-number type takes only the
// integer part of that grammar; anything with a fraction or an exponent, or outside the type's range, is OutOfRange.
// float and double also take exactly the strings "NaN", "Infinity" and "-Infinity" (as PostgreSQL writes them and
// System.Text.Json reads them with AllowNamedFloatingPointLiterals); a finite number too large for the type is
// OutOfRange, never an infinity.
public static partial class SkaftinJson
{
    /// <summary>Reads an <see cref="int"/> from a number or a string holding one.</summary>
    public static int ReadInt32(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var value))
        {
            return value;
        }

        return (int)ReadInteger(ref reader, table, column, int.MinValue, int.MaxValue);
    }

    /// <summary>Reads a <see cref="long"/> from a number or a string holding one.</summary>
    public static long ReadInt64(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var value))
        {
            return value;
        }

        return ReadInteger(ref reader, table, column, long.MinValue, long.MaxValue);
    }

    /// <summary>Reads a <see cref="short"/> from a number or a string holding one.</summary>
    public static short ReadInt16(ref Utf8JsonReader reader, string table, string column) =>
        (short)ReadInteger(ref reader, table, column, short.MinValue, short.MaxValue);

    /// <summary>Reads an <see cref="sbyte"/> from a number or a string holding one.</summary>
    public static sbyte ReadSByte(ref Utf8JsonReader reader, string table, string column) =>
        (sbyte)ReadInteger(ref reader, table, column, sbyte.MinValue, sbyte.MaxValue);

    /// <summary>Reads a <see cref="byte"/> from a number or a string holding one.</summary>
    public static byte ReadByte(ref Utf8JsonReader reader, string table, string column) =>
        (byte)ReadUnsigned(ref reader, table, column, byte.MaxValue);

    /// <summary>Reads a <see cref="ushort"/> from a number or a string holding one.</summary>
    public static ushort ReadUInt16(ref Utf8JsonReader reader, string table, string column) =>
        (ushort)ReadUnsigned(ref reader, table, column, ushort.MaxValue);

    /// <summary>Reads a <see cref="uint"/> from a number or a string holding one.</summary>
    public static uint ReadUInt32(ref Utf8JsonReader reader, string table, string column) =>
        (uint)ReadUnsigned(ref reader, table, column, uint.MaxValue);

    /// <summary>Reads a <see cref="ulong"/> from a number or a string holding one.</summary>
    public static ulong ReadUInt64(ref Utf8JsonReader reader, string table, string column) =>
        ReadUnsigned(ref reader, table, column, ulong.MaxValue);

    /// <summary>
    /// Reads a <see cref="double"/> from a number or a string holding one, or the strings <c>"NaN"</c>,
    /// <c>"Infinity"</c>, <c>"-Infinity"</c>; a number beyond <see cref="double.MaxValue"/> is an error.
    /// </summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string table, string column) =>
        ReadFloatingPoint(ref reader, table, column, single: false);

    /// <summary>
    /// Reads a <see cref="float"/> from a number or a string holding one, or the strings <c>"NaN"</c>,
    /// <c>"Infinity"</c>, <c>"-Infinity"</c>; a number beyond <see cref="float.MaxValue"/> is an error.
    /// </summary>
    public static float ReadSingle(ref Utf8JsonReader reader, string table, string column) =>
        (float)ReadFloatingPoint(ref reader, table, column, single: true);

    /// <summary>Reads a <see cref="decimal"/> from a number or a string holding one (node-postgres sends <c>numeric</c> as a string).</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string table, string column)
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        if (!TryGetNumberText(in reader, scratch, out var text))
        {
            throw Mismatch(ref reader, table, column, "a decimal number");
        }

        if (!Utf8Parser.TryParse(text, out decimal value, out var consumed) || consumed != text.Length)
        {
            throw OutOfRange(ref reader, table, column, "the number does not fit a decimal.");
        }

        return value;
    }

    // A double, or (single) a float widened to one, which narrows back exactly.
    private static double ReadFloatingPoint(ref Utf8JsonReader reader, string table, string column, bool single)
    {
        if (TryReadNamedFloatingPoint(in reader, out var named))
        {
            return named;
        }

        Span<byte> scratch = stackalloc byte[ScratchSize];
        if (!TryGetNumberText(in reader, scratch, out var text))
        {
            throw Mismatch(ref reader, table, column, "a number");
        }

        // A float is parsed as a float: through a double first, a text near a float halfway point would round twice.
        double value;
        int consumed;
        bool parsed;
        if (single)
        {
            parsed = Utf8Parser.TryParse(text, out float narrow, out consumed);
            value = narrow;
        }
        else
        {
            parsed = Utf8Parser.TryParse(text, out value, out consumed);
        }

        if (!parsed || consumed != text.Length || double.IsInfinity(value))
        {
            throw OutOfRange(ref reader, table, column, single ? "the number does not fit a float." : "the number does not fit a double.");
        }

        return value;
    }

    private static long ReadInteger(ref Utf8JsonReader reader, string table, string column, long min, long max)
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        if (!TryGetNumberText(in reader, scratch, out var text))
        {
            throw Mismatch(ref reader, table, column, "a whole number");
        }

        if (!Utf8Parser.TryParse(text, out long value, out var consumed) || consumed != text.Length || value < min || value > max)
        {
            throw OutOfRange(ref reader, table, column, FormattableString.Invariant($"expected a whole number from {min} to {max}."));
        }

        return value;
    }

    private static ulong ReadUnsigned(ref Utf8JsonReader reader, string table, string column, ulong max)
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        if (!TryGetNumberText(in reader, scratch, out var text))
        {
            throw Mismatch(ref reader, table, column, "a whole number");
        }

        // "-0" is in the integer grammar of every integer type, so an unsigned one reads it as 0 as a signed one does
        // (System.Text.Json refuses it; documented as one of the readers' lenient forms).
        if (IsNegativeZero(text))
        {
            return 0;
        }

        if (!Utf8Parser.TryParse(text, out ulong value, out var consumed) || consumed != text.Length || value > max)
        {
            throw OutOfRange(ref reader, table, column, FormattableString.Invariant($"expected a whole number from 0 to {max}."));
        }

        return value;
    }

    private static bool IsNegativeZero(ReadOnlySpan<byte> text) => text.Length == 2 && text[0] == '-' && text[1] == '0';

    // The text of the number the token holds: a number token's own, or a string's when it is exactly a JSON number.
    private static bool TryGetNumberText(in Utf8JsonReader reader, Span<byte> scratch, out ReadOnlySpan<byte> text)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.Number:
                text = RawValue(in reader, scratch);
                return true;
            case JsonTokenType.String:
                text = UnescapedValue(in reader, scratch);
                return IsJsonNumber(text);
            default:
                text = default;
                return false;
        }
    }

    // RFC 8259's number, the whole text (see the top of this file).
    private static bool IsJsonNumber(ReadOnlySpan<byte> text)
    {
        var position = 0;
        if (position < text.Length && text[position] == '-')
        {
            position++;
        }

        if (position < text.Length && text[position] == '0')
        {
            position++;
        }
        else if (!SkipDigits(text, ref position))
        {
            return false;
        }

        if (position < text.Length && text[position] == '.')
        {
            position++;
            if (!SkipDigits(text, ref position))
            {
                return false;
            }
        }

        if (position < text.Length && text[position] is (byte)'e' or (byte)'E')
        {
            position++;
            if (position < text.Length && text[position] is (byte)'+' or (byte)'-')
            {
                position++;
            }

            if (!SkipDigits(text, ref position))
            {
                return false;
            }
        }

        return position == text.Length;
    }

    // One or more digits; false when there is none.
    private static bool SkipDigits(ReadOnlySpan<byte> text, ref int position)
    {
        var start = position;
        while (position < text.Length && text[position] is >= (byte)'0' and <= (byte)'9')
        {
            position++;
        }

        return position > start;
    }

    // Exactly "NaN", "Infinity" or "-Infinity" in a string (case as written by PostgreSQL and System.Text.Json).
    private static bool TryReadNamedFloatingPoint(in Utf8JsonReader reader, out double value)
    {
        value = 0;
        const int LongestEscaped = 9 * 6; // "-Infinity" with every character escaped as \uXXXX
        if (reader.TokenType != JsonTokenType.String
            || (reader.HasValueSequence ? reader.ValueSequence.Length : reader.ValueSpan.Length) > LongestEscaped)
        {
            return false;
        }

        Span<byte> scratch = stackalloc byte[LongestEscaped];
        var text = UnescapedValue(in reader, scratch);
        if (text.SequenceEqual("NaN"u8))
        {
            value = double.NaN;
        }
        else if (text.SequenceEqual("Infinity"u8))
        {
            value = double.PositiveInfinity;
        }
        else if (text.SequenceEqual("-Infinity"u8))
        {
            value = double.NegativeInfinity;
        }
        else
        {
            return false;
        }

        return true;
    }
}
