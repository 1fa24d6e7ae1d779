using System;

namespace Skaftin.Realtime;

/// <summary>A cron job was created, updated, deleted or switched on or off.</summary>
/// <param name="Type">Which change (<see cref="DatabaseChangeType.CreateCronJob"/> ... <see cref="DatabaseChangeType.ToggleCronJob"/>).</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Timestamp">When the server made the change.</param>
/// <param name="DataJson">The server's description of the job as JSON text, or null when it sent none.</param>
public sealed record CronJobChange(DatabaseChangeType Type, string ProjectId, DateTimeOffset Timestamp, string? DataJson);

/// <summary>
/// The project's whole database was replaced from a dump (<c>import_dump</c>): every row an app holds for the
/// project may be stale and should be reloaded.
/// </summary>
/// <param name="ProjectId">The project.</param>
/// <param name="Timestamp">When the server made the change.</param>
/// <param name="DataJson">The server's description of the import as JSON text, or null when it sent none.</param>
public sealed record DatabaseImported(string ProjectId, DateTimeOffset Timestamp, string? DataJson);
