using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Skaftin.Realtime.EndToEnd.ColdStart;

/// <summary>The cold-start mode's Markdown report: medians and ranges per phase, ratios to Node's median total.</summary>
internal sealed class ColdStartReport
{
    private static readonly (string Build, double Target)[] Targets = { ("jit", 1.0), ("r2r", 0.8), ("aot", 0.3) };

    private readonly ColdStartOptions _options;
    private readonly IReadOnlyList<ColdKind> _kinds;
    private readonly IReadOnlyList<ColdSample> _samples;
    private readonly MachineInfo _machine;
    private readonly string _command;
    private readonly DateTimeOffset _started;
    private readonly string _loadBefore;
    private readonly string _loadAfter;
    private readonly string _uptimeBefore;
    private readonly string _uptimeAfter;
    private readonly string? _baseline;

    public ColdStartReport(ColdStartOptions options, IReadOnlyList<ColdKind> kinds, IReadOnlyList<ColdSample> samples, MachineInfo machine, string command,
        DateTimeOffset started, string loadBefore, string loadAfter, string uptimeBefore, string uptimeAfter, string? baseline)
    {
        _options = options;
        _kinds = kinds;
        _samples = samples;
        _machine = machine;
        _command = command;
        _started = started;
        _loadBefore = loadBefore;
        _loadAfter = loadAfter;
        _uptimeBefore = uptimeBefore;
        _uptimeAfter = uptimeAfter;
        _baseline = baseline;
    }

    public static string OneLine(ColdSample s) => s.Ok
        ? $"{s.Kind,-16} total {s.At("event"),7:0.0} ms  (main {s.At("main"):0.0}, created {s.At("created"):0.0}, connected {s.At("connected"):0.0}, joined {s.At("joined"):0.0})"
        : $"{s.Kind,-16} FAILED: {s.Error ?? "missing phases: " + string.Join(", ", ColdSample.Phases.Where(p => !s.Stamps.ContainsKey(p)))}";

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine(CultureInfo.InvariantCulture, $"## Cold start, {_started:yyyy-MM-dd HH:mm} UTC");
        md.AppendLine();
        md.AppendLine(CultureInfo.InvariantCulture, $"- Machine: {_machine.OneLine()}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Source: {_machine.Source}{(_baseline is null ? "" : $"; baseline (`@base`): commit {_baseline}")}");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Load: before `{_uptimeBefore}`, after `{_uptimeAfter}` (1/5/15-minute load averages; 2 cores shared with other builds)");
        md.AppendLine(CultureInfo.InvariantCulture, $"- Command: `{_command}`");
        md.AppendLine(CultureInfo.InvariantCulture, $"- {_options.Repetitions} measured runs per kind, interleaved (order rotated each round) after one unmeasured round; every run a new process against the same dev server");
        md.AppendLine();
        md.AppendLine("| kind | what |");
        md.AppendLine("|---|---|");
        foreach (var kind in _kinds)
        {
            md.AppendLine(CultureInfo.InvariantCulture, $"| `{kind.Name}` | {kind.Description} |");
        }

        md.AppendLine();
        md.AppendLine("Milliseconds, median (min–max). Each column is one phase: spawn → `main` (the runtime starts, the program's first line), → created (client made, typed handler subscribed; for Node: `require` + `io()`), → connected, → joined (the server confirmed the join), → first typed event (includes the harness reading `joined` and sending the event: median in the last column). Total: spawn → first event.");
        md.AppendLine();
        md.AppendLine("| kind | ok | start → main | → created | → connected | → joined | → event | **total** | total ÷ Node's | harness reaction |");
        md.AppendLine("|---|---|---|---|---|---|---|---|---|---|");
        var node = MedianTotal("node");
        foreach (var kind in _kinds)
        {
            var ok = _samples.Where(s => s.Kind == kind.Name && s.Ok).ToList();
            var all = _samples.Count(s => s.Kind == kind.Name);
            if (ok.Count == 0)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{kind.Name}` | 0/{all} | | | | | | | | |");
                continue;
            }

            var cells = ColdSample.Phases.Select(p => Cell(ok.Select(s => s.Step(p))));
            var total = Median(ok.Select(s => s.At("event")));
            var ratio = node is { } n && n > 0 ? $"{total / n:0.00}×" : "–";
            md.AppendLine(CultureInfo.InvariantCulture,
                $"| `{kind.Name}` | {ok.Count}/{all} | {string.Join(" | ", cells)} | **{Cell(ok.Select(s => s.At("event")))}** | {ratio} | {Median(ok.Select(s => s.HarnessReactionMs)):0.0} |");
        }

        md.AppendLine();
        md.AppendLine("Targets (ratio of medians, this run):");
        md.AppendLine();
        md.AppendLine("| build | total ÷ Node's | target | |");
        md.AppendLine("|---|---|---|---|");
        foreach (var (build, target) in Targets)
        {
            if (MedianTotal(build) is { } total && node is { } n && n > 0)
            {
                var ratio = total / n;
                md.AppendLine(CultureInfo.InvariantCulture, $"| `{build}` | {ratio:0.00}× | ≤ {target:0.0}× | {(ratio <= target ? "met" : "missed")} |");
            }
        }

        if (_baseline is not null)
        {
            md.AppendLine();
            md.AppendLine(CultureInfo.InvariantCulture, $"Before/after (this tree ÷ commit {_baseline}, ratio of medians, same run):");
            md.AppendLine();
            md.AppendLine("| build | → created | → connected | → joined | → event | total |");
            md.AppendLine("|---|---|---|---|---|---|");
            foreach (var build in _options.BaselineBuilds)
            {
                var after = _samples.Where(s => s.Kind == build && s.Ok).ToList();
                var before = _samples.Where(s => s.Kind == build + "@base" && s.Ok).ToList();
                if (after.Count == 0 || before.Count == 0)
                {
                    continue;
                }

                string Ratio(Func<ColdSample, double> f) => $"{Median(after.Select(f)) / Median(before.Select(f)):0.00}×";
                md.AppendLine(CultureInfo.InvariantCulture,
                    $"| `{build}` | {Ratio(s => s.Step("created"))} | {Ratio(s => s.Step("connected"))} | {Ratio(s => s.Step("joined"))} | {Ratio(s => s.Step("event"))} | {Ratio(s => s.At("event"))} |");
            }
        }

        var failures = _samples.Where(s => !s.Ok).ToList();
        if (failures.Count > 0)
        {
            md.AppendLine();
            md.AppendLine("Failed runs:");
            md.AppendLine();
            foreach (var failure in failures)
            {
                md.AppendLine(CultureInfo.InvariantCulture, $"- `{failure.Kind}` rep {failure.Repetition}: {OneLine(failure).Trim()}");
            }
        }

        return md.ToString();
    }

    private double? MedianTotal(string kind)
    {
        var totals = _samples.Where(s => s.Kind == kind && s.Ok).Select(s => s.At("event")).ToList();
        return totals.Count > 0 ? Median(totals) : null;
    }

    private static string Cell(IEnumerable<double> values)
    {
        var list = values.ToList();
        return $"{Median(list):0.0} ({list.Min():0.0}–{list.Max():0.0})";
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        var mid = sorted.Count / 2;
        return sorted.Count % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
