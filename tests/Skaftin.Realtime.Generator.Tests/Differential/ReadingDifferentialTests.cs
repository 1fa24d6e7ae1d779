using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using CsCheck;
using Xunit;
using Skaftin.Realtime.Tests.Shared;
using Xunit.Abstractions;

namespace Skaftin.Realtime.Generator.Tests.Differential;

/// <summary>
/// Random models and random rows, read by the generated reader and by System.Text.Json's source-generated context
/// with the same attributes: the same value, or both refuse, or the row holds a value drawn under one of docs/models.md's
/// documented differences (<see cref="DiffRules"/>). Fixed seed in the normal run; <c>SKAFTIN_FUZZ_NIGHTLY=1</c> runs
/// five times as many models from a random seed; <c>SKAFTIN_FUZZ_SEED=n</c> replays the run a failure printed.
/// </summary>
public sealed class ReadingDifferentialTests
{
    /// <summary>The normal run's seed.</summary>
    public const ulong FixedSeed = 20_261_207;

    private const int ModelsPerBatch = 25;
    private const int RowsPerModel = 40;

    private readonly ITestOutputHelper _output;

    public ReadingDifferentialTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void GeneratedReadersReadAsSystemTextJsonReads()
    {
        var nightly = Environment.GetEnvironmentVariable("SKAFTIN_FUZZ_NIGHTLY") == "1";
        var replayed = Environment.GetEnvironmentVariable("SKAFTIN_FUZZ_SEED");
        var seed = replayed is not null ? ulong.Parse(replayed, CultureInfo.InvariantCulture) : nightly ? (ulong)Random.Shared.NextInt64(1, long.MaxValue) : FixedSeed;
        var batches = nightly ? 100 : 20;
        var findings = new List<string>();
        var runner = new DiffRunner(findings);
        for (var b = 0; b < batches && findings.Count < 20; b++)
        {
            var pcg = new PCG(1, seed + (ulong)b);
            var batch = new List<(DiffModel, DiffRow[])>();
            for (var m = 0; m < ModelsPerBatch; m++)
            {
                var model = DiffGen.Model(b * ModelsPerBatch + m).Generate(pcg, null, out _);
                batch.Add((model, DiffGen.Row(model).Array[RowsPerModel].Generate(pcg, null, out _)));
            }

            runner.Run(batch, $"SKAFTIN_FUZZ_SEED={seed} (batch {b})");
        }

        var summary = $"seed {seed}: {runner.Models} models, {runner.Rows} rows: {runner.Agreed} agreed with System.Text.Json, " +
                      $"{runner.AgreedLeniently} agreed through a documented lenient form, {runner.RefusedStrictly} refused by a documented stricter rule";
        _output.WriteLine(summary);
        Assert.True(findings.Count == 0, $"{summary}\n{findings.Count} findings; replay with SKAFTIN_FUZZ_SEED={seed}\n\n{string.Join("\n\n", findings.Take(8))}");
        Assert.True(runner.Models >= batches * ModelsPerBatch, summary);
        Assert.True(runner.Agreed > runner.Rows / 4 && runner.AgreedLeniently > 0 && runner.RefusedStrictly > 0, "the rows must reach every branch of the oracle: " + summary);
    }

    // The oracle accepts a difference only under a rule the models guide lists, so each must be there.
    [Fact]
    public void TheModelsGuideListsEveryDifference()
    {
        var guide = File.ReadAllText(Path.Combine(Repository.Root, "docs", "models.md"));
        var start = guide.IndexOf("## Where the readers differ from System.Text.Json", StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/models.md has no '## Where the readers differ from System.Text.Json' section");
        var section = guide[start..];
        section = section[..section.IndexOf("\n## ", 1, StringComparison.Ordinal)];
        Assert.All(DiffRules.All, id => Assert.Contains("**" + id + "**", section, StringComparison.Ordinal));
    }
}
