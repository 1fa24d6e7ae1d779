using System;
using System.Globalization;
using CsCheck;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Random valid values of every supported type, with each type's bounds and awkward cases made common.</summary>
internal static class Values
{
    // Pieces of text: any BMP character that is not a surrogate, a surrogate pair, or a character JSON must escape.
    private static readonly Gen<string> TextPieces = Gen.OneOf(
        Gen.Char['\u0000', '\uD7FF'].Select(static c => c.ToString()),
        Gen.Char['\uE000', '\uFFFF'].Select(static c => c.ToString()),
        Gen.Int[0x10000, 0x10FFFF].Select(char.ConvertFromUtf32),
        Gen.OneOf(Gen.Const("\""), Gen.Const("\\"), Gen.Const("\n"), Gen.Const("\u0001"), Gen.Const("<"), Gen.Const("é"), Gen.Const("\u2028"), Gen.Const("😀")));

    public static readonly Gen<string> Strings = TextPieces.Array[0, 12].Select(static pieces => string.Concat(pieces));

    public static readonly Gen<float> Singles = Gen.Frequency(
        (6, Gen.Single.Where(float.IsFinite)),
        (1, Gen.OneOf(Gen.Const(float.MaxValue), Gen.Const(float.MinValue), Gen.Const(float.Epsilon), Gen.Const(-float.Epsilon), Gen.Const(-0f), Gen.Const(0.1f))));

    public static readonly Gen<double> Doubles = Gen.Frequency(
        (6, Gen.Double.Where(double.IsFinite)),
        (1, Gen.OneOf(Gen.Const(double.MaxValue), Gen.Const(double.MinValue), Gen.Const(double.Epsilon), Gen.Const(-double.Epsilon), Gen.Const(-0d), Gen.Const(0.1))));

    public static readonly Gen<decimal> Decimals = Gen.Frequency(
        (6, Gen.Decimal),
        (1, Gen.OneOf(Gen.Const(decimal.MaxValue), Gen.Const(decimal.MinValue), Gen.Const(0.0000000000000000000000000001m), Gen.Const(1.10m), Gen.Const(-0.0m))));

    public static readonly Gen<DateTime> UtcDateTimes =
        Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks].Select(static ticks => new DateTime(ticks, DateTimeKind.Utc));

    // Offsets in whole minutes up to ±14:00, clock times whose instant is in range.
    public static readonly Gen<DateTimeOffset> DateTimeOffsets =
        Gen.Select(Gen.Long[DateTime.MinValue.Ticks, DateTime.MaxValue.Ticks], Gen.Int[-14 * 60, 14 * 60])
            .Where(static (ticks, minutes) => ticks - (minutes * TimeSpan.TicksPerMinute) >= DateTime.MinValue.Ticks
                                              && ticks - (minutes * TimeSpan.TicksPerMinute) <= DateTime.MaxValue.Ticks)
            .Select(static (ticks, minutes) => new DateTimeOffset(ticks, TimeSpan.FromMinutes(minutes)));

    public static readonly Gen<DateOnly> Dates =
        Gen.Int[DateOnly.MinValue.DayNumber, DateOnly.MaxValue.DayNumber].Select(DateOnly.FromDayNumber);

    public static readonly Gen<TimeOnly> Times =
        Gen.Frequency(
            (3, Gen.Long[0, TimeOnly.MaxValue.Ticks]),
            (1, Gen.Int[0, (24 * 60) - 1].Select(static minutes => minutes * TimeSpan.TicksPerMinute)))
        .Select(static ticks => new TimeOnly(ticks));

    // JSON numbers as the grammar allows them: sign, integer part, fraction, exponent.
    public static readonly Gen<string> JsonNumberTexts =
        Gen.Select(Gen.Bool, Gen.OneOf(Gen.Const("0"), Gen.Int[1, 9].Select(static d => d.ToString(CultureInfo.InvariantCulture)).SelectMany(static d => Gen.Char['0', '9'].Array[0, 25].Select(digits => d + new string(digits)))),
                Gen.Char['0', '9'].Array[0, 12], Gen.Select(Gen.Bool, Gen.OneOf(Gen.Const("e"), Gen.Const("E")), Gen.OneOf(Gen.Const(""), Gen.Const("+"), Gen.Const("-")), Gen.Int[0, 400]))
            .Select(static (negative, whole, fraction, exponent) =>
                (negative ? "-" : "") + whole + (fraction.Length == 0 ? "" : "." + new string(fraction))
                + (exponent.Item1 ? exponent.Item2 + exponent.Item3 + exponent.Item4.ToString(CultureInfo.InvariantCulture) : ""));

    /// <summary>Any JSON value, nested up to three levels: numbers in every form, strings with escapes, literals, arrays, objects.</summary>
    public static readonly Gen<System.Text.Json.JsonElement> JsonValues = JsonText(3).Select(static text => System.Text.Json.JsonDocument.Parse(text).RootElement.Clone());

    private static Gen<string> JsonText(int depth)
    {
        var scalar = Gen.OneOf(
            JsonNumberTexts,
            Strings.Select(static s => System.Text.Json.JsonSerializer.Serialize(s)),
            Gen.OneOf(Gen.Const("true"), Gen.Const("false"), Gen.Const("null")));
        if (depth == 0)
        {
            return scalar;
        }

        var inner = JsonText(depth - 1);
        return Gen.Frequency(
            (3, scalar),
            (1, inner.Array[0, 3].Select(static items => "[" + string.Join(",", items) + "]")),
            (1, Gen.Select(Strings, inner).Array[0, 3].Select(static members =>
                "{" + string.Join(",", Array.ConvertAll(members, static m => System.Text.Json.JsonSerializer.Serialize(m.Item1) + ":" + m.Item2)) + "}")));
    }

    /// <summary><paramref name="any"/> with its bounds and zero made common.</summary>
    public static Gen<T> Bounded<T>(Gen<T> any, T min, T max) =>
        Gen.Frequency((6, any), (1, Gen.Const(min)), (1, Gen.Const(max)), (1, Gen.Const(default(T)!)));
}
