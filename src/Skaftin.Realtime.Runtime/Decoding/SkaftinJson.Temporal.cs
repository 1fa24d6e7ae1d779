using System;
using System.Globalization;
using System.Text.Json;

namespace Skaftin.Realtime;

// Timestamps, dates and times of day.
public static partial class SkaftinJson
{
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
            var text = UnescapedValue(in reader, scratch);
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
        var text = UnescapedValue(in reader, scratch);
        if (text.Length <= 10)
        {
            return false;
        }

        var time = text.Slice(10);
        return time.IndexOfAny((byte)'Z', (byte)'z', (byte)'+') >= 0 || time.LastIndexOf((byte)'-') >= 0;
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
}
