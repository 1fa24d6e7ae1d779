using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Skaftin.Realtime.DevServer;

/// <summary>A column for <see cref="SkaftinDevServerApi.CreateTableAsync"/> and <see cref="SkaftinDevServerApi.AddColumnAsync"/>.</summary>
/// <param name="Name">The column's name (<c>[A-Za-z0-9_]</c>).</param>
/// <param name="Type">
/// Logical type: <c>integer</c>, <c>bigint</c>, <c>text</c>, <c>real</c>, <c>numeric</c>, <c>boolean</c>,
/// <c>timestamp</c>, <c>json</c> or <c>uuid</c> (aliases such as <c>int</c>, <c>bool</c>, <c>jsonb</c> are accepted).
/// </param>
/// <param name="PrimaryKey">Whether this is the table's key. With no key column the server adds <c>id integer</c>.</param>
/// <param name="Nullable">Whether NULL is allowed; ignored for the key.</param>
/// <param name="Default">A default value; <c>"now"</c> on a timestamp column stamps the insert time. Null: none.</param>
public sealed record DevColumn(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("type")] string Type,
    [property: JsonPropertyName("primaryKey")] bool PrimaryKey = false,
    [property: JsonPropertyName("nullable")] bool Nullable = true,
    [property: JsonPropertyName("default"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] object? Default = null);

/// <summary>A table for <see cref="SkaftinDevServerApi.ImportDumpAsync"/>.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="Columns">Its columns.</param>
/// <param name="Rows">Rows to insert (objects keyed by column name); null for none.</param>
public sealed record DevTable(
    [property: JsonPropertyName("name")] string Name,
    [property: JsonPropertyName("columns")] IEnumerable<DevColumn> Columns,
    [property: JsonPropertyName("rows"), JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] IEnumerable<object>? Rows = null);
