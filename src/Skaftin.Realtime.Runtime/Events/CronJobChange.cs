using System;

namespace Skaftin.Realtime;

/// <summary>A cron job was created, updated, deleted or switched on or off.</summary>
/// <param name="Type">Which change (<see cref="DatabaseChangeType.CreateCronJob"/> ... <see cref="DatabaseChangeType.ToggleCronJob"/>).</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Timestamp">When the server made the change (its clock: data, not an ordering key); null when the event carried none.</param>
/// <param name="DataJson">The server's description of the job as JSON text, or null when it sent none.</param>
public sealed record CronJobChange(DatabaseChangeType Type, string ProjectId, DateTimeOffset? Timestamp, string? DataJson) : IDatabaseEvent
{
    /// <summary>
    /// The job (after the change; for a delete, the deleted job), typed. Null when the payload did not decode: that is
    /// reported to <see cref="SkaftinRealtimeClient.OnError"/> as <see cref="RealtimeErrorKind.DecodeFailed"/>, and
    /// <see cref="DataJson"/> still holds it.
    /// </summary>
    public CronJob? Job { get; init; }

    /// <summary>The job before an update or a toggle, typed; null when the server sent no <c>oldData</c> or it did not decode (reported).</summary>
    public CronJob? OldJob { get; init; }

    /// <summary>The server's <c>oldData</c> as JSON text (the job before an update or a toggle), or null when it sent none.</summary>
    public string? OldDataJson { get; init; }

    /// <inheritdoc />
    string? IDatabaseEvent.TableName => null;
}
