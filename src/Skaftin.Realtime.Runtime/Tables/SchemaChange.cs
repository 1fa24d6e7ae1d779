using System;

namespace Skaftin.Realtime;

/// <summary>A change to a table's schema (a table created, dropped or renamed; a column or constraint added, altered or dropped).</summary>
/// <param name="Type">Which schema change.</param>
/// <param name="ProjectId">The project the change belongs to.</param>
/// <param name="TableName">The affected table's wire name.</param>
/// <param name="Timestamp">When the server made the change.</param>
/// <param name="DataJson">The server's description of the change as JSON text, or null when it sent none.</param>
public sealed record SchemaChange(
    DatabaseChangeType Type,
    string ProjectId,
    string TableName,
    DateTimeOffset Timestamp,
    string? DataJson);
