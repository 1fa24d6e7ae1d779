using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Skaftin.Realtime.EndToEnd.Clients;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>Medians per client and scenario, the goals, and every run, as Markdown.</summary>
internal sealed class Report
{
    private static readonly CultureInfo Inv = CultureInfo.InvariantCulture;

    private readonly HarnessOptions _options;
    private readonly IReadOnlyList<Scenario> _scenarios;
    private readonly IReadOnlyList<Run> _runs;
    private readonly MachineInfo _machine;
    private readonly string _command;
    private readonly DateTimeOffset _started;
    private readonly string _loadBefore;
    private readonly string _loadAfter;

    public Report(HarnessOptions options, IReadOnlyList<Scenario> scenarios, IReadOnlyList<Run> runs, MachineInfo machine, string command,
        DateTimeOffset started, string loadBefore, string loadAfter)
    {
        _options = options;
        _scenarios = scenarios;
        _runs = runs;
        _machine = machine;
        _command = command;
        _started = started;
        _loadBefore = loadBefore;
        _loadAfter = loadAfter;
    }

    public static string OneLine(ClientResult r) => r.Ok
        ? string.Create(Inv, $"{r.Kind,-12} {r.EventsPerSecond,9:N0} ev/s  cpu {r.CpuSeconds,5:0.00} s  alloc {Num(r.AllocatedBytesPerEvent, "N0"),7} B/ev  rss {r.PeakRssKb / 1024.0,5:0} MB  p50 {Num(r.P50Ms, "0.00")} ms  p99 {Num(r.P99Ms, "0.00")} ms  (server {Num(r.ServerEventsPerSecond, "N0")} ev/s)")
        : $"{r.Kind,-12} {(r.Stalled ? "STALLED" : "FAILED")}: {r.Error} ({r.Received}/{r.Events} received, {r.Dropped} dropped)";

    public string ToMarkdown()
    {
        var md = new StringBuilder();
        md.AppendLine("# End-to-end realtime client benchmark");
        md.AppendLine();
        md.AppendLine(Inv, $"- Date: {_started:yyyy-MM-dd HH:mm} UTC, {(DateTimeOffset.UtcNow - _started).TotalMinutes:0.0} minutes");
        md.AppendLine(Inv, $"- Machine: {_machine.Cores} cores, {_machine.Cpu}; {_machine.Os}");
        md.AppendLine(Inv, $"- Runtimes: {_machine.DotNet}; Node {_machine.Node}; SocketIOClient {_machine.SocketIoClientNet}; dev server socket.io 4.8.4");
        md.AppendLine(Inv, $"- Source: {_machine.Source}");
        md.AppendLine(Inv, $"- Load average (1/5/15 min) before: {_loadBefore}, after: {_loadAfter} (a shared machine: compare within one run only)");
        md.AppendLine(Inv, $"- Command: `{_command}`");
        md.AppendLine(Inv, $"- Each measured stream follows a warm-up streamed at the scenario's rate ({string.Join(", ", _scenarios.Select(static s => string.Create(Inv, $"{s.Name}: {s.Warmup:N0} events")))}), so the JIT's tiering is over before the measured window (the .NET clients report what the JIT still compiled in it: \"JIT ms\"); every client runs in its own process; {_options.Repetitions} repetitions, client order rotated; tables show medians of the runs that completed.");
        md.AppendLine();

        foreach (var scenario in _scenarios)
        {
            var fixedRate = scenario.RatePerSecond is not null;
            md.AppendLine(Inv, $"## {(fixedRate ? $"Fixed rate, {scenario.RatePerSecond:N0} events/s" : "Full speed")}: {scenario.Events:N0} events");
            md.AppendLine();
            md.AppendLine("| client | events/s | vs raw | CPU s | CPU µs/event | alloc B/event | gen0 GCs | peak RSS MB | JIT ms | latency p50 ms | p99 ms | max ms | runs ok | failed runs |");
            md.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
            var raw = Summarize(scenario, ClientKinds.Raw);
            foreach (var kind in _options.Clients)
            {
                var s = Summarize(scenario, kind);
                if (s is null)
                {
                    var failed = RunsOf(scenario, kind).FirstOrDefault();
                    md.AppendLine(Inv, $"| {ClientKinds.Label(kind)} | {(failed?.Result.Stalled == true ? "stalled" : "failed")} | | | | | | | | | | | 0/{RunsOf(scenario, kind).Count()} | {Failures(scenario, kind)} |");
                    continue;
                }

                var vsRaw = raw is null ? "" : string.Create(Inv, $"{s.EventsPerSecond / raw.EventsPerSecond:0.00}×");
                md.AppendLine(Inv,
                    $"| {ClientKinds.Label(kind)} | {s.EventsPerSecond:N0}{(s.Lossy ? " (lost events)" : "")} | {vsRaw} | {s.CpuSeconds:0.00} | {s.CpuMicrosPerEvent:0.0} | {Num(s.AllocatedBytesPerEvent, "N0")} | {Num(s.Gen0, "N0")} | {s.PeakRssMb:0} | {Num(s.JitMs, "0")} | {Num(s.P50Ms, "0.00")} | {Num(s.P99Ms, "0.00")} | {Num(s.MaxMs, "0.0")} | {s.OkRuns}/{s.AllRuns} | {Failures(scenario, kind)} |");
            }

            md.AppendLine();
        }

        AppendGoals(md);
        AppendRuns(md);
        return md.ToString();
    }

    private void AppendGoals(StringBuilder md)
    {
        var full = _scenarios.First(s => s.RatePerSecond is null);
        var sdk = Summarize(full, ClientKinds.Sdk);
        var raw = Summarize(full, ClientKinds.Raw);
        var hand = Summarize(full, ClientKinds.Handwritten);
        var receiveThread = Summarize(full, ClientKinds.SdkReceiveThread);
        var fixedScenario = _scenarios.FirstOrDefault(s => s.RatePerSecond is not null);
        var sdkFixed = fixedScenario is null ? null : Summarize(fixedScenario, ClientKinds.Sdk);
        var node = Summarize(full, ClientKinds.Node);
        var nodeFixed = fixedScenario is null ? null : Summarize(fixedScenario, ClientKinds.Node);

        md.AppendLine("## Goals");
        md.AppendLine();
        md.AppendLine("| goal | target | measured | |");
        md.AppendLine("|---|---|---|---|");
        Goal("SDK throughput vs raw SocketIOClient (the ceiling)", "≥ 0.90×", sdk, raw,
            (a, b) => a.EventsPerSecond / b.EventsPerSecond, r => r >= 0.9,
            ThroughputDetail);
        Goal("… the same with DispatchOnReceiveThread = true", "≥ 0.90×", receiveThread, raw,
            (a, b) => a.EventsPerSecond / b.EventsPerSecond, r => r >= 0.9,
            ThroughputDetail);
        Goal("SDK throughput vs hand-written client", "≥ 6×", sdk, hand,
            (a, b) => a.EventsPerSecond / b.EventsPerSecond, r => r >= 6,
            ThroughputDetail);
        Goal("SDK allocation per event vs raw SocketIOClient", "≤ 0.50×", sdk, raw,
            (a, b) => a.AllocatedBytesPerEvent!.Value / b.AllocatedBytesPerEvent!.Value, r => r <= 0.5,
            (a, b) => string.Create(Inv, $"{a.AllocatedBytesPerEvent:N0} / {b.AllocatedBytesPerEvent:N0} B"),
            lossInvalidates: false);
        Goal("SDK full-speed throughput vs Node's socket.io-client", "≥ 1.0×", sdk, node,
            (a, b) => a.EventsPerSecond / b.EventsPerSecond, r => r >= 1.0,
            ThroughputDetail);
        if (fixedScenario is not null)
        {
            Goal(string.Create(Inv, $"SDK CPU per event at {fixedScenario.RatePerSecond:N0} events/s vs Node's socket.io-client"), "≤ 2.0×", sdkFixed, nodeFixed,
                (a, b) => a.CpuMicrosPerEvent / b.CpuMicrosPerEvent, r => r <= 2.0,
                (a, b) => string.Create(Inv, $"{a.CpuMicrosPerEvent:0.0} / {b.CpuMicrosPerEvent:0.0} µs"));
            var bytes = sdkFixed?.AllocatedBytesPerEvent;
            md.AppendLine(Inv, $"| SDK allocation per event at {fixedScenario.RatePerSecond:N0} events/s | ≤ 700 B | {(bytes is { } b ? string.Create(Inv, $"{b:N0} B") : "not measured")} | {(bytes is { } c ? (c <= 700 ? "**met**" : "**missed**") : "n/a")} |");
            var measured = sdkFixed?.P99Ms is { } p99 ? string.Create(Inv, $"{p99:0.00} ms (p50 {sdkFixed.P50Ms:0.00} ms)") : "no result";
            var met = sdkFixed?.P99Ms is { } p ? (sdkFixed.Lossy ? "**missed**: events lost" : p < 5 ? "**met**" : "**missed**") : "n/a";
            md.AppendLine(Inv, $"| SDK p99 dispatch latency at {fixedScenario.RatePerSecond:N0} events/s (loopback) | < 5 ms | {measured} | {met} |");
        }

        md.AppendLine();
        md.AppendLine("Throughput ratios compare median events/s; on a busy machine a client's rate depends on the CPU share it gets, so each is also given by CPU time per event (the other's µs/event ÷ the SDK's), which contention distorts less.");
        md.AppendLine();

        // "sdk / other events/s; by CPU per event: other µs ÷ sdk µs".
        static string ThroughputDetail(Summary a, Summary b) =>
            string.Create(Inv, $"{a.EventsPerSecond:N0} / {b.EventsPerSecond:N0} events/s; by CPU per event {b.CpuMicrosPerEvent / a.CpuMicrosPerEvent:0.00}× ({a.CpuMicrosPerEvent:0.0} vs {b.CpuMicrosPerEvent:0.0} µs)");

        // lossInvalidates: a rate measured while events were being dropped is not a rate the client sustains;
        // bytes allocated per event received are still what they are.
        void Goal(string name, string target, Summary? a, Summary? b, Func<Summary, Summary, double> ratio, Func<double, bool> ok,
            Func<Summary, Summary, string> detail, bool lossInvalidates = true)
        {
            if (a is null || b is null)
            {
                md.AppendLine(Inv, $"| {name} | {target} | not measured | n/a |");
                return;
            }

            var r = ratio(a, b);
            var verdict = lossInvalidates && a.Lossy
                ? "**missed**: the SDK lost events in every run (medians of those runs shown)"
                : lossInvalidates && b.Lossy ? "n/a: the baseline lost events"
                : (ok(r) ? "**met**" : "**missed**") + (a.Lossy ? " (from runs that lost events)" : "");
            md.AppendLine(Inv, $"| {name} | {target} | {r:0.00}× ({detail(a, b)}) | {verdict} |");
        }
    }

    private void AppendRuns(StringBuilder md)
    {
        md.AppendLine("## Every run");
        md.AppendLine();
        md.AppendLine("| scenario | rep | client | events/s | server events/s | CPU s | alloc B/event | JIT ms | pool work items | peak RSS MB | p50 ms | p99 ms | status |");
        md.AppendLine("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---|");
        foreach (var run in _runs)
        {
            var r = run.Result;
            var status = r.Ok ? "ok" : (r.Stalled ? "stalled: " : "failed: ") + (r.Error ?? "").Replace("|", "/", StringComparison.Ordinal).ReplaceLineEndings(" ");
            md.AppendLine(Inv,
                $"| {run.Scenario.Name} | {run.Repetition} | {r.Kind} | {r.EventsPerSecond:N0} | {Num(r.ServerEventsPerSecond, "N0")} | {r.CpuSeconds:0.00} | {Num(r.AllocatedBytesPerEvent, "N0")} | {Num(r.JitMs, "0")} | {Num(r.PoolWorkItems, "N0")} | {r.PeakRssKb / 1024.0:0} | {Num(r.P50Ms, "0.00")} | {Num(r.P99Ms, "0.00")} | {status} |");
        }

        md.AppendLine();
    }

    /// <summary>What went wrong in the runs left out of the medians: lost events (with the first reason), stalls, errors.</summary>
    private string Failures(Scenario scenario, string kind)
    {
        var parts = new List<string>();
        foreach (var run in RunsOf(scenario, kind).Where(r => !r.Result.Ok))
        {
            var r = run.Result;
            var what = r.Dropped > 0 && !r.Stalled
                ? string.Create(Inv, $"{r.Dropped:N0} of {r.Events:N0} events not delivered ({FirstWord(r.Error)})")
                : (r.Stalled ? "stalled" : "failed") + $": {r.Error}";
            parts.Add($"rep {run.Repetition}: {what}".Replace("|", "/", StringComparison.Ordinal).ReplaceLineEndings(" "));
        }

        return string.Join("; ", parts);

        static string FirstWord(string? error)
        {
            var text = error ?? "";
            var at = text.IndexOf("first: ", StringComparison.Ordinal);
            text = at >= 0 ? text[(at + "first: ".Length)..] : text;
            var colon = text.IndexOf(':', StringComparison.Ordinal);
            return colon > 0 ? text[..colon] : text;
        }
    }

    private IEnumerable<Run> RunsOf(Scenario scenario, string kind) => _runs.Where(r => r.Scenario == scenario && r.Result.Kind == kind);

    private Summary? Summarize(Scenario scenario, string kind)
    {
        var all = RunsOf(scenario, kind).ToList();
        var ok = all.Where(r => r.Result.Ok).Select(r => r.Result).ToList();
        var lossy = false;
        if (ok.Count == 0)
        {
            // No clean run: summarize the ones that completed but lost events, flagged as such.
            ok = all.Select(r => r.Result).Where(r => !r.Stalled && r.Dropped > 0 && r.Received + r.Dropped >= r.Events).ToList();
            lossy = true;
            if (ok.Count == 0)
            {
                return null;
            }
        }

        return new Summary(
            Median(ok.Select(r => r.EventsPerSecond)),
            Median(ok.Select(r => r.CpuSeconds)),
            Median(ok.Select(r => r.CpuSeconds * 1e6 / r.Events)),
            MedianOrNull(ok.Select(r => r.AllocatedBytesPerEvent)),
            MedianOrNull(ok.Select(r => (double?)r.Gen0Collections)),
            Median(ok.Select(r => r.PeakRssKb / 1024.0)),
            MedianOrNull(ok.Select(r => r.JitMs)),
            MedianOrNull(ok.Select(r => r.P50Ms)),
            MedianOrNull(ok.Select(r => r.P99Ms)),
            MedianOrNull(ok.Select(r => r.MaxMs)),
            lossy ? 0 : ok.Count,
            all.Count,
            lossy ? ok.Count : 0);
    }

    private static double Median(IEnumerable<double> values)
    {
        var sorted = values.OrderBy(v => v).ToArray();
        var mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }

    private static double? MedianOrNull(IEnumerable<double?> values)
    {
        var present = values.Where(v => v is not null).Select(v => v!.Value).ToArray();
        return present.Length == 0 ? null : Median(present);
    }

    private static string Num(double? value, string format) => value is { } v ? v.ToString(format, Inv) : "–";

    private sealed record Summary(
        double EventsPerSecond,
        double CpuSeconds,
        double CpuMicrosPerEvent,
        double? AllocatedBytesPerEvent,
        double? Gen0,
        double PeakRssMb,
        double? JitMs,
        double? P50Ms,
        double? P99Ms,
        double? MaxMs,
        int OkRuns,
        int AllRuns,
        int LossyRuns)
    {
        /// <summary>Medians of runs that lost events (no run was clean): a rate the client did not sustain.</summary>
        public bool Lossy => LossyRuns > 0;
    }
}
