using System;

namespace Skaftin.Realtime;

/// <summary>
/// Declares that a record or class is the <c>data</c> of one type of <c>project-event</c>. The Skaftin source
/// generator then emits a reflection-free reader for it, a typed <c>{Type}Events</c> class and the
/// accessors <c>client.{Type}Events()</c> and <c>client.On{Type}(…)</c>. Project events of types no type declares stay
/// available raw through <see cref="SkaftinRealtimeClient.OnProjectEvent"/>.
/// </summary>
/// <example>
/// <code>
/// [SkaftinProjectEvent("vehicle-dispatched")]
/// public sealed record VehicleDispatched(long VehicleId, string Destination);
///
/// using var subscription = client.OnVehicleDispatched(e => Console.WriteLine(e.Data.Destination));
/// </code>
/// </example>
// Structs are accepted here so the generator, not the compiler, can say why a struct cannot be read (SKR001).
[AttributeUsage(AttributeTargets.Class | AttributeTargets.Struct, AllowMultiple = false, Inherited = false)]
public sealed class SkaftinProjectEventAttribute : Attribute
{
    /// <summary>Creates the attribute for the project events of the given type.</summary>
    /// <param name="eventType">The event's <c>type</c> as the server sends it, for example <c>vehicle-dispatched</c>.</param>
    public SkaftinProjectEventAttribute(string eventType) => EventType = eventType;

    /// <summary>The event's <c>type</c> as the server sends it.</summary>
    public string EventType { get; }
}
