using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>A constraint as a schema event describes it (<c>{name, type, columns?, ...}</c>).</summary>
/// <param name="Name">The constraint's name; null when the server did not say.</param>
/// <param name="Type">Its kind as the server names it (<c>unique</c>, <c>check</c>, <c>foreign_key</c>, ...); null when the server did not say.</param>
public sealed record SchemaConstraint(string? Name, string? Type)
{
    /// <summary>The columns it covers; null when the server sent none (a check constraint, say).</summary>
    public IReadOnlyList<string>? Columns { get; init; }

    /// <summary>The fields this SDK does not know (an expression, a referenced table, ...) or whose value has a shape it does not read, by name, exactly as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = PayloadJson.NoExtra;
}
