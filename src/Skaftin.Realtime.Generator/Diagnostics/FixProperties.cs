namespace Skaftin.Realtime.Generator.Diagnostics;

/// <summary>
/// The keys of the data a snapshot diagnostic carries for its code fix (Skaftin.Realtime.CodeFixes reads the same
/// keys; a test holds the two lists equal).
/// </summary>
internal static class FixProperties
{
    /// <summary>SKR031: the table's column the member most likely meant.</summary>
    public const string Column = "SkaftinColumn";

    /// <summary>SKR032: the member type that holds the column's backend type (C# text, nullable when it must be).</summary>
    public const string Type = "SkaftinMemberType";
}
