using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;

namespace Skaftin.Realtime.EndToEnd.ColdStart;

/// <summary>One program under test: a published build (maybe with runtime settings) or the Node client.</summary>
internal sealed record ColdKind(string Name, string File, IReadOnlyList<string> Prefix, IReadOnlyDictionary<string, string> Environment, string Description);

/// <summary>
/// One cold start, in nanoseconds of the monotonic clock: the spawn (stamped by the harness just before it starts
/// the process), each phase the child stamped, and when the harness sent the event (after it read <c>joined</c>).
/// </summary>
internal sealed record ColdSample(string Kind, int Repetition, long SpawnNs, IReadOnlyDictionary<string, long> Stamps, long EventSentNs, string? Error)
{
    public static readonly string[] Phases = { "main", "created", "connected", "joined", "event" };

    public bool Ok => Error is null && Phases.All(Stamps.ContainsKey);

    /// <summary>Milliseconds from the spawn to <paramref name="phase"/>.</summary>
    public double At(string phase) => (Stamps[phase] - SpawnNs) / 1e6;

    /// <summary>Milliseconds from the phase before <paramref name="phase"/> (the spawn for the first) to it.</summary>
    public double Step(string phase)
    {
        var i = Array.IndexOf(Phases, phase);
        return (Stamps[phase] - (i == 0 ? SpawnNs : Stamps[Phases[i - 1]])) / 1e6;
    }

    /// <summary>Of the last phase, what the harness took to react to <c>joined</c> (read the line, send the request).</summary>
    public double HarnessReactionMs => (EventSentNs - Stamps["joined"]) / 1e6;
}

/// <summary>
/// The cold-start mode: publishes the cold-start client as JIT, ReadyToRun and NativeAOT builds, starts the dev server,
/// then runs every kind (and Node's socket.io-client) once per repetition, interleaved with the order rotated, from
/// process start to the first typed event. Each process is new; the first round is not measured (it pays the disk).
/// </summary>
internal sealed class ColdStartHarness
{
    private static readonly TimeSpan RunTimeout = TimeSpan.FromSeconds(30);

    private readonly ColdStartOptions _options;
    private readonly string _repoRoot;
    private readonly ColdStartBuilds _builds;
    private int _runCounter;

    public ColdStartHarness(ColdStartOptions options, string repoRoot)
    {
        _options = options;
        _repoRoot = repoRoot;
        _builds = new ColdStartBuilds(repoRoot);
    }

    public async Task<int> RunAsync(string commandLine)
    {
        var machine = await MachineInfo.CollectAsync(_repoRoot).ConfigureAwait(false);
        Console.WriteLine($"# cold-start benchmark: {_options.Repetitions} interleaved runs per kind");
        Console.WriteLine(machine.OneLine());
        var baseline = _options.BaselineRef is { } reference ? await _builds.DescribeAsync(reference).ConfigureAwait(false) : null;
        if (_options.Publish)
        {
            await _builds.PublishAsync(_options.Builds, _options.BaselineRef, _options.BaselineBuilds).ConfigureAwait(false);
        }

        await Harness.EnsureNodeClientInstalledAsync(Path.Combine(_repoRoot, "benchmarks", "node-client")).ConfigureAwait(false);
        var kinds = Kinds(baseline);
        foreach (var kind in kinds.Where(k => k.Prefix.Count == 0 && !File.Exists(k.File)))
        {
            throw new InvalidOperationException($"{kind.File} is missing: run without --no-publish");
        }

        var loadBefore = MachineInfo.LoadAverage();
        var uptimeBefore = Uptime();
        var started = DateTimeOffset.UtcNow;
        var samples = new List<ColdSample>();
        await using (var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            DevServerDirectory = Path.Combine(_repoRoot, "devserver"),
        }).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromSeconds(20) };
            http.DefaultRequestHeaders.Add("x-api-key", server.DefaultApiKey);
            Console.WriteLine($"dev server {server.Url} (pid {server.ProcessId})");
            await SendOneEventAsync(http, "warm-harness").ConfigureAwait(false); // the harness's own first request

            for (var rep = 0; rep <= _options.Repetitions; rep++)
            {
                var order = kinds.Skip(rep % kinds.Count).Concat(kinds.Take(rep % kinds.Count));
                foreach (var kind in order)
                {
                    var sample = await RunOnceAsync(kind, rep, server, http).ConfigureAwait(false);
                    Console.WriteLine($"  {(rep == 0 ? "unmeasured" : "rep " + rep),-10} {ColdStartReport.OneLine(sample)}");
                    if (rep > 0)
                    {
                        samples.Add(sample);
                    }
                }
            }
        }

        var report = new ColdStartReport(_options, kinds, samples, machine, commandLine, started, loadBefore, MachineInfo.LoadAverage(), uptimeBefore, Uptime(), baseline);
        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);
        var output = _options.OutputPath ?? Path.Combine(_repoRoot, "benchmarks", "Skaftin.Realtime.EndToEnd", "results", $"cold-start-{started:yyyyMMdd-HHmmss}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown).ConfigureAwait(false);
        Console.WriteLine($"written to {output}");
        return samples.All(s => s.Ok) ? 0 : 1;
    }

    private List<ColdKind> Kinds(string? baseline)
    {
        var none = new Dictionary<string, string>();
        var kinds = new List<ColdKind>
        {
            new("node", "node", new[] { Path.Combine(_repoRoot, "benchmarks", "node-client", "cold-start.js") }, none, "Node socket.io-client 4.8.4 (benchmarks/node-client/cold-start.js)"),
        };
        foreach (var build in _options.Builds)
        {
            kinds.Add(new(build, _builds.ExecutableOf(build, baseline: false), Array.Empty<string>(), none, $"benchmarks/Skaftin.Realtime.ColdStart, Release, {ColdStartBuilds.PropertiesOf(build)}"));
        }

        foreach (var variant in _options.Variants)
        {
            kinds.Add(new(variant.Name, _builds.ExecutableOf(variant.Build, baseline: false), Array.Empty<string>(), variant.Environment, variant.ToString()));
        }

        if (baseline is not null)
        {
            foreach (var build in _options.BaselineBuilds)
            {
                kinds.Add(new(build + "@base", _builds.ExecutableOf(build, baseline: true), Array.Empty<string>(), none, $"{build} of commit {baseline}"));
            }
        }

        return kinds;
    }

    private async Task<ColdSample> RunOnceAsync(ColdKind kind, int repetition, SkaftinDevServer server, HttpClient http)
    {
        var project = $"cold{Interlocked.Increment(ref _runCounter)}";
        var args = kind.Prefix.Concat(new[] { "--url", server.Url.ToString(), "--key", server.DefaultApiKey, "--project", project });
        var stamps = new Dictionary<string, long>(StringComparer.Ordinal);
        string? error = null;
        long sentNs = 0;
        var spawnNs = NowNs();
        var child = ChildProcess.Start(kind.File, args, _repoRoot, kind.Environment);
        await using (child.ConfigureAwait(false))
        {
            bool Take(string line, string until)
            {
                if (line.StartsWith("ERROR", StringComparison.Ordinal))
                {
                    error = line;
                    return true;
                }

                var parts = line.Split(' ');
                if (parts.Length >= 3 && parts[0] == "T" && long.TryParse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture, out var ns))
                {
                    stamps[parts[1]] = ns;
                    return parts[1] == until;
                }

                return false;
            }

            try
            {
                await child.WaitForLineAsync(l => Take(l, "joined"), RunTimeout, "joined").ConfigureAwait(false);
                if (error is null)
                {
                    sentNs = NowNs();
                    await SendOneEventAsync(http, project).ConfigureAwait(false);
                    await child.WaitForLineAsync(l => Take(l, "event"), RunTimeout, "event").ConfigureAwait(false);
                }
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or TaskCanceledException)
            {
                error = ex.Message;
            }
        }

        return new ColdSample(kind.Name, repetition, spawnNs, stamps, sentNs, error);
    }

    private static async Task SendOneEventAsync(HttpClient http, string project)
    {
        var body = new Dictionary<string, object?> { ["projectId"] = project, ["count"] = 1, ["tableName"] = "vehicles", ["firstId"] = 1 };
        using var response = await http.PostAsJsonAsync("/api/_bench/stream", body).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/_bench/stream: {(int)response.StatusCode} {await response.Content.ReadAsStringAsync().ConfigureAwait(false)}");
        }
    }

    /// <summary>The monotonic clock the children stamp on (CLOCK_MONOTONIC on Linux), in nanoseconds.</summary>
    private static long NowNs() => (long)(Stopwatch.GetTimestamp() * (1_000_000_000.0 / Stopwatch.Frequency));

    private static string Uptime()
    {
        try
        {
            var seconds = double.Parse(File.ReadAllText("/proc/uptime").Split(' ')[0], CultureInfo.InvariantCulture);
            return $"up {TimeSpan.FromSeconds(seconds):d\\.hh\\:mm}, load average {MachineInfo.LoadAverage()}";
        }
        catch (Exception ex) when (ex is IOException or FormatException)
        {
            return "?";
        }
    }
}
