using System;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// A <c>database-change</c> envelope read once, as a value: what <see cref="DatabaseChange"/> shows. The router reads
/// it without making an object, so a row event of a declared table whose handlers take typed rows costs no
/// <see cref="DatabaseChange"/>; one is made from it where the app can be handed the raw event (or an error needs it).
/// </summary>
internal readonly struct ChangeEnvelope
{
    private ChangeEnvelope(DatabaseChangeType type, string typeName, string projectId, string? tableName, DateTimeOffset? timestamp,
        ReadOnlyMemory<byte> utf8Json, ReadOnlyMemory<byte> data, ReadOnlyMemory<byte> oldData)
    {
        Type = type;
        TypeName = typeName;
        ProjectId = projectId;
        TableName = tableName;
        Timestamp = timestamp;
        Utf8Json = utf8Json;
        Data = data;
        OldData = oldData;
    }

    /// <summary>See <see cref="DatabaseChange.Type"/>.</summary>
    public DatabaseChangeType Type { get; }

    /// <summary>See <see cref="DatabaseChange.TypeName"/>.</summary>
    public string TypeName { get; }

    /// <summary>See <see cref="DatabaseChange.ProjectId"/>.</summary>
    public string ProjectId { get; }

    /// <summary>See <see cref="DatabaseChange.TableName"/>.</summary>
    public string? TableName { get; }

    /// <summary>See <see cref="DatabaseChange.Timestamp"/>.</summary>
    public DateTimeOffset? Timestamp { get; }

    /// <summary>See <see cref="DatabaseChange.Utf8Json"/>.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>See <see cref="DatabaseChange.Data"/>.</summary>
    public ReadOnlyMemory<byte> Data { get; }

    /// <summary>See <see cref="DatabaseChange.OldData"/>.</summary>
    public ReadOnlyMemory<byte> OldData { get; }

    /// <summary>The event object showing this envelope (a new one per call).</summary>
    public DatabaseChange ToChange() => new(this);

    /// <summary>
    /// Parses the event envelope once; row data is kept as slices of <paramref name="utf8Json"/> (no copy).
    /// </summary>
    /// <param name="utf8Json">The event's JSON object.</param>
    /// <returns>The envelope.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not a valid event.</exception>
    public static ChangeEnvelope Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            throw Invalid(null, "the event carries no payload.");
        }

        var type = DatabaseChangeType.Unknown;
        var typeName = "";
        var projectId = "";
        string? tableName = null;
        DateTimeOffset? timestamp = null;
        ReadOnlyMemory<byte> data = default, oldData = default;
        var reader = new Utf8JsonReader(utf8Json.Span, new JsonReaderOptions { MaxDepth = 64 });
        bool hasType = false, hasProject = false;
        try
        {
            if (!reader.Read() || reader.TokenType != JsonTokenType.StartObject)
            {
                throw Invalid(null, "expected the event to be a JSON object.");
            }

            while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
            {
                if (reader.ValueTextEquals("type"u8))
                {
                    reader.Read();
                    if (reader.TokenType != JsonTokenType.String)
                    {
                        throw Invalid("type", "expected 'type' to be a string.");
                    }

                    typeName = String(ref reader);
                    type = reader.ValueIsEscaped || reader.HasValueSequence
                        ? DatabaseChangeTypes.Parse(Encoding.UTF8.GetBytes(typeName))
                        : DatabaseChangeTypes.Parse(reader.ValueSpan);
                    hasType = true;
                }
                else if (reader.ValueTextEquals("projectId"u8))
                {
                    reader.Read();
                    projectId = reader.TokenType switch
                    {
                        JsonTokenType.String => String(ref reader),
                        JsonTokenType.Number => EnvelopeStrings.Get(reader.ValueSpan),
                        _ => throw Invalid("projectId", "expected 'projectId' to be a string."),
                    };
                    hasProject = true;
                }
                else if (reader.ValueTextEquals("tableName"u8))
                {
                    reader.Read();
                    tableName = reader.TokenType switch
                    {
                        JsonTokenType.String => String(ref reader),
                        JsonTokenType.Null => null,
                        _ => throw Invalid("tableName", "expected 'tableName' to be a string or null."),
                    };
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    timestamp = reader.TokenType == JsonTokenType.Null
                        ? null
                        : SkaftinJson.ReadDateTimeOffset(ref reader, "(event)", "timestamp");
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    data = ReadRaw(ref reader, utf8Json);
                }
                else if (reader.ValueTextEquals("oldData"u8))
                {
                    oldData = ReadRaw(ref reader, utf8Json);
                }
                else
                {
                    reader.Skip();
                }
            }

            if (reader.TokenType != JsonTokenType.EndObject)
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, null, null, "the event's JSON ended early.");
            }

            if (reader.Read())
            {
                throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, null, null, null, "unexpected content after the event object.");
            }
        }
        catch (JsonException ex)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, tableName, null, null, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, tableName, null, null, ex.Message, ex);
        }

        if (!hasType)
        {
            throw Invalid("type", "the event has no 'type'.");
        }

        if (!hasProject)
        {
            throw Invalid("projectId", "the event has no 'projectId'.");
        }

        return new ChangeEnvelope(type, typeName, projectId, tableName, timestamp, utf8Json, data, oldData);
    }

    // The envelope's strings repeat from event to event: plain ones come from a small cache instead of a new string.
    private static string String(ref Utf8JsonReader reader) =>
        reader.ValueIsEscaped || reader.HasValueSequence ? reader.GetString()! : EnvelopeStrings.Get(reader.ValueSpan);

    private static ReadOnlyMemory<byte> ReadRaw(ref Utf8JsonReader reader, ReadOnlyMemory<byte> source)
    {
        reader.Read();
        if (reader.TokenType == JsonTokenType.Null)
        {
            return ReadOnlyMemory<byte>.Empty;
        }

        var start = (int)reader.TokenStartIndex;
        reader.Skip();
        var end = (int)reader.BytesConsumed;
        return source.Slice(start, end - start);
    }

    private static SkaftinDecodeException Invalid(string? field, string detail) =>
        new(DecodeErrorKind.InvalidEnvelope, null, field, null, detail);
}
