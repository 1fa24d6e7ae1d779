using System;
using System.Text;
using System.Text.Json;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The cases of issue 21 where a generated reader read a wrong value silently, or reported a problem without saying
/// what it was; each against what System.Text.Json reads of the same model (the README's documented differences aside).
/// </summary>
public sealed class Issue21ReadingTests
{
    private static readonly JsonSerializerOptions Stj = new() { PropertyNamingPolicy = JsonNamingPolicy.SnakeCaseLower };

    [Fact]
    public void OnlyJsonIgnoreAlwaysKeepsAMemberFromBeingRead()
    {
        const string Json = """{"id":1,"bare":5,"always":5,"never":5,"when_writing_null":"n","when_writing_default":5}""";
        var row = IgnoreConditionsRowReader.Instance.Read(Json);
        var theirs = JsonSerializer.Deserialize<IgnoreConditions>(Json, Stj)!;

        Assert.Equal((-1, -1, 5, "n", 5), (row.Bare, row.Always, row.Never, row.WhenWritingNull, row.WhenWritingDefault));
        Assert.Equal(theirs, row);
    }

    [Theory]
    [InlineData("\"B\"", Swapped.A)]
    [InlineData("\"A\"", Swapped.B)]
    [InlineData("\"OPEN\"", Swapped.OPEN)]
    [InlineData("\"Open\"", Swapped.Open)]
    public void EnumTextMatchesTheExactWireNameFirst(string json, Swapped expected)
    {
        var row = SwappedRowRowReader.Instance.Read($$"""{"id":1,"value":{{json}}}""");
        var options = new JsonSerializerOptions(Stj) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

        Assert.Equal(expected, row.Value);
        Assert.Equal(JsonSerializer.Deserialize<SwappedRow>($$"""{"id":1,"value":{{json}}}""", options)!.Value, row.Value);
    }

    // A lenient spelling (README, D4) of a wire name reads the member that carries it, never the one whose C# name it is.
    [Fact]
    public void AWireNameInAnotherCaseReadsTheMemberThatCarriesIt()
    {
        Assert.Equal(Swapped.A, SwappedRowRowReader.Instance.Read("""{"id":1,"value":"b"}""").Value);
        Assert.Equal(Swapped.B, SwappedRowRowReader.Instance.Read("""{"id":1,"value":"a"}""").Value);
    }

    // "open" matches Open and OPEN only leniently: the README's rule takes the first declared, and System.Text.Json
    // must not read it as another member (it may refuse it: D4).
    [Theory]
    [InlineData("\"open\"")]
    [InlineData("\"oPeN\"")]
    public void ASpellingTwoMembersMatchLenientlyReadsTheFirstDeclared(string json)
    {
        var row = SwappedRowRowReader.Instance.Read($$"""{"id":1,"value":{{json}}}""");
        var options = new JsonSerializerOptions(Stj) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

        Assert.Equal(Swapped.Open, row.Value);
        try
        {
            Assert.Equal(row.Value, JsonSerializer.Deserialize<SwappedRow>($$"""{"id":1,"value":{{json}}}""", options)!.Value);
        }
        catch (JsonException)
        {
            // refused by System.Text.Json: a documented lenient form
        }
    }

    // "-0" is in the integer grammar of every integer type (README, D6); System.Text.Json refuses it for unsigned types.
    [Fact]
    public void NegativeZeroIsZeroForUnsignedTypesAsForSignedOnes()
    {
        var row = UnsignedZeroRowReader.Instance.Read("""{"id":-0,"small":-0,"large":"-0","short":-0,"tiny":-0,"flags":-0}""");

        Assert.Equal(new UnsignedZero(0, 0, 0, 0, 0, UlongFlags.None), row);
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<uint>("-0"));
        Assert.Equal(DecodeErrorKind.OutOfRange, Assert.Throws<SkaftinDecodeException>(() => UnsignedZeroRowReader.Instance.Read("""{"id":1,"small":-1,"large":0,"short":0,"tiny":0,"flags":0}""")).Kind);
    }

    [Theory]
    [InlineData("\"\\ud800\"")]
    [InlineData("[\"a\\udc00\"]")]
    [InlineData("{\"\\ud800\":1}")]
    [InlineData("{\"k\":\"\u00ff\"}")] // the byte 0xFF after encoding: invalid UTF-8 in a string
    [InlineData("{\"\u00ff\":1}")]     // in a property name
    public void AJsonElementColumnRefusesTextThatIsNotUnicode(string value)
    {
        var bytes = Encoding.UTF8.GetBytes($$"""{"id":1,"value":{{value}},"maybe":{{value}}}""".Replace("\u00ff", "\uffff"));
        bytes = Replace(bytes, Encoding.UTF8.GetBytes("\uffff"), 0xFF);

        var error = Assert.Throws<SkaftinDecodeException>(() => JsonCellsRowReader.Instance.Read(bytes));
        Assert.Equal(DecodeErrorKind.WrongType, error.Kind);
        Assert.Equal("value", error.ColumnName);

        // The same bytes in a string column are refused the same way.
        Assert.Throws<SkaftinDecodeException>(() => DStringRowReader.Instance.Read(Replace(Encoding.UTF8.GetBytes("{\"value\":\"a\uffff\",\"maybe\":null,\"many\":[],\"fixed\":[]}"), Encoding.UTF8.GetBytes("\uffff"), 0xFF)));
    }

    [Fact]
    public void AJsonElementColumnStillTakesAnyValidJson()
    {
        var row = JsonCellsRowReader.Instance.Read("""{"id":1,"value":{"é":["\u00e9\ud83d\ude00",null,1.5e3]},"maybe":null}""");

        Assert.Equal("""{"é":["\u00e9\ud83d\ude00",null,1.5e3]}""", row.Value.GetRawText());
        Assert.Equal("é😀", row.Value.GetProperty("é")[0].GetString());
        Assert.Null(row.Maybe);
    }

    [Fact]
    public void AConstructorThatThrowsIsARejectedRowNamingTheTableAndTheException()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => ValidatedRowReader.Instance.Read("""{"id":1,"seats":-1}"""));

        Assert.Equal(DecodeErrorKind.RowRejected, error.Kind);
        Assert.Equal("validated", error.TableName);
        Assert.IsType<ArgumentOutOfRangeException>(error.InnerException);
        Assert.Contains("seats cannot be negative", error.Message, StringComparison.Ordinal);
        Assert.Equal(new Validated(1, 2), ValidatedRowReader.Instance.Read("""{"id":1,"seats":2}"""));
    }

    [Fact]
    public void ASetterThatThrowsIsARejectedRowToo()
    {
        // InvalidOperationException used to escape as MalformedJson; any other type escaped untyped.
        var error = Assert.Throws<SkaftinDecodeException>(() => ValidatedSetterRowReader.Instance.Read("""{"id":1,"code":"ABCD"}"""));

        Assert.Equal(DecodeErrorKind.RowRejected, error.Kind);
        Assert.IsType<InvalidOperationException>(error.InnerException);
        Assert.Single(ValidatedSetterRowReader.Instance.ReadArray("""[{"id":1,"code":"ABC"}]"""));
        Assert.Equal(DecodeErrorKind.RowRejected, Assert.Throws<SkaftinDecodeException>(() => ValidatedSetterRowReader.Instance.ReadArray("""[{"id":1,"code":"ABC"},{"id":2,"code":"ABCD"}]""")).Kind);
    }

    [Fact]
    public void MalformedJsonAfterTheLastColumnIsStillMalformedJson()
    {
        Assert.Equal(DecodeErrorKind.MalformedJson, Assert.Throws<SkaftinDecodeException>(() => ValidatedRowReader.Instance.Read("""{"id":1,"seats":2}}""")).Kind);
        Assert.Equal(DecodeErrorKind.MalformedJson, Assert.Throws<SkaftinDecodeException>(() => ValidatedRowReader.Instance.Read("""{"id":1,"seats":2""")).Kind);
    }

    [Fact]
    public void SkaftinColumnNamesTheColumnWhateverTheAttributesOrder()
    {
        var row = BothNamesRowReader.Instance.Read("""{"id":1,"json_first":7,"skaftin_second":1,"skaftin_first":2,"json_second":8}""");

        Assert.Equal(new BothNames(1, 1, 2), row);
    }

    [Fact]
    public void APositionalStringWithoutNullableAnnotationsIsStillARequiredColumn()
    {
        var error = Assert.Throws<SkaftinDecodeException>(() => ObliviousRowReader.Instance.Read("""{"id":1}"""));

        Assert.Equal(DecodeErrorKind.MissingColumn, error.Kind);
        Assert.Equal("name", error.ColumnName);
        Assert.Equal(new Oblivious(1, null), ObliviousRowReader.Instance.Read("""{"id":1,"name":null}""")); // it takes null
        Assert.Equal(new Oblivious(1, "x"), ObliviousRowReader.Instance.Read("""{"id":1,"name":"x"}""")); // a default makes a column optional
    }

    private static byte[] Replace(byte[] bytes, byte[] pattern, byte with)
    {
        var result = new System.Collections.Generic.List<byte>(bytes.Length);
        for (var i = 0; i < bytes.Length; i++)
        {
            if (bytes.AsSpan(i).StartsWith(pattern))
            {
                result.Add(with);
                i += pattern.Length - 1;
            }
            else
            {
                result.Add(bytes[i]);
            }
        }

        return result.ToArray();
    }
}
