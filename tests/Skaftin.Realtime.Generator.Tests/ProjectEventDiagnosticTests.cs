using System.Threading.Tasks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Testing;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>The diagnostics of <c>[SkaftinProjectEvent]</c> types, reported where the user can act on them.</summary>
public sealed class ProjectEventDiagnosticTests
{
    private static DiagnosticResult Diagnostic(string id, DiagnosticSeverity severity, int location, params object[] arguments) =>
        new DiagnosticResult(id, severity).WithLocation(location).WithArguments(arguments);

    [Fact]
    public Task SKR020_EmptyEventType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinProjectEvent(" ")|}]
        public sealed record Dispatched(long VehicleId);
        """,
        new[] { Diagnostic("SKR020", DiagnosticSeverity.Error, 0, " ", "Dispatched", "it is empty") });

    [Fact]
    public Task SKR020_EventTypeWithoutLetterOrDigit() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinProjectEvent("::")|}]
        public sealed record Dispatched(long VehicleId);
        """,
        new[] { Diagnostic("SKR020", DiagnosticSeverity.Error, 0, "::", "Dispatched", "it has no ASCII letter or digit (a-z, A-Z, 0-9), which the generated type names are made of") });

    [Fact]
    public Task SKR021_DuplicateEventType() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace A { [SkaftinProjectEvent("vehicle-dispatched")] public sealed record Dispatch(long VehicleId); }
        namespace B { [{|#0:SkaftinProjectEvent("vehicle-dispatched")|}] public sealed record Dispatch(long VehicleId, string Destination); }
        """,
        new[] { Diagnostic("SKR021", DiagnosticSeverity.Error, 0, "vehicle-dispatched", "A.Dispatch", "B.Dispatch") });

    [Fact]
    public Task SKR006_TwoProjectEventsGenerateOneName() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        [SkaftinProjectEvent("vehicle-dispatched")] public sealed record Dispatched(long VehicleId);
        [{|#0:SkaftinProjectEvent("vehicle_dispatched")|}] public sealed record Sent(long VehicleId);
        """,
        new[] { Diagnostic("SKR006", DiagnosticSeverity.Error, 0, "Fleet.VehicleDispatchedEvents", "vehicle_dispatched", "the class generated for table 'vehicle-dispatched' of 'Fleet.Dispatched'") });

    [Fact]
    public Task SKR022_KeyOnAProjectEvent() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        namespace Fleet;
        [SkaftinProjectEvent("vehicle-dispatched")]
        public sealed record VehicleDispatched([property: SkaftinKey] long {|#0:VehicleId|}, string Destination);
        """,
        new[] { Diagnostic("SKR022", DiagnosticSeverity.Warning, 0, "VehicleId", "Fleet.VehicleDispatched") });

    [Fact]
    public Task SKR023_StructEvent() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinProjectEvent("vehicle-dispatched")|}]
        public record struct VehicleDispatched(long VehicleId);
        """,
        new[] { Diagnostic("SKR023", DiagnosticSeverity.Error, 0, "VehicleDispatched", "it is a struct; declare the row type as a record or class") });

    [Fact]
    public Task SKR023_AmbiguousConstructor() => GeneratorHarness.VerifyAsync("""
        using Skaftin.Realtime;
        [{|#0:SkaftinProjectEvent("vehicle-dispatched")|}]
        public sealed class VehicleDispatched
        {
            public VehicleDispatched(long vehicleId) => VehicleId = vehicleId;
            public VehicleDispatched(string destination) => Destination = destination;
            public long VehicleId { get; }
            public string? Destination { get; }
        }
        """,
        new[] { Diagnostic("SKR023", DiagnosticSeverity.Error, 0, "VehicleDispatched", "it has 2 accessible constructors and none is parameterless or the primary constructor, so which one creates rows is ambiguous; mark one with [JsonConstructor]") });

    [Fact]
    public Task SKR004_UnsupportedMemberOfAProjectEvent() => GeneratorHarness.VerifyAsync("""
        using System.Collections.Generic;
        using Skaftin.Realtime;
        [SkaftinProjectEvent("scores-published")]
        public sealed record ScoresPublished(Dictionary<string, int> {|#0:Scores|});
        """,
        new[] { Diagnostic("SKR004", DiagnosticSeverity.Error, 0, "Scores", "ScoresPublished", "System.Collections.Generic.Dictionary<string, int>") });
}
