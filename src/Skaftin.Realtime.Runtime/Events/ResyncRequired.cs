using System;

namespace Skaftin.Realtime;

/// <summary>Why rows an app holds may no longer match the database.</summary>
public enum ResyncReason
{
    /// <summary>The connection was lost and could not be recovered: events may have been missed while it was down.</summary>
    ConnectionRestored,

    /// <summary>The project's whole database was replaced (<c>import_dump</c>).</summary>
    DatabaseImported,

    /// <summary>The table's schema changed (columns added, altered or dropped; the table renamed or dropped).</summary>
    SchemaChanged,
}

/// <summary>
/// The signal to reload: delivered once to every affected table when events may have been missed or the data
/// changed under the stream. A recovered session (the server replayed what was missed) raises none.
/// </summary>
/// <param name="Reason">Why.</param>
/// <param name="ProjectId">The affected project, or null when every project is affected (a lost connection).</param>
/// <param name="TableName">The affected table, or null when every table is.</param>
/// <param name="Timestamp">
/// When the client raised the signal, by its own clock (<see cref="SkaftinRealtimeOptions.TimeProvider"/>): always set,
/// even when the server's event that caused it carried no timestamp (that one stays on the event itself).
/// </param>
public sealed record ResyncRequired(ResyncReason Reason, string? ProjectId, string? TableName, DateTimeOffset Timestamp);
