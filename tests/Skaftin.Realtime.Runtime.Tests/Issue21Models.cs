using System;
using System.Text.Json;
using System.Text.Json.Serialization;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Runtime.Tests;

// Models of the cases of issue 21 that read the wrong value, or report it without saying what is wrong.

/// <summary>Only [JsonIgnore] and Condition = Always mean "not read"; the other conditions concern writing.</summary>
[SkaftinTable("ignore_conditions")]
public sealed record IgnoreConditions(int Id)
{
    [JsonIgnore]
    public int Bare { get; init; } = -1;

    [JsonIgnore(Condition = JsonIgnoreCondition.Always)]
    public int Always { get; init; } = -1;

    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public int Never { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? WhenWritingNull { get; init; }

    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingDefault)]
    public int WhenWritingDefault { get; set; }
}

/// <summary>Member A is named "B" on the wire and B is named "A"; Open and OPEN differ in case alone.</summary>
public enum Swapped
{
    [JsonStringEnumMemberName("B")]
    A,

    [JsonStringEnumMemberName("A")]
    B,

    Open,

    OPEN,
}

[SkaftinTable("swapped")]
public sealed record SwappedRow(int Id, Swapped Value);

[SkaftinTable("unsigned_zero")]
public sealed record UnsignedZero(int Id, uint Small, ulong Large, ushort Short, byte Tiny, UlongFlags Flags);

[Flags]
public enum UlongFlags : ulong
{
    None = 0,
    High = 1UL << 63,
}

[SkaftinTable("json_cells")]
public sealed record JsonCells(int Id, JsonElement Value, JsonElement? Maybe);

/// <summary>A row type whose constructor validates.</summary>
[SkaftinTable("validated")]
public sealed record Validated
{
    public Validated(int id, int seats)
    {
        if (seats < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(seats), "seats cannot be negative");
        }

        (Id, Seats) = (id, seats);
    }

    public int Id { get; }

    public int Seats { get; }
}

/// <summary>A settable property whose setter validates.</summary>
[SkaftinTable("validated_setter")]
public sealed class ValidatedSetter
{
    private string _code = "";

    public int Id { get; set; }

    public string Code
    {
        get => _code;
        set => _code = value.Length <= 3 ? value : throw new InvalidOperationException("a code has at most 3 letters");
    }
}

/// <summary>Both attributes on one member: [SkaftinColumn] names the column whatever their order.</summary>
[SkaftinTable("both_names")]
public sealed record BothNames(
    int Id,
    [property: JsonPropertyName("json_first"), SkaftinColumn("skaftin_second")] int First,
    [property: SkaftinColumn("skaftin_first"), JsonPropertyName("json_second")] int Second);

#nullable disable
/// <summary>With nullable annotations disabled, a positional string is still a required column (it takes null).</summary>
[SkaftinTable("oblivious")]
public sealed record Oblivious(int Id, string Name, string Note = null);
#nullable restore
