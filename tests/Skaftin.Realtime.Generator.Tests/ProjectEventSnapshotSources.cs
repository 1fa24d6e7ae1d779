namespace Skaftin.Realtime.Generator.Tests;

/// <summary>The <c>[SkaftinProjectEvent]</c> sources of the snapshot tests, shared with the Roslyn 4.8 leg.</summary>
internal static class ProjectEventSnapshotSources
{
    public const string ProjectEventRecord = """
        using System;
        using System.Text.Json.Serialization;
        using Skaftin.Realtime;

        namespace Fleet;

        public enum VehicleStatus { Available, InService }

        [SkaftinProjectEvent("vehicle-dispatched")]
        public sealed record VehicleDispatched(long VehicleId, VehicleStatus Status, DateTimeOffset At, string? Note = "none")
        {
            [JsonPropertyName("dest")]
            public string Destination { get; init; } = "";
        }
        """;

    public const string ProjectEventNextToATableOfTheSameName = """
        using Skaftin.Realtime;

        [SkaftinTable("order_created")]
        public sealed record OrderRow(int Id, string Number);

        internal static class Events
        {
            [SkaftinProjectEvent("order:created")]
            internal sealed class OrderCreated
            {
                public required string Number { get; init; }

                public decimal Total { get; set; }
            }
        }
        """;
}
