using System.Text.Json.Serialization;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The data of a <c>vehicle-dispatched</c> project event, read by the generated reader.</summary>
[SkaftinProjectEvent("vehicle-dispatched")]
public sealed record VehicleDispatched(long VehicleId, VehicleStatus Status, string? Note = "none")
{
    [JsonPropertyName("dest")]
    public string Destination { get; init; } = "";
}

/// <summary>A project event whose type is free text, as servers send it.</summary>
[SkaftinProjectEvent("order:created")]
internal sealed record OrderCreated(string Number);
