using System;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;

namespace Skaftin.Realtime.Cli;

/// <summary>A schema snapshot, format version 1 (schemas/schema-snapshot.v1.schema.json).</summary>
internal sealed record SchemaSnapshot(string ProjectId, DateTimeOffset TakenAt, string Source, IReadOnlyList<SnapshotTable> Tables)
{
    public const int FormatVersion = 1;

    /// <summary>
    /// The file's text: 2-space indentation, members in the documented order, LF line ends and a trailing newline,
    /// so that a re-pull of an unchanged backend differs only in <c>takenAt</c>.
    /// </summary>
    public string ToJson()
    {
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer, new JsonWriterOptions { Indented = true, Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping }))
        {
            writer.WriteStartObject();
            writer.WriteNumber("formatVersion", FormatVersion);
            writer.WriteString("projectId", ProjectId);
            writer.WriteString("takenAt", TakenAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            writer.WriteString("source", Source);
            writer.WriteStartArray("tables");
            foreach (var table in Tables)
            {
                table.WriteTo(writer);
            }

            writer.WriteEndArray();
            writer.WriteEndObject();
        }

        // Utf8JsonWriter ends lines with Environment.NewLine; strings are escaped, so every CR here is a line end.
        return Encoding.UTF8.GetString(buffer.ToArray()).Replace("\r\n", "\n") + "\n";
    }
}

/// <summary>One table of a snapshot, as the backend describes it.</summary>
internal sealed record SnapshotTable(string Name, string? PrimaryKey, IReadOnlyList<SnapshotColumn> Columns, IReadOnlyList<JsonElement> Constraints)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        if (PrimaryKey is null)
        {
            writer.WriteNull("primaryKey");
        }
        else
        {
            writer.WriteString("primaryKey", PrimaryKey);
        }

        writer.WriteStartArray("columns");
        foreach (var column in Columns)
        {
            column.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteStartArray("constraints");
        foreach (var constraint in Constraints)
        {
            constraint.WriteTo(writer);
        }

        writer.WriteEndArray();
        writer.WriteEndObject();
    }
}

/// <summary>One column: the backend's logical type, nullability, key flag and default (absent = no default).</summary>
internal sealed record SnapshotColumn(string Name, string Type, bool Nullable, bool PrimaryKey, JsonElement? Default)
{
    public void WriteTo(Utf8JsonWriter writer)
    {
        writer.WriteStartObject();
        writer.WriteString("name", Name);
        writer.WriteString("type", Type);
        writer.WriteBoolean("nullable", Nullable);
        if (PrimaryKey)
        {
            writer.WriteBoolean("primaryKey", true);
        }

        if (Default is { } value)
        {
            writer.WritePropertyName("default");
            value.WriteTo(writer);
        }

        writer.WriteEndObject();
    }
}
