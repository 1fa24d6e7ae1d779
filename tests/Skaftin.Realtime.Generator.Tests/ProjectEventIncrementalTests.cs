using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>The project-event steps cache like the table steps: an edit re-emits only what it touched.</summary>
public sealed class ProjectEventIncrementalTests
{
    private const string Models = """
        using Skaftin.Realtime;

        namespace Fleet;

        [SkaftinTable("vehicles")]
        public sealed record Vehicle(int Id, string RegistrationNumber);

        [SkaftinProjectEvent("vehicle-dispatched")]
        public sealed record VehicleDispatched(int VehicleId, string Destination);

        [SkaftinProjectEvent("shift-ended")]
        public sealed record ShiftEnded(int DriverId);
        """;

    [Fact]
    public void EditingOneProjectEventReEmitsOnlyIt()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Models });
        var driver = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, trackSteps: true);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Models.Replace("ShiftEnded(int DriverId)", "ShiftEnded(int DriverId, string? Reason)"), (CSharpParseOptions)tree.Options, path: tree.FilePath));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var events = second.TrackedSteps[TrackingNames.ProjectEventSpecs].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(2, events.Count);
        Assert.Single(events, static r => r == IncrementalStepRunReason.Modified);
        Assert.Single(events, static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
        var tables = second.TrackedSteps[TrackingNames.TableSpecs].SelectMany(static s => s.Outputs).Select(static o => o.Reason);
        Assert.All(tables, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"a table re-emitted: {reason}"));
    }

    [Fact]
    public void TheSecondRunOnAnIdenticalCompilationIsCachedAndHoldsPlainData()
    {
        var result = IncrementalAssert.RunTwiceAndAssertCached(GeneratorHarness.CreateCompilation(new[] { Models }), LanguageVersion.CSharp12);

        var hints = result.Results.Single().GeneratedSources.Select(static s => s.HintName).OrderBy(static h => h, System.StringComparer.Ordinal);
        Assert.Equal(new[] { "Fleet.ShiftEnded.ProjectEvent.g.cs", "Fleet.Vehicle.Realtime.g.cs", "Fleet.VehicleDispatched.ProjectEvent.g.cs" }, hints);
    }
}
