namespace Skaftin.Realtime.Generator.Model;

/// <summary>A member type the reader can decode.</summary>
/// <param name="Kind">Which reader.</param>
/// <param name="FullName">The type's fully qualified name as written in generated code.</param>
/// <param name="IsNullable">Whether JSON <c>null</c> is accepted (Nullable&lt;T&gt;, annotated or oblivious reference types).</param>
/// <param name="Element">The element type, for <see cref="ValueKind.Array"/> and <see cref="ValueKind.List"/>.</param>
/// <param name="EnumReader">The generated enum reader method, for <see cref="ValueKind.Enum"/>.</param>
internal sealed record TypeSpec(ValueKind Kind, string FullName, bool IsNullable, TypeSpec? Element, string? EnumReader);

/// <summary>The decodable kinds of values.</summary>
internal enum ValueKind
{
    String,
    Boolean,
    Byte,
    SByte,
    Int16,
    UInt16,
    Int32,
    UInt32,
    Int64,
    UInt64,
    Single,
    Double,
    Decimal,
    Guid,
    DateTime,
    DateTimeOffset,
    DateOnly,
    TimeOnly,
    JsonElement,
    Enum,
    Array,
    List,
}
