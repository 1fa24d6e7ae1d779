using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Reflection;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.EndToEnd.Clients;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>One stream shape: full speed, or a fixed rate for the latency numbers.</summary>
internal sealed record Scenario(string Name, int Events, double? RatePerSecond, int Warmup);

/// <summary>One client process's run within one scenario and repetition.</summary>
internal sealed record Run(Scenario Scenario, int Repetition, ClientResult Result);

/// <summary>
/// The parent process: starts the dev server, then runs every client kind in its own process against the same
/// bench stream, several repetitions with the client order rotated, and reports medians.
/// </summary>
internal sealed class Harness
{
    private readonly HarnessOptions _options;
    private readonly string _repoRoot;
    private readonly string _nodeClientDir;
    private int _runCounter;

    public Harness(HarnessOptions options)
    {
        _options = options;
        _repoRoot = FindRepoRoot();
        _nodeClientDir = Path.Combine(_repoRoot, "benchmarks", "node-client");
    }

    public async Task<int> RunAsync(string commandLine)
    {
        // Each warm-up streams at the scenario's own rate, long enough for the JIT's tiering to finish (the clients
        // report what the JIT still compiled in the measured window, so a short warm-up shows).
        var scenarios = new List<Scenario>
        {
            new("full speed", _options.Events, null, _options.Warmup ?? HarnessOptions.FullSpeedWarmup),
        };
        if (_options.FixedRate is { } rate)
        {
            var warmup = _options.Warmup ?? (int)Math.Ceiling(rate * HarnessOptions.FixedRateWarmup.TotalSeconds);
            scenarios.Add(new($"fixed {rate.ToString("N0", CultureInfo.InvariantCulture)}/s", _options.FixedRateEvents, rate, warmup));
        }

        var machine = await MachineInfo.CollectAsync(_repoRoot).ConfigureAwait(false);
        Console.WriteLine($"# end-to-end benchmark: {string.Join(", ", _options.Clients)}; {_options.Repetitions} repetitions");
        Console.WriteLine(machine.OneLine());

        if (_options.Clients.Contains(ClientKinds.Node))
        {
            await EnsureNodeClientInstalledAsync(_nodeClientDir).ConfigureAwait(false);
        }

        var runs = new List<Run>();
        var loadBefore = MachineInfo.LoadAverage();
        var started = DateTimeOffset.UtcNow;
        await using (var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
        {
            DevServerDirectory = Path.Combine(_repoRoot, "devserver"),
        }).ConfigureAwait(false))
        {
            using var http = new HttpClient { BaseAddress = server.Url, Timeout = Timeout.InfiniteTimeSpan };
            http.DefaultRequestHeaders.Add("x-api-key", server.DefaultApiKey);
            Console.WriteLine($"dev server {server.Url} (pid {server.ProcessId})");

            foreach (var scenario in scenarios)
            {
                for (var rep = 1; rep <= _options.Repetitions; rep++)
                {
                    // Rotate the order each repetition so no client always runs first (or right after another).
                    var order = _options.Clients.Skip((rep - 1) % _options.Clients.Count).Concat(_options.Clients.Take((rep - 1) % _options.Clients.Count));
                    foreach (var kind in order)
                    {
                        var result = await RunOnceAsync(kind, scenario, server, http).ConfigureAwait(false);
                        runs.Add(new Run(scenario, rep, result));
                        Console.WriteLine($"  {scenario.Name,-14} rep {rep}  {Report.OneLine(result)}");
                    }
                }
            }
        }

        var report = new Report(_options, scenarios, runs, machine, commandLine, started, loadBefore, MachineInfo.LoadAverage());
        var markdown = report.ToMarkdown();
        Console.WriteLine();
        Console.WriteLine(markdown);

        var output = _options.OutputPath ?? Path.Combine(
            _repoRoot, "benchmarks", "Skaftin.Realtime.EndToEnd", "results", $"end-to-end-{started:yyyyMMdd-HHmmss}.md");
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(output))!);
        await File.WriteAllTextAsync(output, markdown).ConfigureAwait(false);
        Console.WriteLine($"written to {output}");
        return runs.All(r => r.Result.Ok) ? 0 : 1;
    }

    private async Task<ClientResult> RunOnceAsync(string kind, Scenario scenario, SkaftinDevServer server, HttpClient http)
    {
        var project = $"bench{Interlocked.Increment(ref _runCounter)}";
        var maxDuration = TimeSpan.FromSeconds(60 + (scenario.Warmup + scenario.Events) / 1000.0);
        var stall = _options.StallTimeout;
        var args = new List<string>
        {
            "--url", server.Url.ToString(),
            "--key", server.DefaultApiKey,
            "--project", project,
            "--warmup", scenario.Warmup.ToString(CultureInfo.InvariantCulture),
            "--events", scenario.Events.ToString(CultureInfo.InvariantCulture),
        };
        ChildProcess child;
        if (kind == ClientKinds.Node)
        {
            args.InsertRange(0, new[] { Path.Combine(_nodeClientDir, "client.js") });
            args.AddRange(new[] { "--stall-ms", ((int)stall.TotalMilliseconds).ToString(CultureInfo.InvariantCulture), "--max-ms", ((int)maxDuration.TotalMilliseconds).ToString(CultureInfo.InvariantCulture) });
            child = ChildProcess.Start("node", args, _nodeClientDir);
        }
        else
        {
            args.InsertRange(0, new[] { "--client", kind });
            args.AddRange(new[] { "--stall-seconds", stall.TotalSeconds.ToString(CultureInfo.InvariantCulture), "--max-seconds", maxDuration.TotalSeconds.ToString(CultureInfo.InvariantCulture) });
            var (file, prefix) = SelfCommand();
            child = ChildProcess.Start(file, prefix.Concat(args), _repoRoot);
        }

        await using (child.ConfigureAwait(false))
        {
            Task<StreamResponse?>? measured = null;
            try
            {
                await child.WaitForLineAsync(l => l == "READY", TimeSpan.FromSeconds(60), "READY").ConfigureAwait(false);

                // Warm-up at the scenario's rate, then the measured stream once the client took its baselines.
                var warm = PostStreamAsync(http, project, scenario.Warmup, scenario.RatePerSecond, 1, maxDuration);
                var line = await child.WaitForLineAsync(l => l == "WARM" || l.StartsWith("RESULT ", StringComparison.Ordinal), maxDuration, "WARM").ConfigureAwait(false);
                await warm.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                if (line == "WARM")
                {
                    measured = PostStreamAsync(http, project, scenario.Events, scenario.RatePerSecond, scenario.Warmup + 1, maxDuration);
                    line = await child.WaitForLineAsync(l => l.StartsWith("RESULT ", StringComparison.Ordinal), maxDuration + TimeSpan.FromSeconds(30), "RESULT").ConfigureAwait(false);
                }

                var result = JsonSerializer.Deserialize<ClientResult>(line.AsSpan("RESULT ".Length), Json.Options)
                    ?? throw new InvalidOperationException("empty RESULT");
                if (measured is not null && result.Ok)
                {
                    var response = await measured.WaitAsync(TimeSpan.FromSeconds(30)).ConfigureAwait(false);
                    result = result with { ServerEventsPerSecond = response?.EventsPerSecond };
                }

                return result;
            }
            catch (Exception ex) when (ex is TimeoutException or InvalidOperationException or HttpRequestException or JsonException
                                           or System.ComponentModel.Win32Exception or OperationCanceledException)
            {
                var tail = child.StderrTail;
                return new ClientResult
                {
                    Kind = kind,
                    Events = scenario.Events,
                    Stalled = ex is TimeoutException,
                    Error = ex.Message + (tail.Length > 0 ? $" (stderr: {Last(tail, 600)})" : ""),
                };
            }
        }
    }

    private static async Task<StreamResponse?> PostStreamAsync(HttpClient http, string project, int count, double? rate, int firstId, TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout + TimeSpan.FromSeconds(30));
        var body = new Dictionary<string, object?>
        {
            ["projectId"] = project,
            ["count"] = count,
            ["ratePerSecond"] = rate,
            ["tableName"] = "vehicles",
            ["firstId"] = firstId,
            ["timeoutMs"] = (int)timeout.TotalMilliseconds,
        };
        using var response = await http.PostAsJsonAsync("/api/_bench/stream", body, cts.Token).ConfigureAwait(false);
        var text = await response.Content.ReadAsStringAsync(cts.Token).ConfigureAwait(false);
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/_bench/stream: {(int)response.StatusCode} {text}");
        }

        return JsonSerializer.Deserialize<StreamResponse>(text, Json.Options);
    }

    /// <summary>Runs <c>npm ci</c> in benchmarks/node-client when socket.io-client is not installed there.</summary>
    public static async Task EnsureNodeClientInstalledAsync(string nodeClientDir)
    {
        if (File.Exists(Path.Combine(nodeClientDir, "node_modules", "socket.io-client", "package.json")))
        {
            return;
        }

        Console.WriteLine($"npm ci in {nodeClientDir}");
        var info = new ProcessStartInfo("npm") { WorkingDirectory = nodeClientDir, UseShellExecute = false };
        foreach (var a in new[] { "ci", "--no-audit", "--no-fund" })
        {
            info.ArgumentList.Add(a);
        }

        using var npm = Process.Start(info) ?? throw new InvalidOperationException("could not start npm");
        try
        {
            await npm.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(5)).ConfigureAwait(false);
        }
        catch (TimeoutException)
        {
            npm.Kill(entireProcessTree: true);
            throw new InvalidOperationException("npm ci in benchmarks/node-client took over 5 minutes");
        }

        if (npm.ExitCode != 0)
        {
            throw new InvalidOperationException($"npm ci in benchmarks/node-client failed with exit code {npm.ExitCode}");
        }
    }

    /// <summary>How to start this program again: its apphost, or <c>dotnet</c> with this assembly.</summary>
    private static (string File, string[] Prefix) SelfCommand()
    {
        var process = Environment.ProcessPath ?? throw new InvalidOperationException("unknown process path");
        var name = Path.GetFileNameWithoutExtension(process);
        return string.Equals(name, "dotnet", StringComparison.OrdinalIgnoreCase)
            ? (process, new[] { Assembly.GetEntryAssembly()!.Location })
            : (process, Array.Empty<string>());
    }

    public static string FindRepoRoot()
    {
        foreach (var start in new[] { AppContext.BaseDirectory, Directory.GetCurrentDirectory() })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
            {
                if (File.Exists(Path.Combine(dir.FullName, "benchmarks", "node-client", "package.json"))
                    && File.Exists(Path.Combine(dir.FullName, "devserver", "package.json")))
                {
                    return dir.FullName;
                }
            }
        }

        throw new InvalidOperationException("Could not find the repository root (benchmarks/node-client and devserver/) above this program.");
    }

    private static string Last(string text, int chars) => text.Length <= chars ? text : "…" + text[^chars..];

    private sealed record StreamResponse(int Sent, int Sockets, double ElapsedMs, double EventsPerSecond, bool Complete, string? Reason);
}

/// <summary>The harness's settings (see <see cref="Program"/> for the command line).</summary>
internal sealed record HarnessOptions
{
    public int Events { get; init; } = 100_000;

    /// <summary>Warm-up events of every scenario; null: <see cref="FullSpeedWarmup"/>, <see cref="FixedRateWarmup"/>.</summary>
    public int? Warmup { get; init; }

    /// <summary>Full-speed warm-up: at 100,000–300,000 events/s, one to two seconds of a steady stream.</summary>
    public const int FullSpeedWarmup = 200_000;

    /// <summary>Fixed-rate warm-up: this long at the rate.</summary>
    public static readonly TimeSpan FixedRateWarmup = TimeSpan.FromSeconds(3);

    public int Repetitions { get; init; } = 3;

    public double? FixedRate { get; init; } = 10_000;

    public int FixedRateEvents { get; init; } = 50_000;

    public IReadOnlyList<string> Clients { get; init; } = ClientKinds.Default;

    public TimeSpan StallTimeout { get; init; } = TimeSpan.FromSeconds(10);

    public string? OutputPath { get; init; }

    public bool Quick { get; init; }
}
