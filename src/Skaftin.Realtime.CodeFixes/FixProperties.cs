namespace Skaftin.Realtime.CodeFixes;

/// <summary>The keys of the data the generator's snapshot diagnostics carry for their fixes (the generator's own list has the same).</summary>
internal static class FixProperties
{
    /// <summary>SKR031: the table's column the member most likely meant.</summary>
    public const string Column = "SkaftinColumn";

    /// <summary>SKR032: the member type that holds the column's backend type.</summary>
    public const string Type = "SkaftinMemberType";
}
