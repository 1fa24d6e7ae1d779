using System;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.RegularExpressions;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The lenient forms of the README's table, generated at random: each maps to the value the table says. And near
/// misses of each grammar (random text, random edits of valid text): a reader accepts a text exactly when an
/// independent oracle (a regular expression plus range checks) says it is in the grammar, reads the oracle's value,
/// and otherwise throws a typed error. Every decode runs under three cultures (see DecodeHarness).
/// </summary>
public sealed class LenientFormsTests
{
    /// <summary>Samples per property.</summary>
    public const int Iterations = 2_000;

    private static readonly JsonSerializerOptions FromString = new()
    {
        NumberHandling = JsonNumberHandling.AllowReadingFromString | JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    private static readonly Regex JsonNumber = new(@"^-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?\z", RegexOptions.CultureInvariant);
    private static readonly Regex WholeNumber = new(@"^-?(0|[1-9][0-9]*)\z", RegexOptions.CultureInvariant);
    private static readonly Regex Timestamp = new(
        @"^([0-9]{4})-([0-9]{2})-([0-9]{2})(?:[Tt ]([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?(?:([Zz])|([+-])([0-9]{2})(?::([0-9]{2}))?)?)?\z",
        RegexOptions.CultureInvariant);
    private static readonly Regex Time = new(@"^([0-9]{2}):([0-9]{2})(?::([0-9]{2})(?:\.([0-9]+))?)?\z", RegexOptions.CultureInvariant);

    // ---- The lenient forms map to the documented value ----

    [Fact]
    public void WholeNumbersInStringsAreTheSameNumber()
    {
        InString(Values.Bounded(Gen.Byte, byte.MinValue, byte.MaxValue), DByteRowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.SByte, sbyte.MinValue, sbyte.MaxValue), DSByteRowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.Short, short.MinValue, short.MaxValue), DInt16RowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.UShort, ushort.MinValue, ushort.MaxValue), DUInt16RowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.Int, int.MinValue, int.MaxValue), DInt32RowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.UInt, uint.MinValue, uint.MaxValue), DUInt32RowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.Long, long.MinValue, long.MaxValue), DInt64RowReader.Instance, static r => r.Value);
        InString(Values.Bounded(Gen.ULong, ulong.MinValue, ulong.MaxValue), DUInt64RowReader.Instance, static r => r.Value);
    }

    [Fact]
    public void FractionalNumbersInStringsAreTheSameNumber()
    {
        InString(Values.Singles, DSingleRowReader.Instance, static r => r.Value);
        InString(Values.Doubles, DDoubleRowReader.Instance, static r => r.Value);
        InString(Values.Decimals, DDecimalRowReader.Instance, static r => r.Value);
    }

    // Exactly NaN, Infinity, -Infinity: System.Text.Json's named literals, read the same by both.
    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    [InlineData("\"-Infinity\"")]
    public void NamedFloatingPointLiteralsAreSystemTextJsonsOwn(string json)
    {
        Assert.Equal(JsonSerializer.Deserialize<double>(json, FromString), DecodeHarness.Accepts(DDoubleRowReader.Instance, static r => r.Value, json));
        Assert.Equal(JsonSerializer.Deserialize<float>(json, FromString), DecodeHarness.Accepts(DSingleRowReader.Instance, static r => r.Value, json));
    }

    [Fact]
    public void BooleanFormsAreTheirValue()
    {
        var words = Gen.OneOf(Gen.Const(("true", true)), Gen.Const(("t", true)), Gen.Const(("false", false)), Gen.Const(("f", false)));
        Gen.Select(words, Gen.Bool.Array[5]).Sample(
            static (word, upper) =>
            {
                var text = new string(word.Item1.Select((c, i) => upper[i] ? char.ToUpperInvariant(c) : c).ToArray());
                Assert.Equal(word.Item2, DecodeHarness.Accepts(DBoolRowReader.Instance, static r => r.Value, "\"" + text + "\""));
            },
            iter: Iterations);

        Assert.True(DecodeHarness.Accepts(DBoolRowReader.Instance, static r => r.Value, "1"));
        Assert.False(DecodeHarness.Accepts(DBoolRowReader.Instance, static r => r.Value, "0"));
        Assert.True(DecodeHarness.Accepts(DBoolRowReader.Instance, static r => r.Value, "\"1\""));
        Assert.False(DecodeHarness.Accepts(DBoolRowReader.Instance, static r => r.Value, "\"0\""));
    }

    [Fact]
    public void ANumberInAStringColumnIsItsTextAsSent() =>
        Values.JsonNumberTexts.Sample(
            static text => Assert.Equal(text, DecodeHarness.Accepts(DStringRowReader.Instance, static r => r.Value, text)),
            iter: Iterations);

    [Fact]
    public void EveryTimestampFormIsItsInstant() =>
        Gen.Select(Values.DateTimeOffsets, Gen.Int[0, 2], Gen.Int[0, 9], Gen.Int[0, 4]).Sample(
            static (value, separator, fractionDigits, offsetForm) =>
            {
                var (text, expected) = Render(value, separator, fractionDigits, offsetForm);
                if (expected is null)
                {
                    return; // the instant is outside the range once the offset is dropped
                }

                var read = DecodeHarness.Accepts(DDateTimeOffsetRowReader.Instance, static r => r.Value, JsonSerializer.Serialize(text));
                Assert.Equal((expected.Value, expected.Value.Offset), (read, read.Offset));
                Assert.Equal(DateOnly.FromDateTime(expected.Value.DateTime), DecodeHarness.Accepts(DDateOnlyRowReader.Instance, static r => r.Value, JsonSerializer.Serialize(text)));
                var utc = DecodeHarness.Accepts(DDateTimeRowReader.Instance, static r => r.Value, JsonSerializer.Serialize(text));
                Assert.Equal((expected.Value.UtcDateTime, DateTimeKind.Utc), (utc, utc.Kind));
            },
            iter: Iterations);

    [Fact]
    public void UnixMillisecondsAreTheirInstant() =>
        Gen.Long[-62135596800000L, 253402300799999L].Sample(
            static milliseconds => Assert.Equal(
                DateTimeOffset.FromUnixTimeMilliseconds(milliseconds),
                DecodeHarness.Accepts(DDateTimeOffsetRowReader.Instance, static r => r.Value, milliseconds.ToString(CultureInfo.InvariantCulture))),
            iter: Iterations);

    // ---- Near misses: accepted exactly when the oracle says so ----

    [Fact]
    public void NumbersAreReadExactlyWhenTheyAreJsonNumbers() =>
        NumberLikeTexts.Sample(
            static text =>
            {
                var json = JsonSerializer.Serialize(text);
                // In the grammar but too large is OutOfRange; outside it, WrongType.
                var asDouble = DecodeHarness.Value(DDoubleRowReader.Instance, static r => r.Value, json);
                var isNumber = JsonNumber.IsMatch(text);
                var expectedDouble = text is "NaN" or "Infinity" or "-Infinity" || (isNumber && double.IsFinite(double.Parse(text, CultureInfo.InvariantCulture)));
                Assert.Equal(expectedDouble, asDouble.Succeeded);
                if (asDouble.Succeeded)
                {
                    Assert.Equal(double.Parse(text, CultureInfo.InvariantCulture), asDouble.Value);
                }
                else
                {
                    Assert.Equal(isNumber ? DecodeErrorKind.OutOfRange : DecodeErrorKind.WrongType, asDouble.Error!.Kind);
                }

                var asLong = DecodeHarness.Value(DInt64RowReader.Instance, static r => r.Value, json);
                Assert.Equal(WholeNumber.IsMatch(text) && long.TryParse(text, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out _), asLong.Succeeded);
                if (asLong.Succeeded)
                {
                    Assert.Equal(long.Parse(text, CultureInfo.InvariantCulture), asLong.Value);
                }
                else
                {
                    Assert.Equal(isNumber ? DecodeErrorKind.OutOfRange : DecodeErrorKind.WrongType, asLong.Error!.Kind);
                }
            },
            iter: Iterations * 5);

    [Fact]
    public void TimestampsAreReadExactlyWhenTheOracleSaysSo() =>
        Near(Gen.Select(Values.DateTimeOffsets, Gen.Int[0, 2], Gen.Int[0, 9], Gen.Int[0, 4]).Select(static (v, s, f, o) => Render(v, s, f, o).Text), "0123456789-:.TtZz+ /,J").Sample(
            static text =>
            {
                var expected = TimestampOracle(text);
                var outcome = DecodeHarness.Value(DDateTimeOffsetRowReader.Instance, static r => r.Value, JsonSerializer.Serialize(text));
                Assert.True(expected.HasValue == outcome.Succeeded, $"'{text}': oracle {expected?.ToString("O", CultureInfo.InvariantCulture) ?? "rejects"}, reader {outcome.Text}");
                if (expected is { } value)
                {
                    Assert.Equal((value, value.Offset), (outcome.Value, outcome.Value.Offset));
                }
                else
                {
                    Assert.Equal(DecodeErrorKind.WrongType, outcome.Error!.Kind);
                }
            },
            iter: Iterations * 5);

    [Fact]
    public void TimesAreReadExactlyWhenTheOracleSaysSo() =>
        Near(Values.Times.Select(static t => t.ToString(t.Ticks % TimeSpan.TicksPerMinute == 0 ? "HH:mm" : "HH:mm:ss.FFFFFFF", CultureInfo.InvariantCulture).TrimEnd('.')), "0123456789:. APM").Sample(
            static text =>
            {
                var match = Time.Match(text);
                TimeOnly? expected = null;
                if (match.Success && int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture) <= 23 && int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture) <= 59
                    && (!match.Groups[3].Success || int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) <= 59))
                {
                    expected = new TimeOnly(
                        int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture),
                        int.Parse(match.Groups[2].Value, CultureInfo.InvariantCulture),
                        match.Groups[3].Success ? int.Parse(match.Groups[3].Value, CultureInfo.InvariantCulture) : 0).Add(TimeSpan.FromTicks(FractionTicks(match.Groups[4])));
                }

                var outcome = DecodeHarness.Value(DTimeOnlyRowReader.Instance, static r => r.Value, JsonSerializer.Serialize(text));
                Assert.True(expected.HasValue == outcome.Succeeded, $"'{text}': oracle {expected}, reader {outcome.Text}");
                if (expected.HasValue)
                {
                    Assert.Equal(expected.Value, outcome.Value);
                }
                else
                {
                    Assert.Equal(DecodeErrorKind.WrongType, outcome.Error!.Kind);
                }
            },
            iter: Iterations * 5);

    [Fact]
    public void GuidsAreReadExactlyInTheHyphenatedForm() =>
        Near(Gen.Select(Gen.Guid, Gen.Bool).Select(static (g, hyphens) => g.ToString(hyphens ? "D" : "N")), "0123456789abcdefABCDEFgx-{} +").Sample(
            static text =>
            {
                var inGrammar = Regex.IsMatch(text, "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}\\z", RegexOptions.CultureInvariant);
                var outcome = DecodeHarness.Value(DGuidRowReader.Instance, static r => r.Value, JsonSerializer.Serialize(text));
                Assert.True(inGrammar == outcome.Succeeded, $"'{text}': {outcome.Text}");
                if (inGrammar)
                {
                    Assert.Equal(Guid.ParseExact(text, "D"), outcome.Value);
                }
                else
                {
                    Assert.Equal(DecodeErrorKind.WrongType, outcome.Error!.Kind);
                }
            },
            iter: Iterations * 5);

    // ---- Generators and oracles ----

    private static readonly Gen<string> NumberLikeTexts = Gen.Frequency(
        (2, Gen.OneOf(Gen.Char["0123456789-+.eE ,_x"]).Array[0, 8].Select(static c => new string(c))),
        (2, Near(Values.JsonNumberTexts.Where(static t => t.Length < 40), "0123456789-+.eE ,_x\u0660")),
        (1, Gen.OneOf(Gen.Const("NaN"), Gen.Const("nan"), Gen.Const("Infinity"), Gen.Const("-Infinity"), Gen.Const("+Infinity"), Gen.Const("∞"), Gen.Const("1e400"), Gen.Const("-1e400"))));

    // Valid texts with zero to three random edits (insert, replace, delete) drawn from an alphabet of near misses.
    private static Gen<string> Near(Gen<string> valid, string alphabet) =>
        Gen.Select(valid, Gen.Select(Gen.Int[0, 2], Gen.Int[0, 1000], Gen.Char[alphabet]).Array[0, 3])
            .Select(static (text, edits) =>
            {
                var builder = new StringBuilder(text);
                foreach (var (kind, at, c) in edits)
                {
                    var position = builder.Length == 0 ? 0 : at % (builder.Length + (kind == 0 ? 1 : 0));
                    if (kind == 0)
                    {
                        builder.Insert(position, c);
                    }
                    else if (builder.Length > 0 && kind == 1)
                    {
                        builder[position] = c;
                    }
                    else if (builder.Length > 0)
                    {
                        builder.Remove(position, 1);
                    }
                }

                return builder.ToString();
            });

    // A documented textual form of the instant: separator T, t or space; 0-9 fraction digits (seconds left out when
    // the time has none and no fraction is asked for); offset as ±hh:mm, Z, z, ±hh (when whole hours) or none (then UTC).
    private static (string Text, DateTimeOffset? Expected) Render(DateTimeOffset value, int separator, int fractionDigits, int offsetForm)
    {
        var clock = value.DateTime;
        var shown = Math.Min(fractionDigits, 7);
        var fraction = clock.Ticks % TimeSpan.TicksPerSecond;
        var kept = fraction - (fraction % (long)Math.Pow(10, 7 - shown));
        var text = clock.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "Tt "[separator] + clock.ToString("HH:mm", CultureInfo.InvariantCulture);
        var withoutSeconds = fractionDigits == 0 && clock.Second == 0 && separator == 2;
        if (!withoutSeconds)
        {
            text += ":" + clock.ToString("ss", CultureInfo.InvariantCulture);
            if (fractionDigits > 0)
            {
                text += "." + (fraction.ToString("D7", CultureInfo.InvariantCulture) + "99").Substring(0, fractionDigits);
            }
        }

        var offset = value.Offset;
        var sign = offset < TimeSpan.Zero ? "-" : "+";
        var magnitude = offset.Duration();
        switch (offsetForm)
        {
            case 0:
                text += sign + magnitude.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
                break;
            case 1 when offset == TimeSpan.Zero:
                text += "Z";
                break;
            case 2 when offset == TimeSpan.Zero:
                text += "z";
                break;
            case 3 when magnitude.Minutes == 0:
                text += sign + magnitude.ToString("hh", CultureInfo.InvariantCulture);
                break;
            case 4:
                offset = TimeSpan.Zero;
                break;
            default:
                text += sign + magnitude.ToString(@"hh\:mm", CultureInfo.InvariantCulture);
                break;
        }

        var ticks = clock.Ticks - fraction + kept;
        var utcTicks = ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks
            ? (text, null)
            : (text, new DateTimeOffset(ticks, offset));
    }

    private static DateTimeOffset? TimestampOracle(string text)
    {
        var match = Timestamp.Match(text);
        if (!match.Success)
        {
            return null;
        }

        int Group(int i) => match.Groups[i].Success ? int.Parse(match.Groups[i].Value, CultureInfo.InvariantCulture) : 0;
        var (year, month, day, hour, minute, second) = (Group(1), Group(2), Group(3), Group(4), Group(5), Group(6));
        var (offsetHours, offsetMinutes) = (Group(10), Group(11));
        if (year < 1 || month is < 1 or > 12 || day < 1 || day > DateTime.DaysInMonth(year, month) || hour > 23 || minute > 59 || second > 59
            || offsetMinutes > 59 || (offsetHours * 60) + offsetMinutes > 14 * 60)
        {
            return null;
        }

        var offset = new TimeSpan(offsetHours, offsetMinutes, 0) * (match.Groups[9].Value == "-" ? -1 : 1);
        var ticks = new DateTime(year, month, day, hour, minute, second).Ticks + FractionTicks(match.Groups[7]);
        var utcTicks = ticks - offset.Ticks;
        return utcTicks < DateTime.MinValue.Ticks || utcTicks > DateTime.MaxValue.Ticks ? null : new DateTimeOffset(ticks, offset);
    }

    // The first seven fraction digits as 100 ns ticks; the rest are dropped.
    private static long FractionTicks(Group digits) =>
        digits.Success ? long.Parse((digits.Value + "0000000").Substring(0, 7), CultureInfo.InvariantCulture) : 0;

    // A number in a string reads as the same number outside one, and as System.Text.Json reads it from a string.
    private static void InString<TRow, TKey, T>(Gen<T> values, SkaftinRowReader<TRow, TKey> reader, Func<TRow, T> pick)
        where TRow : class =>
        values.Sample(
            value =>
            {
                var number = JsonSerializer.Serialize(value);
                var quoted = "\"" + number + "\"";
                var fromString = DecodeHarness.Accepts(reader, pick, quoted);
                Assert.Equal(JsonSerializer.Serialize(value), JsonSerializer.Serialize(fromString));
                Assert.Equal(JsonSerializer.Serialize(DecodeHarness.Accepts(reader, pick, number)), JsonSerializer.Serialize(fromString));
                Assert.Equal(JsonSerializer.Serialize(JsonSerializer.Deserialize<T>(quoted, FromString)), JsonSerializer.Serialize(fromString));
            },
            iter: Iterations);
}
