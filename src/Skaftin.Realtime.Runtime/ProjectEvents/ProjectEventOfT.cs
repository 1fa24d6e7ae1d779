using System;

namespace Skaftin.Realtime;

/// <summary>A <c>project-event</c> of a type the app declared with <see cref="SkaftinProjectEventAttribute"/>, its data typed.</summary>
/// <typeparam name="TData">The declared data type.</typeparam>
/// <param name="Type">The event's type as the server sent it.</param>
/// <param name="ProjectId">The project.</param>
/// <param name="Data">The event's data, decoded.</param>
/// <param name="Timestamp">When the server sent it (the server's clock: data, not an ordering key); null when the event carried none.</param>
public sealed record ProjectEvent<TData>(string Type, string ProjectId, TData Data, DateTimeOffset? Timestamp)
    where TData : class;
