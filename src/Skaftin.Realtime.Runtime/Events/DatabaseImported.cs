using System;

namespace Skaftin.Realtime;

/// <summary>
/// The project's whole database was replaced from a dump (<c>import_dump</c>): every row an app holds for the
/// project may be stale and should be reloaded.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Timestamp">When the server made the change (its clock: data, not an ordering key); null when the event carried none.</param>
/// <param name="DataJson">The server's description of the import as JSON text, or null when it sent none.</param>
public sealed record DatabaseImported(string ProjectId, DateTimeOffset? Timestamp, string? DataJson) : IDatabaseEvent
{
    /// <summary>
    /// What the import did, typed. Null when the payload did not decode: that is reported to
    /// <see cref="SkaftinRealtimeClient.OnError"/> as <see cref="RealtimeErrorKind.DecodeFailed"/>, and
    /// <see cref="DataJson"/> still holds it.
    /// </summary>
    public DatabaseImportSummary? Summary { get; init; }

    /// <inheritdoc />
    DatabaseChangeType IDatabaseEvent.Type => DatabaseChangeType.ImportDump;

    /// <inheritdoc />
    string? IDatabaseEvent.TableName => null;
}
