using System;

namespace Skaftin.Realtime;

/// <summary>An application event of a project (<c>project-event</c>), with its data as JSON text.</summary>
/// <param name="Type">The event's type as the server sent it.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="DataJson">The event's data as JSON text, or null when it had none.</param>
/// <param name="Timestamp">When the server sent it (its clock: data, not an ordering key); null when the event carried none.</param>
public sealed record ProjectEvent(string Type, string ProjectId, string? DataJson, DateTimeOffset? Timestamp);
