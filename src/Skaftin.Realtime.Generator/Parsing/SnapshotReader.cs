using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Diagnostics;
using Microsoft.CodeAnalysis.Text;
using Skaftin.Realtime.Generator.Diagnostics;
using Skaftin.Realtime.Generator.Model;

namespace Skaftin.Realtime.Generator.Parsing;

/// <summary>
/// Finds the schema snapshot among the additional files and reads it (format version 1) into a
/// <see cref="SchemaSnapshot"/>. A file that cannot be used becomes one SKR036, never an exception.
/// </summary>
internal static class SnapshotReader
{
    /// <summary>The MSBuild property that names the snapshot, as the compiler sees it.</summary>
    public const string PropertyKey = "build_property.SkaftinSchemaSnapshot";

    private const string ProjectDirectoryKey = "build_property.ProjectDir";

    public static SnapshotSettings Settings(AnalyzerConfigOptions options) => new(
        options.TryGetValue(PropertyKey, out var path) && !string.IsNullOrWhiteSpace(path) ? path.Trim() : null,
        options.TryGetValue(ProjectDirectoryKey, out var directory) && !string.IsNullOrWhiteSpace(directory) ? directory : null);

    /// <summary>
    /// Whether the additional file at <paramref name="filePath"/> is the snapshot: the same file as the property's
    /// path (relative to the project folder), or, without a project folder, a file the relative path ends.
    /// </summary>
    public static bool IsSnapshot(SnapshotSettings settings, string filePath)
    {
        if (!settings.IsEnabled)
        {
            return false;
        }

        var file = Normalize(filePath);
        var wanted = settings.SnapshotPath!.Replace('\\', '/');
        if (IsRooted(wanted))
        {
            return PathEquals(file, Normalize(wanted));
        }

        if (settings.ProjectDirectory is { } directory)
        {
            return PathEquals(file, Normalize(directory.Replace('\\', '/').TrimEnd('/') + "/" + wanted));
        }

        wanted = Normalize(wanted).TrimStart('/');
        return PathEquals(file, wanted) || file.EndsWith("/" + wanted, StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>The snapshot the app named, or null when it did not opt in; SKR036 when no additional file is it.</summary>
    public static SchemaSnapshot? Choose(ImmutableArray<SchemaSnapshot> found, SnapshotSettings settings)
    {
        if (!settings.IsEnabled)
        {
            return null;
        }

        if (found.Length > 0)
        {
            return found[0];
        }

        return new SchemaSnapshot(settings.SnapshotPath!, EquatableArray<SnapshotTable>.Empty, DiagnosticInfo.Create(
            DiagnosticDescriptors.UnreadableSnapshot,
            null,
            settings.SnapshotPath!,
            "no additional file of the compilation is that file; check the path (relative to the project folder), or, without the Skaftin.Realtime package's build files, add <AdditionalFiles Include=\"$(SkaftinSchemaSnapshot)\" /> and <CompilerVisibleProperty Include=\"SkaftinSchemaSnapshot\" />"));
    }

    /// <summary>Reads the snapshot file's text.</summary>
    public static SchemaSnapshot Read(string path, SourceText? text, CancellationToken cancellationToken)
    {
        cancellationToken.ThrowIfCancellationRequested();
        if (text is null)
        {
            return Problem(path, null, 0, "the file cannot be read");
        }

        var content = text.ToString();
        var root = JsonDocumentReader.TryParse(content, out var error, out var offset);
        if (root is null)
        {
            return Problem(path, text, offset, "it is not valid JSON (" + error + ")");
        }

        try
        {
            return new SchemaSnapshot(path, ReadTables(root, cancellationToken), null);
        }
        catch (SnapshotFormatException e)
        {
            return Problem(path, text, e.Offset, e.Message);
        }
    }

    private static EquatableArray<SnapshotTable> ReadTables(JsonValue root, CancellationToken cancellationToken)
    {
        Expect(root, JsonKind.Object, "the file", "an object");
        var version = Required(root, "formatVersion", "the file");
        if (version.Kind != JsonKind.Number || version.Text != "1")
        {
            throw new SnapshotFormatException(
                $"its formatVersion is {Describe(version)}, and this version of Skaftin.Realtime reads format version 1; pull the snapshot again with a matching version of the tool, or update the package",
                version.Offset);
        }

        var tables = Required(root, "tables", "the file");
        Expect(tables, JsonKind.Array, "'tables'", "an array");
        var result = new List<SnapshotTable>();
        foreach (var table in tables.Items)
        {
            cancellationToken.ThrowIfCancellationRequested();
            Expect(table, JsonKind.Object, "an item of 'tables'", "an object");
            var name = RequiredString(table, "name", "a table");
            var where = $"table '{name}'";
            var primaryKey = table["primaryKey"] is { Kind: not JsonKind.Null } key ? Expect(key, JsonKind.String, $"the primaryKey of {where}", "a string or null").Text : null;
            var columns = Required(table, "columns", where);
            Expect(columns, JsonKind.Array, $"the columns of {where}", "an array");
            var columnList = new List<SnapshotColumn>();
            foreach (var column in columns.Items)
            {
                Expect(column, JsonKind.Object, $"a column of {where}", "an object");
                var columnName = RequiredString(column, "name", $"a column of {where}");
                var columnWhere = $"column '{columnName}' of {where}";
                var type = RequiredString(column, "type", columnWhere);
                var nullable = Boolean(Required(column, "nullable", columnWhere), $"the nullable of {columnWhere}");
                var isKey = column["primaryKey"] is { } keyFlag && Boolean(keyFlag, $"the primaryKey of {columnWhere}");
                columnList.Add(new SnapshotColumn(columnName, type, nullable, isKey, column["default"] is not null));
            }

            // A table may state its key either way; the table-level member wins, as the format puts it first.
            primaryKey ??= columnList.FirstOrDefault(static c => c.PrimaryKey)?.Name;
            result.Add(new SnapshotTable(name, primaryKey, columnList.ToEquatableArray()));
        }

        return result.ToEquatableArray();
    }

    private static JsonValue Required(JsonValue value, string name, string where) =>
        value[name] ?? throw new SnapshotFormatException($"{where} has no '{name}'", value.Offset);

    private static string RequiredString(JsonValue value, string name, string where) =>
        Expect(Required(value, name, where), JsonKind.String, $"the {name} of {where}", "a string").Text!;

    private static bool Boolean(JsonValue value, string what) => value.Kind switch
    {
        JsonKind.True => true,
        JsonKind.False => false,
        _ => throw new SnapshotFormatException($"{what} is {Describe(value)}, not true or false", value.Offset),
    };

    private static JsonValue Expect(JsonValue value, JsonKind kind, string what, string expected) =>
        value.Kind == kind ? value : throw new SnapshotFormatException($"{what} is {Describe(value)}, not {expected}", value.Offset);

    private static string Describe(JsonValue value) => value.Kind switch
    {
        JsonKind.Number => value.Text!,
        JsonKind.String => "a string",
        JsonKind.Object => "an object",
        JsonKind.Array => "an array",
        JsonKind.Null => "null",
        _ => value.Kind == JsonKind.True ? "true" : "false",
    };

    private static SchemaSnapshot Problem(string path, SourceText? text, int offset, string reason)
    {
        LocationInfo? location = null;
        if (text is not null)
        {
            var span = new TextSpan(Math.Min(offset, text.Length), offset < text.Length ? 1 : 0);
            location = new LocationInfo(path, span, text.Lines.GetLinePositionSpan(span));
        }

        var diagnostic = new DiagnosticInfo(DiagnosticDescriptors.UnreadableSnapshot, location, new[] { path, reason }.ToEquatableArray());
        return new SchemaSnapshot(path, EquatableArray<SnapshotTable>.Empty, diagnostic);
    }

    private static bool IsRooted(string path) => path.StartsWith("/", StringComparison.Ordinal) || (path.Length > 1 && path[1] == ':');

    private static bool PathEquals(string left, string right) => string.Equals(left, right, StringComparison.OrdinalIgnoreCase);

    // Forward slashes, no '.' segments, '..' resolved: paths are compared as text (no file system access here).
    private static string Normalize(string path)
    {
        var parts = new List<string>();
        var segments = path.Replace('\\', '/').Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            var segment = segments[i];
            if (segment == "." || (segment.Length == 0 && i > 0))
            {
                continue;
            }

            if (segment == ".." && parts.Count > 0 && parts[parts.Count - 1] is not ("" or ".."))
            {
                parts.RemoveAt(parts.Count - 1);
                continue;
            }

            parts.Add(segment);
        }

        return string.Join("/", parts);
    }

    private sealed class SnapshotFormatException : Exception
    {
        public SnapshotFormatException(string message, int offset)
            : base(message) => Offset = offset;

        public int Offset { get; }
    }
}
