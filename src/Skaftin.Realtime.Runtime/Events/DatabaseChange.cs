using System;
using System.Text;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// One <c>database-change</c> event with its rows still as raw UTF-8 JSON. Declared tables receive typed rows
/// instead; this shape reaches handlers of tables the app did not declare and error reports.
/// </summary>
public sealed class DatabaseChange : IDatabaseEvent
{
    private DatabaseChange(ReadOnlyMemory<byte> utf8Json)
    {
        Utf8Json = utf8Json;
    }

    /// <summary>The event's type; <see cref="DatabaseChangeType.Unknown"/> for a name this SDK does not know.</summary>
    public DatabaseChangeType Type { get; private set; }

    /// <summary>The event's <c>type</c> exactly as sent.</summary>
    public string TypeName { get; private set; } = "";

    /// <summary>The project the change belongs to.</summary>
    public string ProjectId { get; private set; } = "";

    /// <summary>The table the change belongs to; null for cron-job and import events.</summary>
    public string? TableName { get; private set; }

    /// <summary>
    /// When the server says it made the change: its clock, data for the app and never an ordering key (events are
    /// handled in the order they arrive); null when the event carries no <c>timestamp</c> (absent or JSON null).
    /// A <c>timestamp</c> that is present but not a timestamp makes the event undecodable (<see cref="Parse"/> throws).
    /// </summary>
    public DateTimeOffset? Timestamp { get; private set; }

    /// <summary>The whole event as received.</summary>
    public ReadOnlyMemory<byte> Utf8Json { get; }

    /// <summary>The <c>data</c> value as raw UTF-8 JSON; empty when absent or null.</summary>
    public ReadOnlyMemory<byte> Data { get; private set; }

    /// <summary>The <c>oldData</c> value as raw UTF-8 JSON; empty when absent or null.</summary>
    public ReadOnlyMemory<byte> OldData { get; private set; }

    /// <summary>The <c>data</c> value as JSON text, or null when absent.</summary>
    public string? DataJson => Data.IsEmpty ? null : Utf8Text.Decode(Data.Span);

    /// <summary>The <c>oldData</c> value as JSON text, or null when absent.</summary>
    public string? OldDataJson => OldData.IsEmpty ? null : Utf8Text.Decode(OldData.Span);

    /// <summary>The whole event as JSON text.</summary>
    public string RawText => Utf8Text.Decode(Utf8Json.Span);

    /// <summary>
    /// Parses the event envelope once; row data is kept as slices of <paramref name="utf8Json"/> (no copy).
    /// </summary>
    /// <param name="utf8Json">The event's JSON object.</param>
    /// <returns>The event.</returns>
    /// <exception cref="SkaftinDecodeException">The text is not a valid event.</exception>
    public static DatabaseChange Parse(ReadOnlyMemory<byte> utf8Json)
    {
        if (utf8Json.IsEmpty)
        {
            throw Invalid(null, "the event carries no payload.");
        }

        var change = new DatabaseChange(utf8Json);
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

                    change.TypeName = String(ref reader);
                    change.Type = reader.ValueIsEscaped || reader.HasValueSequence
                        ? DatabaseChangeTypes.Parse(Encoding.UTF8.GetBytes(change.TypeName))
                        : DatabaseChangeTypes.Parse(reader.ValueSpan);
                    hasType = true;
                }
                else if (reader.ValueTextEquals("projectId"u8))
                {
                    reader.Read();
                    change.ProjectId = reader.TokenType switch
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
                    change.TableName = reader.TokenType switch
                    {
                        JsonTokenType.String => String(ref reader),
                        JsonTokenType.Null => null,
                        _ => throw Invalid("tableName", "expected 'tableName' to be a string or null."),
                    };
                }
                else if (reader.ValueTextEquals("timestamp"u8))
                {
                    reader.Read();
                    change.Timestamp = reader.TokenType == JsonTokenType.Null
                        ? null
                        : SkaftinJson.ReadDateTimeOffset(ref reader, "(event)", "timestamp");
                }
                else if (reader.ValueTextEquals("data"u8))
                {
                    change.Data = ReadRaw(ref reader, utf8Json);
                }
                else if (reader.ValueTextEquals("oldData"u8))
                {
                    change.OldData = ReadRaw(ref reader, utf8Json);
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
            throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, change.TableName, null, null, ex.Message, ex);
        }
        catch (InvalidOperationException ex)
        {
            throw new SkaftinDecodeException(DecodeErrorKind.MalformedJson, change.TableName, null, null, ex.Message, ex);
        }

        if (!hasType)
        {
            throw Invalid("type", "the event has no 'type'.");
        }

        if (!hasProject)
        {
            throw Invalid("projectId", "the event has no 'projectId'.");
        }

        return change;
    }

    /// <inheritdoc />
    public override string ToString() => $"{TypeName} {TableName ?? "(no table)"} in {ProjectId} at {Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(no timestamp)"}";

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
