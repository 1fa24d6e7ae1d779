using System;
using System.Collections;
using System.Collections.Generic;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Skaftin.Realtime.Generator.Model;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>The pipeline caches: unrelated edits re-run nothing, and models hold no Roslyn objects.</summary>
public sealed class IncrementalTests
{
    private const string Models = """
        using System;
        using Skaftin.Realtime;

        namespace Fleet;

        public enum VehicleStatus { Available, InService }

        [SkaftinTable("vehicles")]
        public sealed record Vehicle(int Id, string RegistrationNumber, VehicleStatus Status, DateTimeOffset CreatedAt);

        [SkaftinTable("drivers")]
        public sealed record Driver(int Id, string Name);

        [SkaftinProjectEvent("vehicle-dispatched")]
        public sealed record VehicleDispatched(int VehicleId, VehicleStatus Status);
        """;

    private const string Unrelated = """
        namespace App;

        public static class Program
        {
            public static int Main() => 0;
        }
        """;

    // The snapshot's steps run only with a snapshot, so the caching tests give the project one, matching the models.
    private const string Snapshot = """
        {
          "formatVersion": 1,
          "projectId": "demo",
          "takenAt": "2026-12-07T13:00:00.000Z",
          "source": "http://localhost:4006",
          "tables": [
            { "name": "drivers", "primaryKey": "id", "columns": [
              { "name": "id", "type": "integer", "nullable": false, "primaryKey": true },
              { "name": "name", "type": "text", "nullable": false } ], "constraints": [] },
            { "name": "vehicles", "primaryKey": "id", "columns": [
              { "name": "id", "type": "integer", "nullable": false, "primaryKey": true },
              { "name": "registration_number", "type": "text", "nullable": false },
              { "name": "status", "type": "text", "nullable": false },
              { "name": "created_at", "type": "timestamp", "nullable": false } ], "constraints": [] }
          ]
        }
        """;

    private static readonly System.Collections.Immutable.ImmutableArray<string> CachedSteps = IncrementalAssert.StepNames;

    [Fact]
    public void UnrelatedEditLeavesEveryStepCached()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Models, Unrelated });
        var driver = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, trackSteps: true, TestProject.WithSnapshot(Snapshot));

        var edited = compilation.ReplaceSyntaxTree(
            compilation.SyntaxTrees.Last(),
            CSharpSyntaxTree.ParseText(Unrelated.Replace("=> 0", "=> 42"), (CSharpParseOptions)compilation.SyntaxTrees.Last().Options, path: compilation.SyntaxTrees.Last().FilePath));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        foreach (var step in CachedSteps)
        {
            Assert.True(second.TrackedSteps.ContainsKey(step), $"step {step} was not tracked");
            var reasons = second.TrackedSteps[step].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
            Assert.NotEmpty(reasons);
            Assert.All(reasons, reason => Assert.True(
                reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                $"step {step} ran with reason {reason}"));
        }

        Assert.All(second.TrackedOutputSteps.SelectMany(static s => s.Value).SelectMany(static s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"an output ran with reason {output.Reason}"));
    }

    [Fact]
    public void EditingOneModelReEmitsOnlyThatTable()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Models });
        var driver = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, trackSteps: true);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText(
            Models.Replace("Driver(int Id, string Name)", "Driver(int Id, string Name, string? Phone)"), (CSharpParseOptions)tree.Options, path: tree.FilePath));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var specs = second.TrackedSteps[TrackingNames.TableSpecs].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
        Assert.Equal(2, specs.Count);
        Assert.Single(specs, static r => r == IncrementalStepRunReason.Modified);
        Assert.Single(specs, static r => r is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged);
    }

    [Fact]
    public void MovingADeclarationDoesNotReEmit()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Models });
        var driver = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, trackSteps: true);

        var tree = compilation.SyntaxTrees.Single();
        var edited = compilation.ReplaceSyntaxTree(tree, CSharpSyntaxTree.ParseText("// a comment that moves every line\n\n" + Models, (CSharpParseOptions)tree.Options, path: tree.FilePath));
        var second = driver.RunGenerators(edited).GetRunResult().Results.Single();

        var specs = second.TrackedSteps[TrackingNames.TableSpecs].SelectMany(static s => s.Outputs).Select(static o => o.Reason);
        Assert.All(specs, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"emission re-ran: {reason}"));
    }

    [Fact]
    public void ModelsHoldNoRoslynObjects()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Models });
        var result = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, trackSteps: true, TestProject.WithSnapshot(Snapshot)).GetRunResult().Results.Single();

        var checkedValues = 0;
        // Only our named steps: Roslyn's own ForAttributeWithMetadataName steps legitimately hold syntax trees.
        foreach (var step in CachedSteps.SelectMany(name => result.TrackedSteps[name]))
        {
            foreach (var (value, _) in step.Outputs)
            {
                PlainDataAssert.HoldsNoRoslynObject(value, value?.GetType().Name ?? "null");
                checkedValues++;
            }
        }

        Assert.True(checkedValues > 5, $"only {checkedValues} step outputs were checked");
    }

    [Fact]
    public void EditingTheSnapshotReChecksButDoesNotReEmit()
    {
        var compilation = GeneratorHarness.CreateCompilation(new[] { Models });
        var project = TestProject.WithSnapshot(Snapshot);
        var driver = GeneratorHarness.Run(compilation, LanguageVersion.CSharp12, trackSteps: true, project);
        Assert.Empty(driver.GetRunResult().Diagnostics);

        var edited = TestProject.WithSnapshot(Snapshot.Replace("\"name\", \"type\": \"text\", \"nullable\": false", "\"name\", \"type\": \"text\", \"nullable\": true"));
        driver = driver
            .ReplaceAdditionalText(project.AdditionalTexts.Single(), edited.AdditionalTexts.Single())
            .RunGenerators(compilation);
        var second = driver.GetRunResult();

        Assert.Equal(new[] { "SKR033" }, second.Diagnostics.Select(static d => d.Id));
        var checks = second.Results.Single().TrackedSteps[TrackingNames.SnapshotDiagnostics].SelectMany(static s => s.Outputs).Select(static o => o.Reason).ToList();
        Assert.Contains(IncrementalStepRunReason.Modified, checks);
        var specs = second.Results.Single().TrackedSteps[TrackingNames.TableSpecs].SelectMany(static s => s.Outputs).Select(static o => o.Reason);
        Assert.All(specs, reason => Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"emission re-ran: {reason}"));
    }
}
