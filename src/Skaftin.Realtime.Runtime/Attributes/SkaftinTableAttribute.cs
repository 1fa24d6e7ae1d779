using System;

namespace Skaftin.Realtime;

/// <summary>
/// Declares that a record or class is the row type of a Skaftin table. The Skaftin source
/// generator then emits a typed <c>{Table}Realtime</c> subscription class and a
/// reflection-free row reader for it.
/// </summary>
/// <example>
/// <code>
/// [SkaftinTable("vehicles")]
/// public partial record Vehicle([property: SkaftinKey] int Id, string RegistrationNumber);
/// </code>
/// </example>
// Structs are accepted here so the generator, not the compiler, can say why a struct cannot be a row type (SKR001).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class SkaftinTableAttribute : Attribute
{
    /// <summary>Creates the attribute for the table with the given wire name.</summary>
    /// <param name="tableName">The table's name as the server sends it in <c>tableName</c>, for example <c>vehicles</c>.</param>
    public SkaftinTableAttribute(string tableName) => TableName = tableName;

    /// <summary>The table's name as the server sends it in <c>tableName</c>.</summary>
    public string TableName { get; }
}
