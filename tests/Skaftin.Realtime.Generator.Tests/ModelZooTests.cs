using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using System.Text;
using Skaftin.Realtime.Generator.Tests.Zoo;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.Generator.Tests;

/// <summary>
/// The model zoo: every supported member type × declaration form × nullable context × member name × model kind, in
/// the covering design of <see cref="ZooDesign"/>. Each cell either compiles warning-free and reads back exactly the
/// value written (and its default when the column is missing), or an SKR diagnostic its kind allows explains it.
/// </summary>
public sealed class ModelZooTests
{
    private readonly ITestOutputHelper _output;

    public ModelZooTests(ITestOutputHelper output) => _output = output;

    [Fact]
    public void EveryCellCompilesAndRoundTripsOrIsExplained()
    {
        var vocabulary = ZooNames.All(BaselineFolder());
        var models = ZooDesign.Build(vocabulary);
        var run = ZooRunner.Run(models);

        _output.WriteLine($"{models.Count} models, {run.Cells} cells ({run.Excluded.Count} more set aside as invalid C#), {run.Compilations} compilations, " +
            $"{run.RoundTrips} values read back; {run.VerifiedCells} cells verified, {run.ExplainedCells} explained by an SKR diagnostic, {run.Findings.Count} findings");
        foreach (var group in run.Excluded.GroupBy(static e => e.Reason.Split(' ')[0]).OrderBy(static g => g.Key, StringComparer.Ordinal))
        {
            _output.WriteLine($"set aside ({group.Key}): {string.Join(", ", group.Select(static e => $"{e.Member.Name} [{e.Model.Form}]").Distinct().Take(20))}");
        }

        foreach (var group in run.Explanations.GroupBy(static e => e.Model.Kind))
        {
            _output.WriteLine($"explained ({group.Key}): {group.Count()} models, e.g. {group.First().Message}");
        }

        var unexplained = run.Findings.Where(static f => !ZooKnownIssue.All.Any(k => k.Matches(f))).ToList();
        foreach (var issue in ZooKnownIssue.All)
        {
            var matched = run.Findings.Count(issue.Matches);
            _output.WriteLine($"known issue {issue.Name}: {matched} findings");
            Assert.True(matched > 0, $"known issue '{issue.Name}' no longer happens: take it off ZooKnownIssue.All");
        }

        Assert.True(unexplained.Count == 0, Report(unexplained));
    }

    [Fact]
    public void TheDesignCoversEveryValueOfEveryDimension()
    {
        var vocabulary = ZooNames.All(BaselineFolder());
        var models = ZooDesign.Build(vocabulary);

        // The pairs the design promises in full.
        AssertPairs(models, static m => m.Form, static (_, t) => t.Label, Enum.GetValues<DeclarationForm>(), ZooTypes.All.Select(static t => t.Label));
        AssertPairs(models, static m => m.Context, static (_, t) => t.Label, Enum.GetValues<ZooNullable>(), ZooTypes.All.Select(static t => t.Label));
        AssertPairs(models, static m => m.Kind, static (_, t) => t.Label, Enum.GetValues<ModelKind>(), ZooTypes.All.Select(static t => t.Label));
        foreach (var form in Enum.GetValues<DeclarationForm>())
        {
            foreach (var context in Enum.GetValues<ZooNullable>())
            {
                foreach (var kind in Enum.GetValues<ModelKind>())
                {
                    Assert.Contains(models, m => m.Form == form && m.Context == context && m.Kind == kind && m.Members.Count > 0);
                }
            }
        }

        // Every name meets every form; every keyword, emitter identifier and runtime member is in the vocabulary.
        foreach (var form in Enum.GetValues<DeclarationForm>())
        {
            var names = models.Where(m => m.Form == form).SelectMany(static m => m.Members).Select(static m => m.Name).ToHashSet(StringComparer.Ordinal);
            var missing = vocabulary.Where(n => !names.Contains(n)).ToList();
            Assert.True(missing.Count == 0, $"{form} never uses {string.Join(", ", missing.Take(10))}");
        }

        Assert.Contains("class", vocabulary);
        Assert.Contains("Key", vocabulary);
        Assert.Contains("reader", vocabulary);
        Assert.Contains("ReadRow", vocabulary);
        Assert.Contains("OnInserted", vocabulary);

        // Every sample of every type is written somewhere.
        var written = models.SelectMany(static m => m.Members).Select(static m => (m.Type.Label, m.Sample.Json)).ToHashSet();
        Assert.All(ZooTypes.All.SelectMany(static t => t.Samples.Select(s => (t.Label, s.Json))), sample => Assert.Contains(sample, written));
    }

    private static void AssertPairs<TKey>(IReadOnlyList<ZooModel> models, Func<ZooModel, TKey> key, Func<ZooModel, ZooType, string> value,
        IEnumerable<TKey> keys, IEnumerable<string> values)
        where TKey : notnull
    {
        var seen = models.SelectMany(m => m.Members.Select(member => (key(m), value(m, member.Type)))).ToHashSet();
        var missing = keys.SelectMany(k => values.Select(v => (k, v))).Where(pair => !seen.Contains(pair)).ToList();
        Assert.True(missing.Count == 0, $"{missing.Count} pairs never meet, e.g. {string.Join(", ", missing.Take(5))}");
    }

    private static string Report(IReadOnlyList<ZooFinding> findings)
    {
        var text = new StringBuilder();
        text.AppendLine($"{findings.Count} findings in {findings.Select(static f => f.Class).Distinct().Count()} classes:");
        foreach (var group in findings.GroupBy(static f => f.Class).OrderByDescending(static g => g.Count()))
        {
            text.AppendLine($"== {group.Key} ({group.Count()})");
            foreach (var finding in group.Take(8))
            {
                text.AppendLine("   " + finding.Cell + ": " + finding.Detail);
            }
        }

        return text.ToString();
    }

    private static string BaselineFolder([CallerFilePath] string file = "") => Path.Combine(Path.GetDirectoryName(file)!, "Baselines");
}
