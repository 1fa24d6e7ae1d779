using System;

namespace Skaftin.Realtime;

/// <summary>A change to a table's schema (a table created, dropped or renamed; a column or constraint added, altered or dropped).</summary>
/// <param name="Type">Which schema change.</param>
/// <param name="ProjectId">The project the change belongs to.</param>
/// <param name="TableName">The affected table's wire name (for a rename, the old name).</param>
/// <param name="Timestamp">When the server made the change (its clock: data, not an ordering key); null when the event carried none.</param>
/// <param name="DataJson">The server's description of the change as JSON text, or null when it sent none.</param>
public sealed record SchemaChange(
    DatabaseChangeType Type,
    string ProjectId,
    string TableName,
    DateTimeOffset? Timestamp,
    string? DataJson) : IDatabaseEvent
{
    /// <summary>
    /// What changed, typed: pattern-match <see cref="TableCreated"/>, <see cref="ColumnAdded"/>, ... Null when the
    /// payload did not decode: that is reported to <see cref="SkaftinRealtimeClient.OnError"/> as
    /// <see cref="RealtimeErrorKind.DecodeFailed"/>, and <see cref="DataJson"/> still holds it.
    /// </summary>
    public SchemaChangeDetails? Details { get; init; }

    /// <summary>The server's <c>oldData</c> as JSON text (the previous column of an <c>alter_column</c>), or null when it sent none.</summary>
    public string? OldDataJson { get; init; }
}
