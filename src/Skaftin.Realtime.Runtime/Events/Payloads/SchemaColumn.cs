using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>A column as a schema event describes it (<c>{name, type, primaryKey, nullable, default?}</c>).</summary>
/// <param name="Name">The column's wire name; null when the server did not say.</param>
/// <param name="Type">The column's type as the server names it (<c>text</c>, <c>integer</c>, <c>bigint</c>, ...); null when the server did not say.</param>
public sealed record SchemaColumn(string? Name, string? Type)
{
    /// <summary>Whether the column is the table's primary key; null when the server did not say.</summary>
    public bool? PrimaryKey { get; init; }

    /// <summary>Whether the column takes <c>null</c>; null when the server did not say.</summary>
    public bool? Nullable { get; init; }

    /// <summary>The column's default value as sent (any JSON, <c>null</c> included); null when the server sent none.</summary>
    public JsonElement? Default { get; init; }

    /// <summary>The fields this SDK does not know, or whose value has a shape it does not read, by name, exactly as sent.</summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = PayloadJson.NoExtra;
}
