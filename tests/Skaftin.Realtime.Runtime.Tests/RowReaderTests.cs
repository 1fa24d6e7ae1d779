using System;
using System.Linq;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Generated readers on real payload shapes: canonical, lenient, and every error case.</summary>
public sealed class RowReaderTests
{
    [Fact]
    public void ReadsEveryTypeInItsCanonicalForm()
    {
        var row = AllTypesRowReader.Instance.Read(Fixtures.Utf8("rows/all-types-canonical.json"));

        Assert.Equal(Guid.Parse("6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10"), row.Id);
        Assert.Equal("héllo \"world\"", row.Text);
        Assert.True(row.Flag);
        Assert.Equal(byte.MaxValue, row.U8);
        Assert.Equal(sbyte.MinValue, row.I8);
        Assert.Equal(short.MinValue, row.I16);
        Assert.Equal(ushort.MaxValue, row.U16);
        Assert.Equal(int.MinValue, row.I32);
        Assert.Equal(uint.MaxValue, row.U32);
        Assert.Equal(long.MinValue, row.I64);
        Assert.Equal(ulong.MaxValue, row.U64);
        Assert.Equal(1.5f, row.F32);
        Assert.Equal(-2.25e10, row.F64);
        Assert.Equal(12345.6789m, row.Money);
        Assert.Equal(new DateTime(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc), row.At);
        Assert.Equal(DateTimeKind.Utc, row.At.Kind);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 10, 30, 0, 500, TimeSpan.FromHours(2)), row.AtOffset);
        Assert.Equal(TimeSpan.FromHours(2), row.AtOffset.Offset);
        Assert.Equal(new DateOnly(2026, 11, 26), row.Day);
        Assert.Equal(new TimeOnly(8, 30, 15, 250), row.Time);
        Assert.Equal("red", row.Meta.GetProperty("colour").GetString());
        Assert.Equal(Permissions.Read | Permissions.Write, row.Permissions);
        Assert.Equal(new[] { 1, 2, 3 }, row.Numbers);
        Assert.Equal(new[] { "a", "b" }, row.Tags);
        Assert.Equal(new[] { VehicleStatus.Available, VehicleStatus.InService, VehicleStatus.OutOfService }, row.Statuses);
        Assert.Equal(new int?[] { 1, null, 3 }, row.Sparse);
        Assert.Null(row.MaybeMoney);
        Assert.Equal("EUR", row.Currency);
    }

    [Fact]
    public void ReadsWhatJavaScriptBackendsReallySend()
    {
        var row = AllTypesRowReader.Instance.Read(Fixtures.Utf8("rows/all-types-lenient.json"));

        Assert.Equal("42", row.Text);
        Assert.True(row.Flag);
        Assert.Equal(255, row.U8);
        Assert.Equal(-128, row.I8);
        Assert.Equal(-7, row.I32);
        Assert.Equal(9007199254740993L, row.I64);
        Assert.Equal(ulong.MaxValue, row.U64);
        Assert.Equal(1.5f, row.F32);
        Assert.Equal(12345.6789m, row.Money);
        Assert.Equal(new DateTime(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc), row.At);
        Assert.Equal(DateTimeOffset.FromUnixTimeMilliseconds(1795768200000), row.AtOffset);
        Assert.Equal(new DateOnly(2026, 11, 26), row.Day);
        Assert.Equal(new TimeOnly(8, 30), row.Time);
        Assert.Equal(JsonValueKind.Null, row.Meta.ValueKind);
        Assert.Equal(Permissions.Read, row.Permissions);
        Assert.Equal(new[] { 1, 2 }, row.Numbers);
        Assert.Empty(row.Tags);
        Assert.Equal(new[] { VehicleStatus.OutOfService }, row.Statuses);
        Assert.Equal(0.10m, row.MaybeMoney);
        Assert.Equal("ZAR", row.Currency);
    }

    [Theory]
    [InlineData("true", true)]
    [InlineData("false", false)]
    [InlineData("1", true)]
    [InlineData("0", false)]
    [InlineData("\"t\"", true)]
    [InlineData("\"F\"", false)]
    [InlineData("\"TRUE\"", true)]
    [InlineData("\"0\"", false)]
    public void ReadsBooleanForms(string json, bool expected)
    {
        var driver = DriverRowReader.Instance.Read($$"""{"id":1,"full_name":"Ann","active":{{json}}}""");
        Assert.Equal(expected, driver.Active);
    }

    [Theory]
    [InlineData("\"available\"", VehicleStatus.Available)]
    [InlineData("\"in_service\"", VehicleStatus.InService)]
    [InlineData("\"IN-SERVICE\"", VehicleStatus.InService)]
    [InlineData("\"InService\"", VehicleStatus.InService)]
    [InlineData("\"out_of_service\"", VehicleStatus.OutOfService)]
    [InlineData("\"in\\u005fservice\"", VehicleStatus.InService)]
    [InlineData("2", VehicleStatus.OutOfService)]
    [InlineData("\"1\"", VehicleStatus.InService)]
    public void ReadsEnumForms(string json, VehicleStatus expected)
    {
        var vehicle = VehicleRowReader.Instance.Read(Vehicle($"\"status\":{json}"));
        Assert.Equal(expected, vehicle.Status);
    }

    [Theory]
    [InlineData("2026-11-26T08:30:00Z", 0)]
    [InlineData("2026-11-26T08:30:00.1234567Z", 0)]
    [InlineData("2026-11-26T10:30:00+02:00", 2)]
    [InlineData("2026-11-26T03:30:00-05:00", -5)]
    [InlineData("2026-11-26T08:30:00", 0)]
    [InlineData("2026-11-26 08:30:00", 0)]
    [InlineData("2026-11-26 08:30:00.5+00", 0)]
    public void ReadsTimestampForms(string text, int offsetHours)
    {
        var vehicle = VehicleRowReader.Instance.Read(Vehicle($"\"created_at\":\"{text}\""));
        Assert.Equal(new DateTime(2026, 11, 26, 8, 30, 0, DateTimeKind.Utc), new DateTime(vehicle.CreatedAt.UtcDateTime.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, DateTimeKind.Utc));
        Assert.Equal(TimeSpan.FromHours(offsetHours), vehicle.CreatedAt.Offset);
    }

    [Theory]
    [InlineData("2026-11-26", 2026, 11, 26)]
    [InlineData("2024-02-29", 2024, 2, 29)]
    [InlineData("0001-01-01", 1, 1, 1)]
    [InlineData("2026-11-26T00:00:00.000Z", 2026, 11, 26)]
    public void ReadsDates(string text, int year, int month, int day)
    {
        var row = AllTypesRowReader.Instance.Read(Fixtures.Text("rows/all-types-canonical.json").Replace("\"day\":\"2026-11-26\"", $"\"day\":\"{text}\""));
        Assert.Equal(new DateOnly(year, month, day), row.Day);
    }

    [Theory]
    [InlineData("2023-02-29")]
    [InlineData("2026-13-01")]
    [InlineData("2026-00-10")]
    [InlineData("20a6-11-26")]
    public void RejectsImpossibleDates(string text)
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => AllTypesRowReader.Instance.Read(Fixtures.Text("rows/all-types-canonical.json").Replace("\"day\":\"2026-11-26\"", $"\"day\":\"{text}\"")));
        Assert.Equal("day", error.ColumnName);
    }

    [Fact]
    public void MissingNullableAndDefaultedColumnsTakeTheirDefaults()
    {
        var vehicle = VehicleRowReader.Instance.Read("""{"id":5,"registration_number":"X","status":"available","created_at":"2026-11-26T08:30:00Z"}""");
        Assert.Null(vehicle.Capacity);

        var driver = DriverRowReader.Instance.Read("""{"full_name":"Ann"}""");
        Assert.Equal(0, driver.Id);
        Assert.Null(driver.LicenceNumber);
        Assert.True(driver.Active); // a settable property keeps its initializer when the column is absent
        Assert.Equal(0, driver.Rating);
    }

    [Fact]
    public void IgnoresUnknownColumnsOfEveryShape()
    {
        var vehicle = VehicleRowReader.Instance.Read(Vehicle("\"extra\":{\"a\":[1,{\"b\":null}]},\"more\":[[],{}],\"n\":1e300"));
        Assert.Equal(1, vehicle.Id);
    }

    [Fact]
    public void ReadsAnArrayOfRows()
    {
        var json = "[" + string.Join(",", Enumerable.Range(1, 50).Select(static i => $$"""{"id":{{i}},"registration_number":"R{{i}}","status":"available","created_at":"2026-11-26T08:30:00Z"}""")) + "]";
        var rows = VehicleRowReader.Instance.ReadArray(json);
        Assert.Equal(Enumerable.Range(1, 50), rows.Select(static r => r.Id));
        Assert.Empty(VehicleRowReader.Instance.ReadArray("[]"));
    }

    [Fact]
    public void NeverReadsPastTheRow()
    {
        var bytes = Encoding.UTF8.GetBytes("[" + Vehicle("\"id\":1") + "," + Vehicle("\"id\":2") + "]");
        var reader = new Utf8JsonReader(bytes);
        reader.Read();
        reader.Read();
        var first = VehicleRowReader.Instance.Read(ref reader);
        Assert.Equal(JsonTokenType.EndObject, reader.TokenType);
        reader.Read();
        var second = VehicleRowReader.Instance.Read(ref reader);
        Assert.Equal((1, 2), (first.Id, second.Id));
    }

    [Theory]
    [InlineData("\"capacity\":\"many\"", DecodeErrorKind.WrongType, "capacity", "\"many\"")]
    [InlineData("\"capacity\":true", DecodeErrorKind.WrongType, "capacity", "true")]
    [InlineData("\"capacity\":[1]", DecodeErrorKind.WrongType, "capacity", "[…]")]
    [InlineData("\"capacity\":1.5", DecodeErrorKind.OutOfRange, "capacity", "1.5")]
    [InlineData("\"capacity\":3000000000", DecodeErrorKind.OutOfRange, "capacity", "3000000000")]
    [InlineData("\"registration_number\":null", DecodeErrorKind.NullNotAllowed, "registration_number", "null")]
    [InlineData("\"registration_number\":{}", DecodeErrorKind.WrongType, "registration_number", "{…}")]
    [InlineData("\"status\":\"scrapped\"", DecodeErrorKind.OutOfRange, "status", "\"scrapped\"")]
    [InlineData("\"status\":7", DecodeErrorKind.OutOfRange, "status", "7")]
    [InlineData("\"status\":false", DecodeErrorKind.WrongType, "status", "false")]
    [InlineData("\"created_at\":\"yesterday\"", DecodeErrorKind.WrongType, "created_at", "\"yesterday\"")]
    [InlineData("\"id\":\"one\"", DecodeErrorKind.WrongType, "id", "\"one\"")]
    public void WrongValuesNameTableColumnAndText(string column, DecodeErrorKind kind, string columnName, string offending)
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(Vehicle(column)));
        Assert.Equal(kind, error.Kind);
        Assert.Equal("vehicles", error.TableName);
        Assert.Equal(columnName, error.ColumnName);
        Assert.Equal(offending, error.OffendingText);
        Assert.Contains("vehicles", error.Message);
        Assert.Contains(columnName, error.Message);
    }

    [Theory]
    [InlineData("""{"id":1,"status":"available","created_at":"2026-11-26T08:30:00Z"}""", "registration_number")]
    [InlineData("""{"registration_number":"X","status":"available","created_at":"2026-11-26T08:30:00Z"}""", "id")]
    [InlineData("""{"id":1,"registration_number":"X","status":"available"}""", "created_at")]
    public void MissingRequiredColumnNamesIt(string json, string column)
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(json));
        Assert.Equal(DecodeErrorKind.MissingColumn, error.Kind);
        Assert.Equal(column, error.ColumnName);
        Assert.Equal("vehicles", error.TableName);
    }

    [Fact]
    public void RequiredInitPropertyIsRequired()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => DriverRowReader.Instance.Read("""{"id":1}"""));
        Assert.Equal(("full_name", DecodeErrorKind.MissingColumn), (error.ColumnName, error.Kind));
    }

    [Theory]
    [InlineData("")]
    [InlineData("{")]
    [InlineData("{\"id\":1,")]
    [InlineData("{\"id\":1,\"registration_number\":\"X")]
    [InlineData("{\"id\" 1}")]
    [InlineData("{'id':1}")]
    [InlineData("{\"id\":1}}")]
    [InlineData("{\"id\":1} {\"id\":2}")]
    [InlineData("{\"id\":1,}")]
    [InlineData("{\"id\":01}")]
    [InlineData("nul")]
    public void MalformedOrTruncatedJsonIsADecodeError(string json)
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(json));
        Assert.Contains(error.Kind, new[] { DecodeErrorKind.MalformedJson, DecodeErrorKind.NotAnObject });
        Assert.Equal("vehicles", error.TableName);
    }

    [Theory]
    [InlineData("[]")]
    [InlineData("42")]
    [InlineData("\"row\"")]
    [InlineData("null")]
    public void NonObjectIsNotAnObject(string json)
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(json));
        Assert.Equal(DecodeErrorKind.NotAnObject, error.Kind);
    }

    [Fact]
    public void DeepNestingIsRejectedNotOverflowed()
    {
        var deep = new string('[', 10_000) + new string(']', 10_000);
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(Vehicle("\"extra\":" + deep)));
        Assert.Equal(DecodeErrorKind.MalformedJson, error.Kind);
    }

    [Fact]
    public void HugeRowsDecode()
    {
        var big = new string('x', 5 * 1024 * 1024);
        var vehicle = VehicleRowReader.Instance.Read(Vehicle($"\"registration_number\":\"{big}\""));
        Assert.Equal(big.Length, vehicle.RegistrationNumber.Length);
    }

    [Fact]
    public void OffendingTextIsCut()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(Vehicle($"\"capacity\":\"{new string('9', 10_000)}x\"")));
        Assert.True(error.OffendingText!.Length <= SkaftinDecodeException.MaxOffendingTextLength);
        Assert.EndsWith("…\"", error.OffendingText);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(253)]
    [InlineData(254)]
    [InlineData(255)]
    [InlineData(256)]
    [InlineData(257)]
    [InlineData(10_000)]
    public void AStringValueIsCutInsideItsQuotes(int length)
    {
        const int Max = SkaftinDecodeException.MaxOffendingTextLength;
        var value = new string('x', length);
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(Vehicle($"\"capacity\":\"{value}\"")));

        var expected = length + 2 <= Max ? "\"" + value + "\"" : "\"" + value.Substring(0, Max - 3) + "…\"";
        Assert.Equal(expected, error.OffendingText);
        Assert.Contains(expected, error.Message);
    }

    [Theory]
    [InlineData("")]
    [InlineData("a")]
    public void ACutNeverSplitsASurrogatePair(string prefix)
    {
        var value = prefix + string.Concat(Enumerable.Repeat("\U0001F600", 200));
        var error = Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.Read(Vehicle($"\"capacity\":\"{value}\"")));

        var text = error.OffendingText!;
        Assert.True(text.Length <= SkaftinDecodeException.MaxOffendingTextLength);
        Assert.EndsWith("…\"", text);
        Assert.False(char.IsHighSurrogate(text[text.Length - 3]), "the cut left half a surrogate pair");
        Assert.StartsWith(text.Substring(0, text.Length - 2), "\"" + value);
    }

    [Fact]
    public void PartialReadGivesTheKeyOfAKeyOnlyRow()
    {
        var row = VehicleRowReader.Instance.ReadPartial("{\"id\":\"7\"}"u8, out var key, out var hasKey, out var missing);
        Assert.Null(row);
        Assert.True(hasKey);
        Assert.Equal(7, key);
        Assert.Equal("registration_number", missing);
    }

    [Fact]
    public void ArrayErrorsAreTyped()
    {
        Assert.Equal(DecodeErrorKind.WrongType, Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.ReadArray("{}")).Kind);
        Assert.Equal(DecodeErrorKind.MalformedJson, Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.ReadArray("[" + Vehicle("\"id\":1"))).Kind);
        Assert.Equal("capacity", Assert.Throws<SkaftinDecodeException>(() => VehicleRowReader.Instance.ReadArray("[" + Vehicle("\"capacity\":\"x\"") + "]")).ColumnName);
    }

    // A valid vehicle row with one column replaced or added.
    internal static string Vehicle(string column)
    {
        var columns = new System.Collections.Generic.Dictionary<string, string>
        {
            ["id"] = "1",
            ["registration_number"] = "\"CA 1\"",
            ["status"] = "\"available\"",
            ["capacity"] = "4",
            ["created_at"] = "\"2026-11-26T08:30:00Z\"",
        };
        var name = column.Substring(1, column.IndexOf('"', 1) - 1);
        columns[name] = column.Substring(column.IndexOf(':') + 1);
        return "{" + string.Join(",", columns.Select(static c => $"\"{c.Key}\":{c.Value}")) + "}";
    }
}
