using System.Collections.Generic;

namespace Skaftin.Realtime.Generator.Tests.Differential;

/// <summary>
/// The README's list of where the generated readers differ from System.Text.Json on purpose ("Where the readers differ
/// from System.Text.Json", in the grammar section). The differential oracle accepts a difference only when the row
/// holds a value drawn under one of these rules; <c>ReadmeListsEveryDifference</c> checks each id is documented there.
/// </summary>
internal static class DiffRules
{
    // Lenient: the reader takes a form System.Text.Json refuses, as the value of the form System.Text.Json does take.
    public const string NumberInString = "D1";
    public const string NumberAsString = "D2";
    public const string BooleanForms = "D3";
    public const string EnumSpellings = "D4";
    public const string TimestampForms = "D5";
    public const string UnsignedNegativeZero = "D6";
    public const string MissingNullableParameter = "D7";

    // Stricter: the reader refuses what System.Text.Json reads.
    public const string FiniteOverflow = "D8";
    public const string UndefinedEnumNumber = "D9";
    public const string FlagNameList = "D10";
    public const string NullElement = "D11";
    public const string InitOnlyReference = "D12";
    public const string JsonElementText = "D13";

    // Read differently (the comparison allows for it): a DateTime is UTC; a byte[] is an array of numbers (never
    // drawn as a byte[] here; DifferentialTests.AByteArrayIsAnArrayOfNumbersNotBase64 pins it); [SkaftinColumn] wins
    // over [JsonPropertyName].
    public const string DateTimeIsUtc = "D14";
    public const string ByteArrayOfNumbers = "D15";
    public const string SkaftinColumnWins = "D16";

    public static readonly IReadOnlyList<string> All = new[]
    {
        NumberInString, NumberAsString, BooleanForms, EnumSpellings, TimestampForms, UnsignedNegativeZero, MissingNullableParameter,
        FiniteOverflow, UndefinedEnumNumber, FlagNameList, NullElement, InitOnlyReference, JsonElementText,
        DateTimeIsUtc, ByteArrayOfNumbers, SkaftinColumnWins,
    };
}
