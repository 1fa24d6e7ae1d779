using System;

namespace Skaftin.Realtime;

/// <summary>
/// One <c>database-change</c> event with its rows still as raw UTF-8 JSON. Declared tables receive typed rows
/// instead; this shape reaches handlers of tables the app did not declare and error reports.
/// </summary>
public sealed class DatabaseChange : IDatabaseEvent
{
    private readonly ChangeEnvelope _envelope;

    internal DatabaseChange(in ChangeEnvelope envelope)
    {
        _envelope = envelope;
    }

    /// <summary>The parsed envelope this event shows; the typed row path reads it without making the event object.</summary>
    internal ref readonly ChangeEnvelope Envelope => ref _envelope;

    /// <summary>The event's type; <see cref="DatabaseChangeType.Unknown"/> for a name this SDK does not know.</summary>
    public DatabaseChangeType Type => _envelope.Type;

    /// <summary>The event's <c>type</c> exactly as sent.</summary>
    public string TypeName => _envelope.TypeName;

    /// <summary>The project the change belongs to.</summary>
    public string ProjectId => _envelope.ProjectId;

    /// <summary>The table the change belongs to; null for cron-job and import events.</summary>
    public string? TableName => _envelope.TableName;

    /// <summary>
    /// When the server says it made the change: its clock, data for the app and never an ordering key (events are
    /// handled in the order they arrive); null when the event carries no <c>timestamp</c> (absent or JSON null).
    /// A <c>timestamp</c> that is present but not a timestamp makes the event undecodable (<see cref="Parse"/> throws).
    /// </summary>
    public DateTimeOffset? Timestamp => _envelope.Timestamp;

    /// <summary>The whole event as received.</summary>
    public ReadOnlyMemory<byte> Utf8Json => _envelope.Utf8Json;

    /// <summary>The <c>data</c> value as raw UTF-8 JSON; empty when absent or null.</summary>
    public ReadOnlyMemory<byte> Data => _envelope.Data;

    /// <summary>The <c>oldData</c> value as raw UTF-8 JSON; empty when absent or null.</summary>
    public ReadOnlyMemory<byte> OldData => _envelope.OldData;

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
    public static DatabaseChange Parse(ReadOnlyMemory<byte> utf8Json) => new(ChangeEnvelope.Parse(utf8Json));

    /// <inheritdoc />
    public override string ToString() => $"{TypeName} {TableName ?? "(no table)"} in {ProjectId} at {Timestamp?.ToString("O", System.Globalization.CultureInfo.InvariantCulture) ?? "(no timestamp)"}";
}
