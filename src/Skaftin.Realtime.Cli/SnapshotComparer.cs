using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime.Cli;

/// <summary>What differs between a committed snapshot and the backend, ignoring <c>takenAt</c> and <c>source</c>.</summary>
internal static class SnapshotComparer
{
    /// <summary>One line per difference, table by table; empty when the file is up to date.</summary>
    public static IReadOnlyList<string> Differences(SchemaSnapshot file, SchemaSnapshot backend)
    {
        var lines = new List<string>();
        if (!string.Equals(file.ProjectId, backend.ProjectId, StringComparison.Ordinal))
        {
            lines.Add($"projectId: file has {file.ProjectId}, backend is {backend.ProjectId}");
        }

        var fileTables = file.Tables.ToDictionary(static t => t.Name, StringComparer.Ordinal);
        var backendTables = backend.Tables.ToDictionary(static t => t.Name, StringComparer.Ordinal);
        foreach (var name in fileTables.Keys.Union(backendTables.Keys).OrderBy(static n => n, StringComparer.Ordinal))
        {
            if (!backendTables.TryGetValue(name, out var now))
            {
                lines.Add($"table {name}: in the file, not in the backend");
                continue;
            }

            if (!fileTables.TryGetValue(name, out var then))
            {
                lines.Add($"table {name}: in the backend, not in the file");
                continue;
            }

            CompareTable(then, now, lines);
        }

        return lines;
    }

    private static void CompareTable(SnapshotTable then, SnapshotTable now, List<string> lines)
    {
        var table = then.Name;
        if (!string.Equals(then.PrimaryKey, now.PrimaryKey, StringComparison.Ordinal))
        {
            lines.Add($"table {table}: primary key was {then.PrimaryKey ?? "(none)"}, is {now.PrimaryKey ?? "(none)"}");
        }

        var thenColumns = then.Columns.ToDictionary(static c => c.Name, StringComparer.Ordinal);
        var nowColumns = now.Columns.ToDictionary(static c => c.Name, StringComparer.Ordinal);
        foreach (var column in then.Columns)
        {
            if (!nowColumns.TryGetValue(column.Name, out var current))
            {
                lines.Add($"table {table}: column {column.Name} is in the file, not in the backend");
                continue;
            }

            var changes = new List<string>();
            if (!string.Equals(column.Type, current.Type, StringComparison.Ordinal))
            {
                changes.Add($"type {column.Type} -> {current.Type}");
            }

            if (column.Nullable != current.Nullable)
            {
                changes.Add($"nullable {Bool(column.Nullable)} -> {Bool(current.Nullable)}");
            }

            if (column.PrimaryKey != current.PrimaryKey)
            {
                changes.Add($"primaryKey {Bool(column.PrimaryKey)} -> {Bool(current.PrimaryKey)}");
            }

            var thenDefault = Canonical(column.Default);
            var nowDefault = Canonical(current.Default);
            if (!string.Equals(thenDefault, nowDefault, StringComparison.Ordinal))
            {
                changes.Add($"default {thenDefault ?? "(none)"} -> {nowDefault ?? "(none)"}");
            }

            if (changes.Count > 0)
            {
                lines.Add($"table {table}: column {column.Name}: {string.Join(", ", changes)}");
            }
        }

        foreach (var column in now.Columns.Where(c => !thenColumns.ContainsKey(c.Name)))
        {
            lines.Add($"table {table}: column {column.Name} ({column.Type}{(column.Nullable ? ", nullable" : "")}) is in the backend, not in the file");
        }

        var sharedThen = then.Columns.Select(static c => c.Name).Where(nowColumns.ContainsKey).ToList();
        var sharedNow = now.Columns.Select(static c => c.Name).Where(thenColumns.ContainsKey).ToList();
        if (!sharedThen.SequenceEqual(sharedNow, StringComparer.Ordinal))
        {
            lines.Add($"table {table}: column order was {string.Join(", ", sharedThen)}, is {string.Join(", ", sharedNow)}");
        }

        var thenConstraints = then.Constraints.Select(static c => Canonical(c)!).ToList();
        var nowConstraints = now.Constraints.Select(static c => Canonical(c)!).ToList();
        foreach (var removed in thenConstraints.Except(nowConstraints, StringComparer.Ordinal))
        {
            lines.Add($"table {table}: constraint {removed} is in the file, not in the backend");
        }

        foreach (var added in nowConstraints.Except(thenConstraints, StringComparer.Ordinal))
        {
            lines.Add($"table {table}: constraint {added} is in the backend, not in the file");
        }
    }

    private static string Bool(bool value) => value ? "true" : "false";

    /// <summary>Compact JSON text, so that two values compare equal whatever their whitespace was.</summary>
    private static string? Canonical(JsonElement? value)
    {
        if (value is not { } element)
        {
            return null;
        }

        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            element.WriteTo(writer);
        }

        return Encoding.UTF8.GetString(buffer.ToArray());
    }
}
