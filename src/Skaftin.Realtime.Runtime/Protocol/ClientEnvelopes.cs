using System;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// Reads the envelopes of the client's own events: the join answers (<c>joined-project</c>, <c>join-project-error</c>)
/// and <c>project-event</c>. A malformed one becomes a <see cref="SkaftinDecodeException"/> to report, never a throw
/// into the receive loop.
/// </summary>
internal static class ClientEnvelopes
{
    /// <summary>A join answer: the project it is for, and the server's message when <paramref name="messageField"/> is given.</summary>
    public static bool TryReadJoinAnswer(ReadOnlyMemory<byte> payload, string? messageField, out string? projectId, out string? message, out SkaftinDecodeException? error)
    {
        projectId = null;
        message = null;
        error = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            if (document.RootElement.ValueKind == JsonValueKind.Object)
            {
                projectId = document.RootElement.TryGetProperty("projectId", out var id) ? id.ToString() : null;
                message = messageField is not null && document.RootElement.TryGetProperty(messageField, out var m) ? m.ToString() : null;
            }

            return true;
        }
        catch (JsonException ex)
        {
            error = new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, null, null, ex.Message, ex);
            return false;
        }
    }

    /// <summary>A <c>project-event</c>: a string <c>type</c>, a <c>projectId</c>, optional <c>data</c> and <c>timestamp</c>.</summary>
    public static bool TryReadProjectEvent(ReadOnlyMemory<byte> payload, out ProjectEvent? projectEvent, out SkaftinDecodeException? error)
    {
        projectEvent = null;
        error = null;
        try
        {
            using var document = JsonDocument.Parse(payload);
            var root = document.RootElement;
            if (root.ValueKind != JsonValueKind.Object
                || !root.TryGetProperty("type", out var type) || type.ValueKind != JsonValueKind.String
                || !root.TryGetProperty("projectId", out var project))
            {
                error = new SkaftinDecodeException(DecodeErrorKind.InvalidEnvelope, null, null, null, "a project-event needs a string 'type' and a 'projectId'.");
                return false;
            }

            var timestamp = root.TryGetProperty("timestamp", out var at) && at.ValueKind != JsonValueKind.Null ? Timestamp(at) : null;
            var data = root.TryGetProperty("data", out var d) && d.ValueKind != JsonValueKind.Null ? d.GetRawText() : null;
            projectEvent = new ProjectEvent(type.GetString()!, project.ToString(), data, timestamp);
            return true;
        }
        catch (JsonException ex)
        {
            error = new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, null, null, ex.Message, ex);
            return false;
        }
        catch (SkaftinDecodeException ex)
        {
            error = ex;
            return false;
        }
    }

    // Read by the same grammar as a database-change's timestamp; anything else there is a typed decode error.
    private static DateTimeOffset? Timestamp(JsonElement value)
    {
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(value.GetRawText()));
        reader.Read();
        return SkaftinJson.ReadDateTimeOffset(ref reader, "(project-event)", "timestamp");
    }
}
