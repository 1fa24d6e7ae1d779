using System;
using System.Collections.Generic;
using System.Text.Json;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The generated readers against System.Text.Json's strict reading. For every supported type: random valid rows
/// (the value, its nullable form, a list, an array and a list of nullables) are written by <see cref="JsonSerializer"/>
/// with its default, strict options; the generated reader and <see cref="JsonSerializer.Deserialize{TValue}(string, JsonSerializerOptions?)"/>
/// must read back exactly the same row (compared as System.Text.Json writes it again, so -0.0, a decimal's scale and a
/// DateTime's kind all count), under a random one of a Turkish, German and US culture.
/// </summary>
public sealed class DifferentialTests
{
    /// <summary>Rows per type (each holds about eight values).</summary>
    public const int RowsPerType = 1_000;

    private static readonly JsonSerializerOptions Strict = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void Strings() => Agrees(Rows(Values.Strings), DStringRowReader.Instance);

    [Fact]
    public void Booleans() => Agrees(Rows(Gen.Bool, static (v, m, l, a, s) => new DBool(v, m, l, a, s)), DBoolRowReader.Instance);

    [Fact]
    public void Bytes() => Agrees(Rows(Values.Bounded(Gen.Byte, byte.MinValue, byte.MaxValue), static (v, m, l, a, s) => new DByte(v, m, l, a, s)), DByteRowReader.Instance);

    // The other documented difference: a byte[] column is a JSON array of numbers; System.Text.Json's base64 text is a typed error, never bytes.
    [Fact]
    public void AByteArrayIsAnArrayOfNumbersNotBase64()
    {
        Assert.Equal(new byte[] { 0, 7, 255 }, DecodeHarness.Accepts(DByteArrayRowReader.Instance, static r => r.Value, "[0,7,255]"));

        var base64 = JsonSerializer.Serialize(new byte[] { 0, 7, 255 });
        Assert.Equal(new byte[] { 0, 7, 255 }, JsonSerializer.Deserialize<byte[]>(base64));
        Assert.Equal(DecodeErrorKind.WrongType, DecodeHarness.Rejects(DByteArrayRowReader.Instance, static r => r.Value, base64).Kind);
    }

    [Fact]
    public void SBytes() => Agrees(Rows(Values.Bounded(Gen.SByte, sbyte.MinValue, sbyte.MaxValue), static (v, m, l, a, s) => new DSByte(v, m, l, a, s)), DSByteRowReader.Instance);

    [Fact]
    public void Int16s() => Agrees(Rows(Values.Bounded(Gen.Short, short.MinValue, short.MaxValue), static (v, m, l, a, s) => new DInt16(v, m, l, a, s)), DInt16RowReader.Instance);

    [Fact]
    public void UInt16s() => Agrees(Rows(Values.Bounded(Gen.UShort, ushort.MinValue, ushort.MaxValue), static (v, m, l, a, s) => new DUInt16(v, m, l, a, s)), DUInt16RowReader.Instance);

    [Fact]
    public void Int32s() => Agrees(Rows(Values.Bounded(Gen.Int, int.MinValue, int.MaxValue), static (v, m, l, a, s) => new DInt32(v, m, l, a, s)), DInt32RowReader.Instance);

    [Fact]
    public void UInt32s() => Agrees(Rows(Values.Bounded(Gen.UInt, uint.MinValue, uint.MaxValue), static (v, m, l, a, s) => new DUInt32(v, m, l, a, s)), DUInt32RowReader.Instance);

    [Fact]
    public void Int64s() => Agrees(Rows(Values.Bounded(Gen.Long, long.MinValue, long.MaxValue), static (v, m, l, a, s) => new DInt64(v, m, l, a, s)), DInt64RowReader.Instance);

    [Fact]
    public void UInt64s() => Agrees(Rows(Values.Bounded(Gen.ULong, ulong.MinValue, ulong.MaxValue), static (v, m, l, a, s) => new DUInt64(v, m, l, a, s)), DUInt64RowReader.Instance);

    [Fact]
    public void Singles() => Agrees(Rows(Values.Singles, static (v, m, l, a, s) => new DSingle(v, m, l, a, s)), DSingleRowReader.Instance);

    [Fact]
    public void Doubles() => Agrees(Rows(Values.Doubles, static (v, m, l, a, s) => new DDouble(v, m, l, a, s)), DDoubleRowReader.Instance);

    [Fact]
    public void Decimals() => Agrees(Rows(Values.Decimals, static (v, m, l, a, s) => new DDecimal(v, m, l, a, s)), DDecimalRowReader.Instance);

    [Fact]
    public void Guids() => Agrees(Rows(Gen.Guid, static (v, m, l, a, s) => new DGuid(v, m, l, a, s)), DGuidRowReader.Instance);

    [Fact]
    public void UtcDateTimes() => Agrees(Rows(Values.UtcDateTimes, static (v, m, l, a, s) => new DDateTime(v, m, l, a, s)), DDateTimeRowReader.Instance);

    [Fact]
    public void DateTimeOffsets() => Agrees(Rows(Values.DateTimeOffsets, static (v, m, l, a, s) => new DDateTimeOffset(v, m, l, a, s)), DDateTimeOffsetRowReader.Instance);

    [Fact]
    public void DateOnlys() => Agrees(Rows(Values.Dates, static (v, m, l, a, s) => new DDateOnly(v, m, l, a, s)), DDateOnlyRowReader.Instance);

    [Fact]
    public void TimeOnlys() => Agrees(Rows(Values.Times, static (v, m, l, a, s) => new DTimeOnly(v, m, l, a, s)), DTimeOnlyRowReader.Instance);

    [Fact]
    public void JsonElements() => Agrees(Rows(Values.JsonValues, static (v, m, l, a, s) => new DJson(v, m, l, a, s)), DJsonRowReader.Instance);

    // System.Text.Json's strict reading of an enum is its number; the reader also range-checks it (only defined values here).
    [Fact]
    public void Enums() => Agrees(Rows(Gen.Int[0, 2].Select(static i => (VehicleStatus)i), static (v, m, l, a, s) => new DEnum(v, m, l, a, s)), DEnumRowReader.Instance);

    [Fact]
    public void FlagsEnums() => Agrees(Rows(Gen.Int[0, 3].Select(static i => (Permissions)i), static (v, m, l, a, s) => new DFlags(v, m, l, a, s)), DFlagsRowReader.Instance);

    /// <summary>
    /// The one documented difference on strict input: a <see cref="DateTime"/> is always read as UTC. Without an offset
    /// System.Text.Json gives the clock time with kind Unspecified, the reader the same clock time as UTC; with one,
    /// System.Text.Json converts to local time, the reader to UTC: the same instant.
    /// </summary>
    [Fact]
    public void DateTimesOfEveryKindAreReadAsTheirUtcInstant() =>
        Gen.Select(Values.UtcDateTimes, Gen.Int[0, 2]).Sample(
            static (value, kind) =>
            {
                var json = DecodeHarness.Row(JsonSerializer.Serialize(DateTime.SpecifyKind(value, (DateTimeKind)kind)));
                var theirs = JsonSerializer.Deserialize<DDateTime>(json, Strict)!.Value;
                var ours = DDateTimeRowReader.Instance.Read(json).Value;

                Assert.Equal(DateTimeKind.Utc, ours.Kind);
                Assert.Equal(theirs.Kind == DateTimeKind.Unspecified ? theirs.Ticks : theirs.ToUniversalTime().Ticks, ours.Ticks);
            },
            iter: RowsPerType);

    /// <summary>
    /// Any JSON number text, not only the shortest ones System.Text.Json writes: long digit strings land near the
    /// midpoints between two floats or doubles, where a parser that rounds twice is caught. Both readers read the
    /// same value, or both refuse; the one documented difference is a finite number too large for the type, which
    /// System.Text.Json reads as an infinity and the reader reports.
    /// </summary>
    [Fact]
    public void ArbitraryNumberTextsAreReadAsSystemTextJsonReadsThem() =>
        Values.JsonNumberTexts.Sample(
            static text =>
            {
                SameNumber(text, DSingleRowReader.Instance, static r => r.Value, static v => float.IsInfinity(v));
                SameNumber(text, DDoubleRowReader.Instance, static r => r.Value, static v => double.IsInfinity(v));
                SameNumber(text, DDecimalRowReader.Instance, static r => r.Value, static _ => false);
                SameNumber(text, DInt64RowReader.Instance, static r => r.Value, static _ => false);
                SameNumber(text, DUInt64RowReader.Instance, static r => r.Value, static _ => false);
                SameNumber(text, DInt32RowReader.Instance, static r => r.Value, static _ => false);
            },
            iter: RowsPerType * 5);

    private static void SameNumber<TRow, TKey, T>(string text, SkaftinRowReader<TRow, TKey> reader, Func<TRow, T> pick, Func<T, bool> overflowed)
        where TRow : class
    {
        T? theirs;
        bool theyRead;
        try
        {
            theirs = JsonSerializer.Deserialize<T>(text);
            theyRead = true;
        }
        catch (JsonException)
        {
            (theirs, theyRead) = (default, false);
        }

        var ours = DecodeHarness.Value(reader, pick, text);
        if (theyRead && overflowed(theirs!))
        {
            Assert.Equal(DecodeErrorKind.OutOfRange, ours.Error?.Kind);
            return;
        }

        // The README's documented lenient form D6: "-0" is 0 for an unsigned type too (System.Text.Json refuses it).
        if (!theyRead && text == "-0" && typeof(T) == typeof(ulong))
        {
            Assert.Equal("= 0", ours.Text);
            return;
        }

        Assert.True(theyRead == ours.Succeeded, $"{text}: System.Text.Json {(theyRead ? JsonSerializer.Serialize(theirs) : "refuses")}, reader {ours.Text}");
        if (theyRead)
        {
            Assert.Equal(JsonSerializer.Serialize(theirs), JsonSerializer.Serialize(ours.Value));
        }
        else
        {
            Assert.Equal(DecodeErrorKind.OutOfRange, ours.Error!.Kind); // every text here is a JSON number
        }
    }

    private static void Agrees<TRow, TKey>(Gen<TRow> rows, SkaftinRowReader<TRow, TKey> reader)
        where TRow : class =>
        Gen.Select(rows, Gen.Int[0, DecodeHarness.Cultures.Length - 1]).Sample(
            (row, culture) =>
            {
                var json = JsonSerializer.Serialize(row, Strict);
                var theirs = JsonSerializer.Serialize(JsonSerializer.Deserialize<TRow>(json, Strict), Strict);
                var ours = DecodeHarness.InCulture(DecodeHarness.Cultures[culture], () => JsonSerializer.Serialize(reader.Read(json), Strict));

                Assert.Equal(json, theirs); // the value is one System.Text.Json round-trips, so the comparison means something
                Assert.Equal(theirs, ours);
            },
            iter: RowsPerType);

    private static Gen<TRow> Rows<T, TRow>(Gen<T> value, Func<T, T?, List<T>, T[], List<T?>, TRow> create)
        where T : struct =>
        Gen.Select(value, value.Nullable(), value.List[0, 4], value.Array[0, 4], value.Nullable().List[0, 4])
            .Select((v, m, l, a, s) => create(v, m, l, a, s));

    private static Gen<DString> Rows(Gen<string> value) =>
        Gen.Select(value, value.Null(), value.List[0, 4], value.Array[0, 4])
            .Select(static (v, m, l, a) => new DString(v, m, l, a));
}
