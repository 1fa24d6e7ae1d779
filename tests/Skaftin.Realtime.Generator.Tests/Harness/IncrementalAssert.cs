using System;
using System.Collections.Generic;
using System.Collections.Immutable;
using System.Linq;
using System.Reflection;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Xunit;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The caching half of every generator test (as NetEscapades.EnumGenerators' TestHelpers does it): the driver runs
/// again on a clone of the same compilation, every named step must then be Cached or Unchanged with equal outputs,
/// and no step output may hold a Roslyn object (which would defeat caching and keep compilations alive).
/// </summary>
internal static class IncrementalAssert
{
    /// <summary>Every step name in <see cref="TrackingNames"/>, read from the class so a new step is checked without editing tests.</summary>
    public static readonly ImmutableArray<string> StepNames = typeof(TrackingNames)
        .GetFields(BindingFlags.Public | BindingFlags.Static)
        .Where(static f => f.IsLiteral && f.FieldType == typeof(string))
        .Select(static f => (string)f.GetRawConstantValue()!)
        .OrderBy(static n => n, StringComparer.Ordinal)
        .ToImmutableArray();

    /// <summary>
    /// Runs the generator twice (the second time on <c>compilation.Clone()</c>) and checks the second run re-used
    /// everything and the first run's outputs are plain data.
    /// </summary>
    /// <returns>The first run's result, for the caller's own checks.</returns>
    public static GeneratorDriverRunResult RunTwiceAndAssertCached(CSharpCompilation compilation, LanguageVersion languageVersion, TestProject? project = null)
    {
        var driver = GeneratorHarness.Run(compilation, languageVersion, trackSteps: true, project);
        var first = driver.GetRunResult();
        var second = driver.RunGenerators(compilation.Clone()).GetRunResult();

        var firstSteps = NamedSteps(first.Results.Single());
        var secondSteps = NamedSteps(second.Results.Single());
        Assert.True(firstSteps.ContainsKey(TrackingNames.ParseTables) || firstSteps.ContainsKey(TrackingNames.ParseProjectEvents), "neither parse step ran");
        Assert.Equal(firstSteps.Keys.OrderBy(static k => k, StringComparer.Ordinal), secondSteps.Keys.OrderBy(static k => k, StringComparer.Ordinal));

        foreach (var (name, runs) in secondSteps)
        {
            var firstOutputs = firstSteps[name].SelectMany(static s => s.Outputs).ToList();
            var secondOutputs = runs.SelectMany(static s => s.Outputs).ToList();
            Assert.Equal(firstOutputs.Count, secondOutputs.Count);
            for (var i = 0; i < secondOutputs.Count; i++)
            {
                var reason = secondOutputs[i].Reason;
                Assert.True(reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged,
                    $"step {name} output {i} ran again on an identical compilation (reason {reason})");
                Assert.True(Equals(firstOutputs[i].Value, secondOutputs[i].Value),
                    $"step {name} output {i} is not equal across two runs on an identical compilation: its model is not value-equatable");
            }

            foreach (var (value, _) in firstOutputs)
            {
                PlainDataAssert.HoldsNoRoslynObject(value, $"{name}:{value?.GetType().Name ?? "null"}");
            }
        }

        // A source output fed straight by a named step (emission) must not run again either. Outputs fed by an
        // unnamed step (the diagnostic reports, combined with the compilation to find their syntax trees) may.
        var namedOutputs = second.Results.Single().TrackedOutputSteps.SelectMany(static s => s.Value)
            .Where(static s => s.Inputs.Any(static i => StepNames.Contains(i.Source.Name ?? "")))
            .ToList();
        Assert.True(namedOutputs.Count > 0 || !(firstSteps.ContainsKey(TrackingNames.TableSpecs) || firstSteps.ContainsKey(TrackingNames.ProjectEventSpecs)), "no source output is fed by a named step");
        Assert.All(namedOutputs.SelectMany(static s => s.Outputs), output =>
            Assert.True(output.Reason is IncrementalStepRunReason.Cached or IncrementalStepRunReason.Unchanged, $"a source output fed by a named step ran again (reason {output.Reason})"));
        return first;
    }

    private static Dictionary<string, ImmutableArray<IncrementalGeneratorRunStep>> NamedSteps(GeneratorRunResult result) =>
        result.TrackedSteps
            .Where(static s => StepNames.Contains(s.Key))
            .ToDictionary(static s => s.Key, static s => s.Value);
}
