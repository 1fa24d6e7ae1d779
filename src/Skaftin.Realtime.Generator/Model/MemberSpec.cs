namespace Skaftin.Realtime.Generator.Model;

/// <summary>One column of a row type.</summary>
/// <param name="MemberName">The C# property name.</param>
/// <param name="ColumnName">The JSON property name on the wire.</param>
/// <param name="Type">The member's type.</param>
/// <param name="Assignment">How the value reaches the row.</param>
/// <param name="ConstructorIndex">The constructor parameter position, for <see cref="MemberAssignment.Constructor"/>.</param>
/// <param name="IsRequired">Whether a row without this column is incomplete.</param>
/// <param name="DefaultValue">The C# expression a missing optional column takes.</param>
/// <param name="IsReadable">Whether generated code can read the member's value back from a row (to complete a patch).</param>
internal sealed record MemberSpec(
    string MemberName,
    string ColumnName,
    TypeSpec Type,
    MemberAssignment Assignment,
    int ConstructorIndex,
    bool IsRequired,
    string DefaultValue,
    bool IsReadable);

/// <summary>How a decoded column value reaches the row.</summary>
internal enum MemberAssignment
{
    /// <summary>A constructor argument.</summary>
    Constructor,

    /// <summary>
    /// An object-initializer assignment (init-only or required property); an optional one whose column is missing takes
    /// the value a first instance of the row has (its initializer, or what the constructor set).
    /// </summary>
    Initializer,

    /// <summary>A property set after construction, only when the column is present (keeps the property's initializer otherwise).</summary>
    SetWhenPresent,
}
