using System;
using System.Buffers.Text;
using System.Globalization;
using System.Text.Json;

namespace Skaftin.Realtime;

// Integers, floating-point numbers and decimals, from a number or a string holding one.
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

    /// <summary>Reads a <see cref="double"/> from a number or a string holding one.</summary>
    public static double ReadDouble(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetDouble(out var value))
        {
            return value;
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = UnescapedValue(in reader, scratch);
            if (Utf8Parser.TryParse(text, out value, out var consumed) && consumed == text.Length)
            {
                return value;
            }

            if (double.TryParse(Utf8Text.Decode(text), NumberStyles.Float, CultureInfo.InvariantCulture, out value))
            {
                return value;
            }
        }

        throw Mismatch(ref reader, table, column, "a number");
    }

    /// <summary>Reads a <see cref="float"/> from a number or a string holding one.</summary>
    public static float ReadSingle(ref Utf8JsonReader reader, string table, string column)
    {
        var value = ReadDouble(ref reader, table, column);
        var narrowed = (float)value;
        if (float.IsInfinity(narrowed) && !double.IsInfinity(value))
        {
            throw new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), "the number does not fit a float.");
        }

        return narrowed;
    }

    /// <summary>Reads a <see cref="decimal"/> from a number or a string holding one (node-postgres sends <c>numeric</c> as a string).</summary>
    public static decimal ReadDecimal(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (reader.TryGetDecimal(out var value))
            {
                return value;
            }

            throw new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), "the number does not fit a decimal.");
        }

        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = UnescapedValue(in reader, scratch);
            if (Utf8Parser.TryParse(text, out decimal value, out var consumed) && consumed == text.Length)
            {
                return value;
            }
        }

        throw Mismatch(ref reader, table, column, "a decimal number");
    }

    private static long ReadInteger(ref Utf8JsonReader reader, string table, string column, long min, long max)
    {
        long value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetInt64(out value))
            {
                throw NotAnInteger(ref reader, table, column, min, max);
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = UnescapedValue(in reader, scratch);
            if (!Utf8Parser.TryParse(text, out value, out var consumed) || consumed != text.Length || text.Length == 0)
            {
                throw NotAnInteger(ref reader, table, column, min, max);
            }
        }
        else
        {
            throw Mismatch(ref reader, table, column, "a whole number");
        }

        if (value < min || value > max)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), $"expected a whole number from {min} to {max}.");
        }

        return value;
    }

    private static ulong ReadUnsigned(ref Utf8JsonReader reader, string table, string column, ulong max)
    {
        ulong value;
        if (reader.TokenType == JsonTokenType.Number)
        {
            if (!reader.TryGetUInt64(out value))
            {
                throw NotAnInteger(ref reader, table, column, 0, max);
            }
        }
        else if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = UnescapedValue(in reader, scratch);
            if (!Utf8Parser.TryParse(text, out value, out var consumed) || consumed != text.Length || text.Length == 0)
            {
                throw NotAnInteger(ref reader, table, column, 0, max);
            }
        }
        else
        {
            throw Mismatch(ref reader, table, column, "a whole number");
        }

        if (value > max)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), $"expected a whole number from 0 to {max}.");
        }

        return value;
    }

    private static SkaftinDecodeException NotAnInteger(ref Utf8JsonReader reader, string table, string column, object min, object max)
    {
        // A number that fails to parse as an integer is either fractional or too large: say which.
        var isNumber = reader.TokenType == JsonTokenType.Number
            || (reader.TokenType == JsonTokenType.String && double.TryParse(reader.GetString(), NumberStyles.Float, CultureInfo.InvariantCulture, out _));
        return isNumber
            ? new SkaftinDecodeException(DecodeErrorKind.OutOfRange, table, column, Describe(ref reader), $"expected a whole number from {min} to {max}.")
            : Mismatch(ref reader, table, column, "a whole number");
    }
}
