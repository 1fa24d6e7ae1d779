using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.ComponentModel;
using System.Globalization;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Lenient value readers used by generated row readers. Each reads the token the reader is on and
/// accepts what JavaScript backends really send (numbers inside strings, <c>0</c>/<c>1</c> booleans,
/// timestamps with or without fractions and offsets); anything else becomes a
/// <see cref="SkaftinDecodeException"/> naming the table and column. Not meant to be called by hand.
/// </summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static partial class SkaftinJson
{
    // Numbers and short strings are copied here when the reader cannot hand out a contiguous, unescaped span.
    private const int ScratchSize = 128;

    /// <summary>Moves to the row's <c>{</c> (reading it first if the reader has not started) or throws.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="table">The table being decoded.</param>
    public static void ReadStartObject(ref Utf8JsonReader reader, string table)
    {
        if (reader.TokenType == JsonTokenType.None || reader.TokenType == JsonTokenType.PropertyName)
        {
            Advance(ref reader, table, null);
        }

        if (reader.TokenType != JsonTokenType.StartObject)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.NotAnObject, table, null, Describe(ref reader), "expected a JSON object.");
        }
    }

    /// <summary>Moves to the next property name of the current object; false at its closing <c>}</c>.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="table">The table being decoded.</param>
    /// <returns>True when the reader is on a property name.</returns>
    public static bool ReadPropertyName(ref Utf8JsonReader reader, string table)
    {
        Advance(ref reader, table, null);
        return reader.TokenType == JsonTokenType.PropertyName;
    }

    /// <summary>Moves from a property name to its value.</summary>
    /// <param name="reader">The reader.</param>
    /// <param name="table">The table being decoded.</param>
    /// <param name="column">The column being decoded.</param>
    public static void ReadValue(ref Utf8JsonReader reader, string table, string column) => Advance(ref reader, table, column);

    /// <summary>Skips the value of a property the row type does not declare.</summary>
    /// <param name="reader">The reader, on the property name.</param>
    /// <param name="table">The table being decoded.</param>
    public static void SkipValue(ref Utf8JsonReader reader, string table)
    {
        if (!reader.TrySkip())
        {
            throw Truncated(table, null);
        }
    }

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
                var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
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
            var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
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
            var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
            if (Utf8Parser.TryParse(text, out decimal value, out var consumed) && consumed == text.Length)
            {
                return value;
            }
        }

        throw Mismatch(ref reader, table, column, "a decimal number");
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

    /// <summary>
    /// Reads a <see cref="DateTimeOffset"/> from an ISO 8601 string (with or without fractional seconds,
    /// <c>Z</c> or an offset; without one, UTC is assumed; a space may stand for the <c>T</c>) or a number of
    /// milliseconds since the Unix epoch.
    /// </summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            if (TryReadTimestamp(ref reader, out var value))
            {
                return value;
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds)
                 && milliseconds >= -62135596800000L && milliseconds <= 253402300799999L)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        throw Mismatch(ref reader, table, column, "an ISO 8601 timestamp");
    }

    /// <summary>Reads a <see cref="DateTime"/> (in UTC when the text has an offset or none) from the forms <see cref="ReadDateTimeOffset"/> takes.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader, string table, string column) =>
        ReadDateTimeOffset(ref reader, table, column).UtcDateTime;

#if NET6_0_OR_GREATER
    /// <summary>Reads a <see cref="DateOnly"/> from <c>yyyy-MM-dd</c> or a full timestamp (its date part).</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
            // yyyy-MM-dd in place: the common form costs a few nanoseconds and allocates nothing.
            if (text.Length == 10 && text[4] == (byte)'-' && text[7] == (byte)'-'
                && Digits(text.Slice(0, 4), out var year) && Digits(text.Slice(5, 2), out var month) && Digits(text.Slice(8, 2), out var day)
                && year >= 1 && month is >= 1 and <= 12 && day >= 1 && day <= DateTime.DaysInMonth(year, month))
            {
                return new DateOnly(year, month, day);
            }

            if (text.Length == 10 && DateOnly.TryParseExact(Utf8Text.Decode(text), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
            {
                return date;
            }

            if (TryReadTimestamp(ref reader, out var timestamp))
            {
                return DateOnly.FromDateTime(timestamp.DateTime);
            }
        }

        throw Mismatch(ref reader, table, column, "a date (yyyy-MM-dd)");
    }

    /// <summary>Reads a <see cref="TimeOnly"/> from <c>HH:mm[:ss[.fffffff]]</c>.</summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String
            && TimeOnly.TryParse(reader.GetString(), CultureInfo.InvariantCulture, DateTimeStyles.None, out var time))
        {
            return time;
        }

        throw Mismatch(ref reader, table, column, "a time of day (HH:mm:ss)");
    }
#endif

    /// <summary>Reads any JSON value as a <see cref="JsonElement"/> (for JSON columns).</summary>
    public static JsonElement ReadJsonElement(ref Utf8JsonReader reader, string table, string column) => JsonElement.ParseValue(ref reader);

    /// <summary>Reads a JSON array into a list, each element with <paramref name="element"/>.</summary>
    /// <typeparam name="T">The element type.</typeparam>
    public static List<T> ReadList<T>(ref Utf8JsonReader reader, string table, string column, SkaftinValueReader<T> element)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            throw Mismatch(ref reader, table, column, "a JSON array");
        }

        var list = new List<T>();
        while (true)
        {
            Advance(ref reader, table, column);
            if (reader.TokenType == JsonTokenType.EndArray)
            {
                return list;
            }

            list.Add(element(ref reader, table, column));
        }
    }

    /// <summary>The error for a <c>null</c> in a non-nullable column.</summary>
    public static SkaftinDecodeException NullNotAllowed(string table, string column) =>
        new(DecodeErrorKind.NullNotAllowed, table, column, "null", "the column is not nullable.");

    /// <summary>A short text for the token the reader is on, for error messages.</summary>
    public static string Describe(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.String => "\"" + Truncate(reader.GetString()) + "\"",
        JsonTokenType.Number or JsonTokenType.True or JsonTokenType.False or JsonTokenType.Null => RawText(ref reader),
        JsonTokenType.StartObject => "{…}",
        JsonTokenType.StartArray => "[…]",
        JsonTokenType.None => "(end of input)",
        _ => reader.TokenType.ToString(),
    };

    private static string? Truncate(string? text) =>
        text is null || text.Length <= SkaftinDecodeException.MaxOffendingTextLength ? text : text.Substring(0, SkaftinDecodeException.MaxOffendingTextLength);

    private static void Advance(ref Utf8JsonReader reader, string table, string? column)
    {
        if (!reader.Read())
        {
            throw Truncated(table, column);
        }
    }

    private static SkaftinDecodeException Truncated(string table, string? column) =>
        new(DecodeErrorKind.MalformedJson, table, column, null, "the JSON ended before the row did.");

    private static SkaftinDecodeException Mismatch(ref Utf8JsonReader reader, string table, string column, string expected) =>
        reader.TokenType == JsonTokenType.Null
            ? NullNotAllowed(table, column)
            : new SkaftinDecodeException(DecodeErrorKind.WrongType, table, column, Describe(ref reader), $"expected {expected}.");

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
            var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
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
            var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
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

    private static bool TryReadTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value) =>
        (!reader.ValueIsEscaped && !reader.HasValueSequence && TryParseCommonTimestamp(reader.ValueSpan, out value))
        || TryReadAnyTimestamp(ref reader, out value);

    // The shape servers send nearly always — yyyy-MM-dd(T| )HH:mm:ss[.f…](Z|±hh:mm)? with at most 7 fraction
    // digits — read in one pass (System.Text.Json's parser plus the offset scan cost several times more). Anything
    // else, or out of range, is false and goes the general way, which accepts everything this does with the same value.
    internal static bool TryParseCommonTimestamp(ReadOnlySpan<byte> text, out DateTimeOffset value)
    {
        value = default;
        if (text.Length < 19 || text[4] != '-' || text[7] != '-' || text[10] is not ((byte)'T' or (byte)'t' or (byte)' ')
            || text[13] != ':' || text[16] != ':'
            || !Digits(text.Slice(0, 4), out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || !Digits(text.Slice(11, 2), out var hour) || !Digits(text.Slice(14, 2), out var minute) || !Digits(text.Slice(17, 2), out var second)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59)
        {
            return false;
        }

        var position = 19;
        long fraction = 0;
        if (position < text.Length && text[position] == '.')
        {
            var digits = 0;
            for (position++; position < text.Length && text[position] is >= (byte)'0' and <= (byte)'9'; position++, digits++)
            {
                fraction = (fraction * 10) + (text[position] - '0');
            }

            if (digits is 0 or > 7)
            {
                return false;
            }

            for (; digits < 7; digits++)
            {
                fraction *= 10;
            }
        }

        var offset = TimeSpan.Zero;
        if (position == text.Length)
        {
            // No offset: a server means UTC.
        }
        else if (text[position] is (byte)'Z' or (byte)'z' && position + 1 == text.Length)
        {
            // UTC.
        }
        else if (text[position] is (byte)'+' or (byte)'-' && position + 6 == text.Length && text[position + 3] == ':'
                 && Digits(text.Slice(position + 1, 2), out var offsetHours) && Digits(text.Slice(position + 4, 2), out var offsetMinutes)
                 && offsetMinutes <= 59 && (offsetHours * 60) + offsetMinutes <= 14 * 60)
        {
            offset = new TimeSpan(offsetHours, offsetMinutes, 0);
            if (text[position] == '-')
            {
                offset = -offset;
            }
        }
        else
        {
            return false;
        }

        var ticks = new DateTime(year, month, day, hour, minute, second).Ticks + fraction;
        var utcTicks = ticks - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        value = new DateTimeOffset(ticks, offset);
        return true;
    }

    // Every form the readers accept (see ReadDateTimeOffset), the slower way.
    internal static bool TryReadAnyTimestamp(ref Utf8JsonReader reader, out DateTimeOffset value)
    {
        if (reader.TryGetDateTimeOffset(out value))
        {
            // Without an offset the reader assumes local time; a server means UTC.
            if (!HasOffset(ref reader))
            {
                value = new DateTimeOffset(DateTime.SpecifyKind(value.DateTime, DateTimeKind.Utc));
            }

            return true;
        }

        // SQLite and PostgreSQL text forms: "2024-05-01 10:00:00", "2024-05-01 10:00:00.123+00".
        return DateTimeOffset.TryParse(
            reader.GetString(),
            CultureInfo.InvariantCulture,
            DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces,
            out value);
    }

    private static bool HasOffset(ref Utf8JsonReader reader)
    {
        Span<byte> scratch = stackalloc byte[ScratchSize];
        var text = reader.HasValueSequence || reader.ValueIsEscaped ? scratch.Slice(0, CopyValue(ref reader, scratch)) : reader.ValueSpan;
        if (text.Length <= 10)
        {
            return false;
        }

        var time = text.Slice(10);
        return time.IndexOfAny((byte)'Z', (byte)'z', (byte)'+') >= 0 || time.LastIndexOf((byte)'-') >= 0;
    }

    // Copies an escaped or multi-segment string token into scratch; 0 when it does not fit (the caller then fails to parse).
    private static int CopyValue(ref Utf8JsonReader reader, scoped Span<byte> scratch)
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

    private static bool Digits(ReadOnlySpan<byte> text, out int value)
    {
        value = 0;
        foreach (var b in text)
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return false;
            }

            value = (value * 10) + (b - '0');
        }

        return true;
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
