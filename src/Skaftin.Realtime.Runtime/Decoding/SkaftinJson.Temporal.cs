using System;
using System.Text.Json;

namespace Skaftin.Realtime;

// Timestamps, dates and times of day, each read by one explicit grammar over the string's unescaped bytes (no
// culture, no fallback to the framework's forgiving parsers). In ABNF, DIGIT being an ASCII digit:
//
//   timestamp = date [ ( "T" / "t" / " " ) time [ offset ] ]   ; no offset means UTC
//   date      = 4DIGIT "-" 2DIGIT "-" 2DIGIT                    ; a real calendar date, 0001-01-01 to 9999-12-31
//   time      = 2DIGIT ":" 2DIGIT [ ":" 2DIGIT [ "." 1*DIGIT ] ] ; 00-23, 00-59, 00-59; digits past the 7th (100 ns) are dropped
//   offset    = "Z" / "z" / ( "+" / "-" ) 2DIGIT [ ":" 2DIGIT ]  ; at most 14:00, minutes 00-59
//
// A timestamp may also be a JSON number: whole milliseconds since the Unix epoch (not in a string).
public static partial class SkaftinJson
{
    private const long MinUnixMilliseconds = -62135596800000L; // 0001-01-01T00:00:00Z
    private const long MaxUnixMilliseconds = 253402300799999L; // 9999-12-31T23:59:59.999Z

    /// <summary>
    /// Reads a <see cref="DateTimeOffset"/> from a string <c>yyyy-MM-dd[(T|t| )HH:mm[:ss[.f…]][Z|z|±hh[:mm]]]</c>
    /// (no offset means UTC) or a JSON number of whole milliseconds since the Unix epoch.
    /// </summary>
    public static DateTimeOffset ReadDateTimeOffset(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            if (TryParseTimestamp(UnescapedValue(in reader, scratch), out var clock, out var offset))
            {
                return new DateTimeOffset(clock, offset);
            }
        }
        else if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt64(out var milliseconds)
                 && milliseconds >= MinUnixMilliseconds && milliseconds <= MaxUnixMilliseconds)
        {
            return DateTimeOffset.FromUnixTimeMilliseconds(milliseconds);
        }

        throw Mismatch(ref reader, table, column, "an ISO 8601 timestamp (yyyy-MM-ddTHH:mm:ss[.f][Z|±hh:mm]) or Unix milliseconds");
    }

    /// <summary>Reads a <see cref="DateTime"/>, always in UTC (<see cref="DateTimeKind.Utc"/>), from the forms <see cref="ReadDateTimeOffset"/> takes.</summary>
    public static DateTime ReadDateTime(ref Utf8JsonReader reader, string table, string column) =>
        ReadDateTimeOffset(ref reader, table, column).UtcDateTime;

#if NET6_0_OR_GREATER
    /// <summary>Reads a <see cref="DateOnly"/> from <c>yyyy-MM-dd</c>, or a timestamp string of the form <see cref="ReadDateTimeOffset"/> takes (its date as written).</summary>
    public static DateOnly ReadDateOnly(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            if (TryParseTimestamp(UnescapedValue(in reader, scratch), out var clock, out _))
            {
                return DateOnly.FromDateTime(clock);
            }
        }

        throw Mismatch(ref reader, table, column, "a date (yyyy-MM-dd)");
    }

    /// <summary>Reads a <see cref="TimeOnly"/> from <c>HH:mm[:ss[.f…]]</c> (24-hour clock, two digits each).</summary>
    public static TimeOnly ReadTimeOnly(ref Utf8JsonReader reader, string table, string column)
    {
        if (reader.TokenType == JsonTokenType.String)
        {
            Span<byte> scratch = stackalloc byte[ScratchSize];
            var text = UnescapedValue(in reader, scratch);
            var position = 0;
            if (TryParseTime(text, ref position, out var ticks) && position == text.Length)
            {
                return new TimeOnly(ticks);
            }
        }

        throw Mismatch(ref reader, table, column, "a time of day (HH:mm[:ss[.f]])");
    }
#endif

    /// <summary>
    /// Parses <c>timestamp</c> (see the grammar at the top of this file): the clock time as written and its offset
    /// (zero when none is written). False for anything else, including an instant outside <see cref="DateTimeOffset"/>'s range.
    /// </summary>
    internal static bool TryParseTimestamp(ReadOnlySpan<byte> text, out DateTime clock, out TimeSpan offset)
    {
        clock = default;
        offset = default;
        if (text.Length < 10 || !TryParseDate(text.Slice(0, 10), out var date))
        {
            return false;
        }

        if (text.Length == 10)
        {
            clock = date;
            return true;
        }

        var position = 11;
        if (text[10] is not ((byte)'T' or (byte)'t' or (byte)' ') || !TryParseTime(text, ref position, out var time)
            || !TryParseOffset(text.Slice(position), out offset))
        {
            return false;
        }

        var utcTicks = date.Ticks + time - offset.Ticks;
        if (utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks)
        {
            return false;
        }

        clock = new DateTime(date.Ticks + time);
        return true;
    }

    // date: exactly yyyy-MM-dd, a day that exists.
    private static bool TryParseDate(ReadOnlySpan<byte> text, out DateTime date)
    {
        date = default;
        if (text[4] != '-' || text[7] != '-'
            || !Digits(text.Slice(0, 4), out var year) || !Digits(text.Slice(5, 2), out var month) || !Digits(text.Slice(8, 2), out var day)
            || year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month))
        {
            return false;
        }

        date = new DateTime(year, month, day);
        return true;
    }

    // time, from position: HH:mm[:ss[.f…]] as ticks since midnight; position ends after it.
    private static bool TryParseTime(ReadOnlySpan<byte> text, ref int position, out long ticks)
    {
        ticks = 0;
        var start = position;
        if (text.Length - start < 5 || text[start + 2] != ':'
            || !Digits(text.Slice(start, 2), out var hour) || !Digits(text.Slice(start + 3, 2), out var minute)
            || hour > 23 || minute > 59)
        {
            return false;
        }

        position = start + 5;
        var second = 0;
        long fraction = 0;
        if (position < text.Length && text[position] == ':')
        {
            if (text.Length - position < 3 || !Digits(text.Slice(position + 1, 2), out second) || second > 59)
            {
                return false;
            }

            position += 3;
            if (position < text.Length && text[position] == '.')
            {
                var digits = 0;
                for (position++; position < text.Length && text[position] is >= (byte)'0' and <= (byte)'9'; position++, digits++)
                {
                    if (digits < 7)
                    {
                        fraction = (fraction * 10) + (text[position] - '0');
                    }
                }

                if (digits == 0)
                {
                    return false;
                }

                for (; digits < 7; digits++)
                {
                    fraction *= 10;
                }
            }
        }

        ticks = (((((hour * 60L) + minute) * 60L) + second) * TimeSpan.TicksPerSecond) + fraction;
        return true;
    }

    // offset: nothing (UTC), Z, or ±hh[:mm] up to 14:00; it must end the text.
    private static bool TryParseOffset(ReadOnlySpan<byte> text, out TimeSpan offset)
    {
        offset = TimeSpan.Zero;
        if (text.IsEmpty || (text.Length == 1 && text[0] is (byte)'Z' or (byte)'z'))
        {
            return true;
        }

        var minutes = 0;
        if (text[0] is not ((byte)'+' or (byte)'-')
            || !(text.Length == 3 || (text.Length == 6 && text[3] == ':' && Digits(text.Slice(4, 2), out minutes)))
            || !Digits(text.Slice(1, 2), out var hours) || minutes > 59 || (hours * 60) + minutes > 14 * 60)
        {
            return false;
        }

        offset = new TimeSpan(hours, minutes, 0);
        if (text[0] == '-')
        {
            offset = -offset;
        }

        return true;
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
