namespace Skaftin.Realtime.Generator.Model;

/// <summary>An enum a column uses; one reader method is generated per enum per table.</summary>
/// <param name="FullName">The enum's fully qualified name.</param>
/// <param name="DisplayName">The enum's name for error messages.</param>
/// <param name="ReaderName">The generated reader method's name.</param>
/// <param name="IsFlags">Whether a number may combine the members' bits (a [Flags] enum).</param>
/// <param name="Members">The members.</param>
/// <param name="IsUInt64">Whether the underlying type is <c>ulong</c> (numbers are read as ulong, not long).</param>
/// <param name="Range">The pattern a number read as long must match to fit the underlying type, or null when all do.</param>
/// <param name="OutsideFlags">For flags, the literal of the bits no member defines; a number with one of them is rejected.</param>
internal sealed record EnumSpec(
    string FullName,
    string DisplayName,
    string ReaderName,
    bool IsFlags,
    EquatableArray<EnumMemberSpec> Members,
    bool IsUInt64,
    string? Range,
    string? OutsideFlags);

/// <summary>One enum member.</summary>
/// <param name="Name">The member's C# name.</param>
/// <param name="WireNames">Its names on the wire, exactly: its aliases ([JsonStringEnumMemberName], [EnumMember]), else its C# name.</param>
/// <param name="NormalizedWireNames">The wire names as they are matched leniently: lower-case ASCII without separators.</param>
/// <param name="NormalizedName">The C# name so normalized, when the member has aliases (the C# name is then a second choice), else null.</param>
/// <param name="Value">The member's value as a C# literal.</param>
/// <param name="ByValue">
/// Whether generated code writes the member as a cast of its value rather than by name: an [Obsolete] or
/// [Experimental] member, which naming would warn about (or fail to compile, with error: true).
/// </param>
internal sealed record EnumMemberSpec(string Name, EquatableArray<string> WireNames, EquatableArray<string> NormalizedWireNames, string? NormalizedName, string Value, bool ByValue);
