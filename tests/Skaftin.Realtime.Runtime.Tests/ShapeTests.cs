using System;
using Skaftin.Realtime.Runtime.Tests.Shapes;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Rows read by the readers generated for <see cref="Shapes"/>: defaults kept, keyword and clashing names, nullable
/// string collections and enum numbers checked against their type.
/// </summary>
public sealed class ShapeTests
{
    [Fact]
    public void MissingInitColumnsKeepTheMembersOwnDefaults()
    {
        var bus = BusRowReader.Instance.Read("""{"id":1,"name":"n1"}""");

        Assert.Equal((1, "n1", 5, true, "none", 12, 3), (bus.Id, bus.Name, bus.Seats, bus.Enabled, bus.Label, bus.Stops, bus.Count));
    }

    [Fact]
    public void PresentInitColumnsOverrideTheDefaults()
    {
        var bus = BusRowReader.Instance.Read("""{"id":1,"name":"n1","seats":0,"enabled":false,"label":"x","stops":2,"count":0}""");

        Assert.Equal((0, false, "x", 2, 0), (bus.Seats, bus.Enabled, bus.Label, bus.Stops, bus.Count));
    }

    [Fact]
    public void SomeInitColumnsPresentKeepTheOthersDefaults()
    {
        var bus = BusRowReader.Instance.Read("""{"name":"n1","seats":40}""");

        Assert.Equal((0, 40, true, "none", 12), (bus.Id, bus.Seats, bus.Enabled, bus.Label, bus.Stops));
    }

    [Fact]
    public void MissingRequiredMemberIsAMissingColumn()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => BusRowReader.Instance.Read("""{"id":1,"seats":2}"""));

        Assert.Equal((DecodeErrorKind.MissingColumn, "name", "buses"), (error.Kind, error.ColumnName, error.TableName));
    }

    [Fact]
    public void RecordBodyPropertyKeepsItsInitializer()
    {
        Assert.Equal(7, TripRowReader.Instance.Read("""{"id":1,"route":"r"}""").Stops);
        Assert.Equal(0, TripRowReader.Instance.Read("""{"id":1,"route":"r","stops":0}""").Stops);
    }

    [Fact]
    public void InheritedInitMembersKeepTheirDefaults()
    {
        var thing = ThingRowReader.Instance.Read("""{"id":"6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10","name":"n","size":4}""");

        Assert.Equal((3, 4, "x", DateTimeOffset.UnixEpoch), (thing.Count, thing.Size, thing.Label, thing.CreatedAt));
        Assert.Equal(new[] { "new" }, thing.Tags);

        var full = ThingRowReader.Instance.Read("""{"id":"6f1c2a4e-1b7d-4f3e-9a57-0c8d2e5b9f10","name":"n","size":4,"count":1,"label":"y","tags":[],"created_at":"2026-01-02T03:04:05Z"}""");
        Assert.Equal((1, "y", 0, 2026), (full.Count, full.Label, full.Tags.Count, full.CreatedAt.Year));
    }

    [Fact]
    public void MissingColumnsTakeTheConstructorsDefaultValues()
    {
        var fare = FareRowReader.Instance.Read("""{"id":1}""");

        Assert.Equal(new Fare(1), fare);
        Assert.Equal("say \"hi\"\n\t\\", fare.Note);
        Assert.Equal(1.50m, fare.Amount);
        Assert.Equal("1.50", fare.Amount.ToString(System.Globalization.CultureInfo.InvariantCulture));
        Assert.True(double.IsNaN(fare.Rate));
        Assert.Equal(float.PositiveInfinity, fare.Ceiling);
        Assert.Equal(long.MinValue, fare.Lowest);
        Assert.Equal(Access.Read | Access.Top, fare.Access);
        Assert.Equal(Signed.Minus, fare.Sign);
        Assert.Equal(Signed.Minus, fare.MaybeSign);
        Assert.Equal(-5, fare.MaybeCount);
        Assert.Null(fare.Missing);
    }

    [Fact]
    public void MembersNamedLikeGeneratedIdentifiersRoundTrip()
    {
        var setting = SettingRowReader.Instance.Read("""{"key":"k","value":1,"has_key":2,"row":3,"reader":4,"table":5}""");

        Assert.Equal(new Setting("k", 1, 2, 3, 4, 5), setting);
        Assert.Equal("k", SettingRowReader.Instance.GetKey(setting));
    }

    [Fact]
    public void KeywordNamedMembersRoundTrip()
    {
        var row = KeywordRowReader.Instance.Read("""{"id":1,"class":2,"event":3,"namespace":"class"}""");

        Assert.Equal((1, 2, 3, @enum.@class), (row.Id, row.@class, row.@event, row.@namespace));
    }

    [Fact]
    public void CollectionsOfNullableStringsKeepTheirNulls()
    {
        var row = SparseListsRowReader.Instance.Read("""{"id":1,"tags":["a",null],"names":[null,"b"],"labels":null}""");

        Assert.Equal(new string?[] { "a", null }, row.Tags);
        Assert.Equal(new string?[] { null, "b" }, row.Names);
        Assert.Null(row.Labels);
    }

    [Theory]
    [InlineData("small", "2", "B")]
    [InlineData("small_flags", "131", "X, Y, Z")]
    [InlineData("small_flags", "\"3\"", "X, Y")]
    [InlineData("small_flags", "0", "0")]
    [InlineData("int_flags", "3", "R, W")]
    [InlineData("u_int_flags", "2147483649", "Low, High")]
    [InlineData("wide", "9223372036854775809", "Read, Top")]
    [InlineData("wide", "\"9223372036854775810\"", "Write, Top")]
    [InlineData("all_bits", "-128", "-128")]
    [InlineData("all_bits", "127", "127")]
    [InlineData("sparse", "5", "Fifth")]
    [InlineData("other_sparse", "1", "One")]
    public void EnumNumbersThatFitAreRead(string column, string json, string expected)
    {
        var row = EnumRangesRowReader.Instance.Read($$"""{"id":1,"{{column}}":{{json}}}""");

        object? value = column switch
        {
            "small" => row.Small,
            "small_flags" => row.SmallFlags,
            "int_flags" => row.IntFlags,
            "u_int_flags" => row.UIntFlags,
            "wide" => row.Wide,
            "all_bits" => row.AllBits,
            "sparse" => row.Sparse,
            _ => row.OtherSparse,
        };
        Assert.Equal(expected, value?.ToString());
    }

    [Theory]
    [InlineData("small", "256")]
    [InlineData("small", "3")]
    [InlineData("small", "-1")]
    [InlineData("small_flags", "256")]
    [InlineData("small_flags", "4")]
    [InlineData("small_flags", "-1")]
    [InlineData("small_flags", "\"256\"")]
    [InlineData("int_flags", "4294967296")]
    [InlineData("int_flags", "4294967299")]
    [InlineData("int_flags", "4")]
    [InlineData("int_flags", "-1")]
    [InlineData("u_int_flags", "4294967296")]
    [InlineData("u_int_flags", "-1")]
    [InlineData("u_int_flags", "2")]
    [InlineData("wide", "-1")]
    [InlineData("wide", "4")]
    [InlineData("wide", "18446744073709551616")]
    [InlineData("wide", "\"-1\"")]
    [InlineData("all_bits", "128")]
    [InlineData("all_bits", "-129")]
    [InlineData("sparse", "1")]
    [InlineData("sparse", "4294967301")]
    [InlineData("other_sparse", "5")]
    [InlineData("small", "1.0")]
    [InlineData("small", "1e0")]
    [InlineData("small", "\"1e0\"")]
    [InlineData("small", "\"+1\"")]
    [InlineData("small", "\"01\"")]
    [InlineData("small", "\" 1\"")]
    [InlineData("wide", "\"+1\"")]
    [InlineData("small", "\"\\ud800\"")]
    [InlineData("small", "\"On\\ud800\"")]
    [InlineData("small", "\"\"")]
    public void EnumNumbersOutsideTheTypeAreTypedErrors(string column, string json)
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => EnumRangesRowReader.Instance.Read($$"""{"id":1,"{{column}}":{{json}}}"""));

        Assert.Equal((DecodeErrorKind.OutOfRange, column, "enum_ranges"), (error.Kind, error.ColumnName, error.TableName));
    }

    [Fact]
    public void EnumErrorNamesTheQualifiedEnum()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => EnumRangesRowReader.Instance.Read("""{"id":1,"other_sparse":"none"}"""));

        Assert.Contains("Skaftin.Realtime.Runtime.Tests.Shapes.Other.Sparse", error.Message, StringComparison.Ordinal);
    }
}
