using System;
using System.Globalization;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Each lenient form is read by an explicit grammar and anything else is a typed error, the same under every culture
/// (see DecodeHarness). The examples from issue 10 first, then the near misses of each grammar.
/// </summary>
public sealed class GrammarTests
{
    [Fact]
    public void TheCulturesAreReallyDifferent()
    {
        Assert.Equal(",", DecodeHarness.Cultures[0].NumberFormat.NumberDecimalSeparator);
        Assert.Equal("dd.MM.yyyy", DecodeHarness.Cultures[1].DateTimeFormat.ShortDatePattern);
        Assert.Equal("M/d/yyyy", DecodeHarness.Cultures[2].DateTimeFormat.ShortDatePattern);
        Assert.Equal("İ", "i".ToUpper(DecodeHarness.Cultures[0]));
    }

    // Culture-style dates, bare times, month names, and everything the framework's forgiving parsers used to take.
    [Theory]
    [InlineData("01/02/2026")]
    [InlineData("02.01.2026")]
    [InlineData("10:00:00")]
    [InlineData("10:00")]
    [InlineData("Jan 2026")]
    [InlineData("2 January 2026")]
    [InlineData("Fri, 02 Jan 2026 10:00:00 GMT")]
    [InlineData("2026-01-02T10:00:00 GMT")]
    [InlineData("2026-01-02T10:00:00+0200")] // ISO basic offset after an extended date
    [InlineData("2026-01-02T10:00:00+02:00:00")]
    [InlineData("2026-01-02T10:00:00 +02:00")]
    [InlineData(" 2026-01-02")]
    [InlineData("2026-01-02 ")]
    [InlineData("2026-1-2")]
    [InlineData("20260102")]
    [InlineData("2026-01-02T10")]
    [InlineData("2026-01-02T10:00:00.")]
    [InlineData("2026-01-02T10:00:00,5")]
    [InlineData("2026-01-02Z")]
    [InlineData("2026-01-02T24:00:00")]
    [InlineData("2026-01-02T10:60:00")]
    [InlineData("2026-01-02T10:00:60")]
    [InlineData("2026-01-02T10:00:00+14:01")]
    [InlineData("2026-01-02T10:00:00+02:60")]
    [InlineData("2026-01-02T10:00:00Zz")]
    [InlineData("2026-01-02_10:00:00")]
    [InlineData("+2026-01-02")]
    [InlineData("2026-02-29")]
    [InlineData("0000-01-01")]
    [InlineData("0001-01-01T00:00:00+01:00")] // before the first instant
    [InlineData("9999-12-31T23:00:00-01:00")] // after the last
    [InlineData("٢٠٢٦-٠١-٠٢")] // Arabic-Indic digits
    [InlineData("")]
    public void TimestampsOutsideTheGrammarAreTypedErrors(string text)
    {
        var json = Json(text);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDateTimeOffsetRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDateTimeRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDateOnlyRowReader.Instance, static r => r.Value, json).Kind);
    }

    [Theory]
    [InlineData("2026-01-02", "2026-01-02T00:00:00.0000000+00:00")]
    [InlineData("2026-01-02T10:00", "2026-01-02T10:00:00.0000000+00:00")]
    [InlineData("2026-01-02t10:00:05", "2026-01-02T10:00:05.0000000+00:00")]
    [InlineData("2026-01-02 10:00:05", "2026-01-02T10:00:05.0000000+00:00")]
    [InlineData("2026-01-02T10:00:05.5", "2026-01-02T10:00:05.5000000+00:00")]
    [InlineData("2026-01-02T10:00:05.123456789Z", "2026-01-02T10:00:05.1234567+00:00")] // digits past 100 ns dropped
    [InlineData("2026-01-02T10:00:05.1234567999z", "2026-01-02T10:00:05.1234567+00:00")]
    [InlineData("2026-01-02 10:00:05+02", "2026-01-02T10:00:05.0000000+02:00")] // PostgreSQL's short offset
    [InlineData("2026-01-02T10:00-05:30", "2026-01-02T10:00:00.0000000-05:30")]
    [InlineData("2026-01-02T10:00:05.25-00:00", "2026-01-02T10:00:05.2500000+00:00")]
    [InlineData("2026-01-02T10:00:05+14:00", "2026-01-02T10:00:05.0000000+14:00")]
    [InlineData("0001-01-01T00:00:00Z", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("9999-12-31T23:59:59.9999999Z", "9999-12-31T23:59:59.9999999+00:00")]
    [InlineData("2024-02-29T00:00:00Z", "2024-02-29T00:00:00.0000000+00:00")]
    public void TimestampsInTheGrammarAreRead(string text, string expected)
    {
        var value = DecodeHarness.Accepts(DDateTimeOffsetRowReader.Instance, static r => r.Value, Json(text));
        Assert.Equal(expected, value.ToString("O", CultureInfo.InvariantCulture));

        var utc = DecodeHarness.Accepts(DDateTimeRowReader.Instance, static r => r.Value, Json(text));
        Assert.Equal((value.UtcDateTime, DateTimeKind.Utc), (utc, utc.Kind));

        Assert.Equal(DateOnly.FromDateTime(value.DateTime), DecodeHarness.Accepts(DDateOnlyRowReader.Instance, static r => r.Value, Json(text)));
    }

    [Theory]
    [InlineData("1795768200000", "2026-11-27T08:30:00.0000000+00:00")]
    [InlineData("-62135596800000", "0001-01-01T00:00:00.0000000+00:00")]
    [InlineData("253402300799999", "9999-12-31T23:59:59.9990000+00:00")]
    [InlineData("0", "1970-01-01T00:00:00.0000000+00:00")]
    public void UnixMillisecondsAreATimestamp(string json, string expected) =>
        Assert.Equal(expected, DecodeHarness.Accepts(DDateTimeOffsetRowReader.Instance, static r => r.Value, json).ToString("O", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("1795768200000.5", DecodeErrorKind.WrongType)]
    [InlineData("1.7957682e12", DecodeErrorKind.WrongType)]
    [InlineData("\"1795768200000\"", DecodeErrorKind.WrongType)] // milliseconds only as a number
    [InlineData("-62135596800001", DecodeErrorKind.WrongType)]
    [InlineData("253402300800000", DecodeErrorKind.WrongType)]
    [InlineData("true", DecodeErrorKind.WrongType)]
    public void OtherNumbersAreNotTimestamps(string json, DecodeErrorKind kind) =>
        Assert.Equal(kind, DecodeHarness.Rejects(DDateTimeOffsetRowReader.Instance, static r => r.Value, json).Kind);

    [Fact]
    public void ADateIsNeverUnixMilliseconds() =>
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDateOnlyRowReader.Instance, static r => r.Value, "1795768200000").Kind);

    [Theory]
    [InlineData("08:30", "08:30:00.0000000")]
    [InlineData("08:30:15", "08:30:15.0000000")]
    [InlineData("08:30:15.25", "08:30:15.2500000")]
    [InlineData("23:59:59.9999999", "23:59:59.9999999")]
    [InlineData("23:59:59.99999999", "23:59:59.9999999")]
    [InlineData("00:00", "00:00:00.0000000")]
    public void TimesInTheGrammarAreRead(string text, string expected) =>
        Assert.Equal(expected, DecodeHarness.Accepts(DTimeOnlyRowReader.Instance, static r => r.Value, Json(text)).ToString("HH:mm:ss.fffffff", CultureInfo.InvariantCulture));

    [Theory]
    [InlineData("10:00 PM")]
    [InlineData("10 PM")]
    [InlineData("8:30")]
    [InlineData("08:30:1")]
    [InlineData("24:00")]
    [InlineData("08:60")]
    [InlineData("08:30:60")]
    [InlineData("08:30:15.")]
    [InlineData("08:30:15,25")]
    [InlineData("08:30:15Z")]
    [InlineData("08:30:15+02")] // PostgreSQL timetz: a TimeOnly has no offset
    [InlineData(" 08:30")]
    [InlineData("08:30 ")]
    [InlineData("1.08:30:00")]
    [InlineData("2026-01-02T08:30:00")]
    [InlineData("")]
    public void TimesOutsideTheGrammarAreTypedErrors(string text) =>
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DTimeOnlyRowReader.Instance, static r => r.Value, Json(text)).Kind);

    [Theory]
    [InlineData("1e400")]
    [InlineData("-1e400")]
    [InlineData("\"1e400\"")]
    [InlineData("\"-1e400\"")]
    [InlineData("1.8e308")]
    public void DoubleOverflowIsOutOfRange(string json)
    {
        var error = DecodeHarness.Rejects(DDoubleRowReader.Instance, static r => r.Value, json);
        Assert.Equal(DecodeErrorKind.OutOfRange, error.Kind);
        Assert.Equal(DecodeErrorKind.OutOfRange, DecodeHarness.Rejects(DSingleRowReader.Instance, static r => r.Value, json).Kind);
    }

    // Just below the midpoint between two floats: as a double it rounds up onto the midpoint, and a second rounding
    // to float (ties to even) then goes up too. Parsed as a float it rounds once, down, as System.Text.Json does.
    [Theory]
    [InlineData("1.0000001788139343261718749")]
    [InlineData("\"1.0000001788139343261718749\"")]
    public void AFloatIsRoundedOnce(string json)
    {
        var expected = System.Text.Json.JsonSerializer.Deserialize<float>("1.0000001788139343261718749");
        Assert.Equal(1f + MathF.Pow(2, -23), expected);
        Assert.Equal(expected, DecodeHarness.Accepts(DSingleRowReader.Instance, static r => r.Value, json));
    }

    [Theory]
    [InlineData("3.5e38")]
    [InlineData("-3.5e38")]
    [InlineData("\"3.5e38\"")]
    public void FloatOverflowIsOutOfRange(string json) =>
        Assert.Equal(DecodeErrorKind.OutOfRange, DecodeHarness.Rejects(DSingleRowReader.Instance, static r => r.Value, json).Kind);

    [Theory]
    [InlineData("1e-400", 0.0)]
    [InlineData("\"-1e-400\"", -0.0)]
    [InlineData("1.7976931348623157e308", double.MaxValue)]
    [InlineData("\"NaN\"", double.NaN)]
    [InlineData("\"Infinity\"", double.PositiveInfinity)]
    [InlineData("\"-Infinity\"", double.NegativeInfinity)]
    [InlineData("\"\\u004eaN\"", double.NaN)]
    public void UnderflowAndNamedLiteralsAreRead(string json, double expected)
    {
        Assert.Equal(expected, DecodeHarness.Accepts(DDoubleRowReader.Instance, static r => r.Value, json));
        Assert.Equal(double.IsNegative(expected), double.IsNegative(DecodeHarness.Accepts(DDoubleRowReader.Instance, static r => r.Value, json)));
    }

    [Theory]
    [InlineData("\" 1\"")]
    [InlineData("\"1 \"")]
    [InlineData("\"+1\"")]
    [InlineData("\"01\"")]
    [InlineData("\"1,000\"")]
    [InlineData("\"1_000\"")]
    [InlineData("\"1.\"")]
    [InlineData("\".5\"")]
    [InlineData("\"1,5\"")]
    [InlineData("\"0x10\"")]
    [InlineData("\"1e\"")]
    [InlineData("\"-\"")]
    [InlineData("\"\"")]
    [InlineData("\"١٢\"")]
    [InlineData("\"nan\"")]
    [InlineData("\"infinity\"")]
    [InlineData("\"∞\"")]
    [InlineData("\"+Infinity\"")]
    [InlineData("true")]
    [InlineData("[1]")]
    public void NumbersOutsideTheGrammarAreWrongType(string json)
    {
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDoubleRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DSingleRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDecimalRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DInt64RowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DUInt64RowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DInt32RowReader.Instance, static r => r.Value, json).Kind);
    }

    [Theory]
    [InlineData("\"1.5\"")]
    [InlineData("\"1e2\"")]
    [InlineData("\"1.0\"")]
    [InlineData("1.0")]
    [InlineData("\"9223372036854775808\"")]
    [InlineData("\"-9223372036854775809\"")]
    public void WholeNumbersOutsideTheRangeOrWithAFractionAreOutOfRange(string json)
    {
        var error = DecodeHarness.Rejects(DInt64RowReader.Instance, static r => r.Value, json);
        Assert.Equal(DecodeErrorKind.OutOfRange, error.Kind);
        Assert.Equal("expected a whole number from -9223372036854775808 to 9223372036854775807.", error.Detail);
    }

    [Theory]
    [InlineData("\"NaN\"")]
    [InlineData("\"Infinity\"")]
    public void ADecimalHasNoNamedLiterals(string json) =>
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDecimalRowReader.Instance, static r => r.Value, json).Kind);

    [Theory]
    [InlineData("1e29")]
    [InlineData("\"-1e29\"")]
    public void ADecimalTooLargeIsOutOfRange(string json) =>
        Assert.Equal(DecodeErrorKind.OutOfRange, DecodeHarness.Rejects(DDecimalRowReader.Instance, static r => r.Value, json).Kind);

    [Theory]
    [InlineData("-0")]
    [InlineData("1.0")]
    [InlineData("1e0")]
    [InlineData("2")]
    [InlineData("\"yes\"")]
    [InlineData("\"no\"")]
    [InlineData("\" t\"")]
    [InlineData("\"true \"")]
    [InlineData("\"tr\"")]
    [InlineData("\"-0\"")]
    [InlineData("\"01\"")]
    [InlineData("\"\"")]
    public void BooleansOutsideTheGrammarAreWrongType(string json) =>
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DBoolRowReader.Instance, static r => r.Value, json).Kind);

    [Theory]
    [InlineData("{6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10}")]
    [InlineData("(6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10)")]
    [InlineData("6f1c2a4e1b7d4f3e9a570c8d2e5b9f10")]
    [InlineData(" 6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10")]
    [InlineData("6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10 ")]
    [InlineData("+f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10")]
    [InlineData("6f1c2a4e-1b7d-4f3e-9a57+0c8d2e5b9f10")]
    [InlineData("6f1c2a4g-1b7d-4f3e-9a57-0c8d2e5b9f10")]
    [InlineData("{0x6f1c2a4e,0x1b7d,0x4f3e,{0x9a,0x57,0x0c,0x8d,0x2e,0x5b,0x9f,0x10}}")]
    public void GuidsOtherThanTheHyphenatedFormAreWrongType(string text) =>
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DGuidRowReader.Instance, static r => r.Value, Json(text)).Kind);

    [Theory]
    [InlineData("6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10")]
    [InlineData("6F1C2A4E-1B7D-4F3E-9A57-0C8D2E5B9F10")]
    [InlineData("6F1C2A4E-1b7d-4F3E-9a57-0C8D2E5B9F10")]
    public void GuidsInTheHyphenatedFormAreRead(string text) =>
        Assert.Equal(Guid.Parse("6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10"), DecodeHarness.Accepts(DGuidRowReader.Instance, static r => r.Value, Json(text)));

    [Fact]
    public void ALongNumberInAMultiSegmentInputIsReadWhole()
    {
        var digits = "-" + new string('7', 300) + ".5e-3";
        var json = System.Text.Encoding.UTF8.GetBytes(DecodeHarness.Row(digits));
        var reader = new System.Text.Json.Utf8JsonReader(Segments.Split(json, 7), isFinalBlock: true, state: default);

        Assert.Equal(digits, DStringRowReader.Instance.Read(ref reader).Value);
    }

    // JSON's grammar allows a lone surrogate escape; no .NET string can hold it as text, so it is a typed error
    // naming the column, in a string column and in any other.
    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("\"a\\udc00b\"")]
    public void ALoneSurrogateIsAWrongTypeNamingTheColumn(string json)
    {
        var inText = DecodeHarness.Rejects(DStringRowReader.Instance, static r => r.Value, json);
        Assert.Equal(DecodeErrorKind.WrongType, inText.Kind);

        var inNumber = DecodeHarness.Rejects(DInt32RowReader.Instance, static r => r.Value, json);
        Assert.Equal(DecodeErrorKind.WrongType, inNumber.Kind);
        Assert.Equal("(a string that is not valid Unicode)", inNumber.OffendingText);

        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDoubleRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDecimalRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DBoolRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DGuidRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDateTimeOffsetRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DDateOnlyRowReader.Instance, static r => r.Value, json).Kind);
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DTimeOnlyRowReader.Instance, static r => r.Value, json).Kind);
    }

    private static string Json(string text) => System.Text.Json.JsonSerializer.Serialize(text);
}
