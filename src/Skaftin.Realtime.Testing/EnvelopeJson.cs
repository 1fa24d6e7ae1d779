using System;
using System.Globalization;
using System.IO;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime.Testing;

/// <summary>The JSON a Skaftin server sends, written for the fake server's pushes (the wire contract, schemas/).</summary>
internal static class EnvelopeJson
{
    /// <summary>A <c>joined-project</c> or <c>left-project</c> answer.</summary>
    public static byte[] RoomAnswer(string projectId) => Write(writer =>
    {
        writer.WriteString("projectId", projectId);
        writer.WriteString("room", "project:" + projectId);
    });

    /// <summary>A <c>database-change</c> event; <paramref name="dataJson"/> is written as it is.</summary>
    public static byte[] DatabaseChange(DatabaseChangeType type, string projectId, string? tableName, DateTimeOffset timestamp, string? dataJson) => Write(writer =>
    {
        writer.WriteString("type", WireName(type));
        writer.WriteString("projectId", projectId);
        if (tableName is not null)
        {
            writer.WriteString("tableName", tableName);
        }

        if (dataJson is not null)
        {
            writer.WritePropertyName("data");
            writer.WriteRawValue(dataJson);
        }

        writer.WriteString("timestamp", timestamp.ToUniversalTime().ToString("yyyy-MM-dd'T'HH:mm:ss.fff'Z'", CultureInfo.InvariantCulture));
    });

    /// <summary>
    /// The wire name of a known type: its name in snake_case (<c>AddColumn</c> is <c>add_column</c>), checked against
    /// the runtime's own reading so the two cannot drift apart.
    /// </summary>
    public static string WireName(DatabaseChangeType type)
    {
        var name = type.ToString();
        var wire = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0)
            {
                wire.Append('_');
            }

            wire.Append(char.ToLowerInvariant(name[i]));
        }

        var text = wire.ToString();
        if (type == DatabaseChangeType.Unknown || DatabaseChangeTypes.Parse(Encoding.UTF8.GetBytes(text)) != type)
        {
            throw new ArgumentOutOfRangeException(nameof(type), type, "Not an event type a Skaftin server sends.");
        }

        return text;
    }

    private static byte[] Write(Action<Utf8JsonWriter> properties)
    {
        using var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartObject();
            properties(writer);
            writer.WriteEndObject();
        }

        return buffer.ToArray();
    }
}
