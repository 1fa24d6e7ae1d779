using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text.Json;

namespace Skaftin.Realtime.Cli;

/// <summary>A JSON document that is not what the reader expects; the message names the JSON path.</summary>
internal sealed class MalformedSchemaException(string message) : Exception(message);

/// <summary>Reads a backend's table list and snapshot files, checking every member it relies on.</summary>
internal static class SnapshotReader
{
    /// <summary>
    /// Reads the answer of <c>GET /api/projects/:p/tables</c>: an array of <c>{table, primaryKey, columns, constraints}</c>.
    /// Tables come back sorted by name (ordinal), columns in the backend's order.
    /// </summary>
    public static IReadOnlyList<SnapshotTable> ReadTableList(JsonElement root)
    {
        if (root.ValueKind != JsonValueKind.Array)
        {
            throw new MalformedSchemaException($"$: expected an array of tables, got {Describe(root)}");
        }

        var tables = new List<SnapshotTable>();
        var index = 0;
        foreach (var item in root.EnumerateArray())
        {
            tables.Add(ReadTable(item, $"$[{index}]", nameMember: "table"));
            index++;
        }

        return Sorted(tables, "$");
    }

    /// <summary>Reads a snapshot file's text (format version 1).</summary>
    public static SchemaSnapshot ReadSnapshot(string json)
    {
        JsonDocument document;
        try
        {
            document = JsonDocument.Parse(json);
        }
        catch (JsonException e)
        {
            throw new MalformedSchemaException($"not JSON: {e.Message}");
        }

        using (document)
        {
            var root = document.RootElement;
            RequireKind(root, "$", JsonValueKind.Object);
            var version = Required(root, "formatVersion", "$");
            if (version.ValueKind != JsonValueKind.Number || !version.TryGetInt32(out var v) || v != SchemaSnapshot.FormatVersion)
            {
                throw new MalformedSchemaException($"$.formatVersion: expected {SchemaSnapshot.FormatVersion}, got {version.GetRawText()}");
            }

            var projectId = RequiredString(root, "projectId", "$");
            var takenAtText = RequiredString(root, "takenAt", "$");
            if (!DateTimeOffset.TryParse(takenAtText, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var takenAt))
            {
                throw new MalformedSchemaException($"$.takenAt: not an ISO 8601 date-time: {takenAtText}");
            }

            var source = RequiredString(root, "source", "$");
            var tablesElement = Required(root, "tables", "$");
            RequireKind(tablesElement, "$.tables", JsonValueKind.Array);
            var tables = new List<SnapshotTable>();
            var index = 0;
            foreach (var item in tablesElement.EnumerateArray())
            {
                tables.Add(ReadTable(item, $"$.tables[{index}]", nameMember: "name"));
                index++;
            }

            return new SchemaSnapshot(projectId, takenAt, source, tables);
        }
    }

    private static IReadOnlyList<SnapshotTable> Sorted(List<SnapshotTable> tables, string path)
    {
        var sorted = tables.OrderBy(static t => t.Name, StringComparer.Ordinal).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            if (string.Equals(sorted[i - 1].Name, sorted[i].Name, StringComparison.Ordinal))
            {
                throw new MalformedSchemaException($"{path}: table {sorted[i].Name} appears twice");
            }
        }

        return sorted;
    }

    private static SnapshotTable ReadTable(JsonElement item, string path, string nameMember)
    {
        RequireKind(item, path, JsonValueKind.Object);
        var name = RequiredString(item, nameMember, path);
        var primaryKeyElement = Required(item, "primaryKey", path);
        string? primaryKey = primaryKeyElement.ValueKind switch
        {
            JsonValueKind.Null => null,
            JsonValueKind.String => primaryKeyElement.GetString(),
            _ => throw new MalformedSchemaException($"{path}.primaryKey: expected a string or null, got {Describe(primaryKeyElement)}"),
        };

        var columnsElement = Required(item, "columns", path);
        RequireKind(columnsElement, path + ".columns", JsonValueKind.Array);
        var columns = new List<SnapshotColumn>();
        var names = new HashSet<string>(StringComparer.Ordinal);
        var i = 0;
        foreach (var c in columnsElement.EnumerateArray())
        {
            var columnPath = $"{path}.columns[{i}]";
            var column = ReadColumn(c, columnPath);
            if (!names.Add(column.Name))
            {
                throw new MalformedSchemaException($"{columnPath}: column {column.Name} appears twice");
            }

            columns.Add(column);
            i++;
        }

        if (primaryKey is not null && !names.Contains(primaryKey))
        {
            throw new MalformedSchemaException($"{path}.primaryKey: {primaryKey} is not one of the table's columns");
        }

        var constraintsElement = Required(item, "constraints", path);
        RequireKind(constraintsElement, path + ".constraints", JsonValueKind.Array);
        var constraints = new List<JsonElement>();
        var k = 0;
        foreach (var constraint in constraintsElement.EnumerateArray())
        {
            var constraintPath = $"{path}.constraints[{k}]";
            RequireKind(constraint, constraintPath, JsonValueKind.Object);
            RequiredString(constraint, "name", constraintPath);
            RequiredString(constraint, "type", constraintPath);
            constraints.Add(constraint.Clone());
            k++;
        }

        return new SnapshotTable(name, primaryKey, columns, constraints);
    }

    private static SnapshotColumn ReadColumn(JsonElement c, string path)
    {
        RequireKind(c, path, JsonValueKind.Object);
        var name = RequiredString(c, "name", path);
        var type = RequiredString(c, "type", path);
        var nullable = Required(c, "nullable", path);
        if (nullable.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
        {
            throw new MalformedSchemaException($"{path}.nullable: expected true or false, got {Describe(nullable)}");
        }

        var primaryKey = false;
        if (c.TryGetProperty("primaryKey", out var pk))
        {
            if (pk.ValueKind is not (JsonValueKind.True or JsonValueKind.False))
            {
                throw new MalformedSchemaException($"{path}.primaryKey: expected true or false, got {Describe(pk)}");
            }

            primaryKey = pk.ValueKind == JsonValueKind.True;
        }

        JsonElement? defaultValue = c.TryGetProperty("default", out var d) ? d.Clone() : null;
        return new SnapshotColumn(name, type, nullable.ValueKind == JsonValueKind.True, primaryKey, defaultValue);
    }

    private static JsonElement Required(JsonElement obj, string member, string path) =>
        obj.TryGetProperty(member, out var value) ? value : throw new MalformedSchemaException($"{path}: missing \"{member}\"");

    private static string RequiredString(JsonElement obj, string member, string path)
    {
        var value = Required(obj, member, path);
        if (value.ValueKind != JsonValueKind.String || string.IsNullOrEmpty(value.GetString()))
        {
            throw new MalformedSchemaException($"{path}.{member}: expected a non-empty string, got {Describe(value)}");
        }

        return value.GetString()!;
    }

    private static void RequireKind(JsonElement value, string path, JsonValueKind kind)
    {
        if (value.ValueKind != kind)
        {
            throw new MalformedSchemaException($"{path}: expected {(kind == JsonValueKind.Array ? "an array" : "an object")}, got {Describe(value)}");
        }
    }

    private static string Describe(JsonElement value) => value.ValueKind switch
    {
        JsonValueKind.Object => "an object",
        JsonValueKind.Array => "an array",
        JsonValueKind.String => "a string",
        JsonValueKind.Number => "a number",
        JsonValueKind.True or JsonValueKind.False => "a boolean",
        _ => "null",
    };
}
