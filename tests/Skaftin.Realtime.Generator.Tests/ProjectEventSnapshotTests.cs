using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>Generated output for <c>[SkaftinProjectEvent]</c> types, compared with the checked-in baselines and compiled.</summary>
public sealed class ProjectEventSnapshotTests
{
    [Fact]
    public Task ProjectEventRecord() => GeneratorHarness.VerifyAsync("""
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
        """);

    [Fact]
    public Task ProjectEventNextToATableOfTheSameName() => GeneratorHarness.VerifyAsync("""
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
        """);
}
