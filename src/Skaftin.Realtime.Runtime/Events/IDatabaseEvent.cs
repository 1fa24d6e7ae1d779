using System;

namespace Skaftin.Realtime;

/// <summary>
/// One <c>database-change</c> event in the most typed form the SDK has for it, as
/// <see cref="SkaftinRealtimeClient.OnAnyChange"/> delivers every change of the joined projects (the seed's
/// <c>onDatabaseChange</c>). Pattern-match it: <see cref="RowChange{TRow, TKey}"/> for a row of a declared table,
/// <see cref="SchemaChange"/>, <see cref="CronJobChange"/>, <see cref="DatabaseImported"/>, or the raw
/// <see cref="DatabaseChange"/> for rows of undeclared tables, unknown types and rows that did not decode.
/// </summary>
public interface IDatabaseEvent
{
    /// <summary>The event's type; <see cref="DatabaseChangeType.Unknown"/> for a name this SDK does not know.</summary>
    DatabaseChangeType Type { get; }

    /// <summary>The project the change belongs to.</summary>
    string ProjectId { get; }

    /// <summary>The table the change belongs to; null for cron-job and import events.</summary>
    string? TableName { get; }

    /// <summary>When the server made the change (the server's clock: data, not an ordering key); null when the event carried none.</summary>
    DateTimeOffset? Timestamp { get; }
}
