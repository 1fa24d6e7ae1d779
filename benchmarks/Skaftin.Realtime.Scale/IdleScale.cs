using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;

namespace Skaftin.Realtime.Scale;

/// <summary>
/// Many idle connections in one process: every client connected over the websocket and in a project of its own, then
/// nothing sent but the server's pings (every 25 s). Measured: the process's CPU time per second over a window, and
/// its thread count (the most seen, sampled each second). Variants, each in a fresh child process, interleaved: no
/// client at all (the runtime's own floor), a receive thread per connection for good (the design before idle
/// connections parked, kept as the baseline by <see cref="ReceiveThreads.QuietAfter"/>), the parked design as it was
/// before this round's levers ("parked-s26"), then one variant per lever, each adding it to the one before; the last
/// is the SDK as it ships.
/// </summary>
internal static class IdleScale
{
    // The levers of the parked design, measured one after another (each variant adds one to the one before; the last
    // is the SDK as it ships): "parked-s26" is the design before them.
    private static readonly string[] Variants = ["empty", "thread-per-connection", "parked-s26", "+reuse", "+short-quiet", "+watcher-pong", "+no-ws-keepalive"];

    private const string Shipped = "+no-ws-keepalive";

    public static async Task<string> RunAsync(int connections, int repetitions, TimeSpan settle, TimeSpan window, TimeSpan? pingInterval = null, IReadOnlyCollection<string>? only = null)
    {
        var variants = only is null ? Variants : Variants.Where(only.Contains).ToArray();
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { PingInterval = pingInterval });
        var results = variants.ToDictionary(v => v, _ => new List<JsonElement>());
        var failed = new Dictionary<string, int>();
        for (var rep = 0; rep < repetitions; rep++)
        {
            foreach (var variant in rep % 2 == 0 ? variants : variants.Reverse())
            {
                Console.Error.WriteLine($"idle: repetition {rep + 1}, {variant}");
                try
                {
                    results[variant].Add(await ChildRunner.RunAsync(
                [
                    "--child", "idle", "--url", server.Url.ToString(), "--key", server.DefaultApiKey,
                    "--connections", (variant == "empty" ? 0 : connections).ToString(CultureInfo.InvariantCulture),
                    "--park", variant is "empty" or "thread-per-connection" ? "off" : variant,
                    "--settle", settle.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    "--window", window.TotalSeconds.ToString(CultureInfo.InvariantCulture),
                    ], settle + window + TimeSpan.FromMinutes(2)));
                }
                catch (Exception ex) when (ex is InvalidOperationException or TimeoutException)
                {
                    // A child that crashed or hung is reported (in the table and here), not allowed to end the run.
                    failed[variant] = failed.GetValueOrDefault(variant) + 1;
                    Console.Error.WriteLine($"idle: repetition {rep + 1}, {variant} FAILED: {ex.Message}");
                }
            }
        }

        return Report(connections, repetitions, settle, window, results, failed);
    }

    public static async Task<int> ChildAsync(Uri url, string key, int connections, string park, TimeSpan settle, TimeSpan window)
    {
        if (park == "off")
        {
            ReceiveThreads.QuietAfter = Timeout.InfiniteTimeSpan;
        }

        // The levers this variant goes without (see Variants: each adds one).
        var lever = Array.IndexOf(Variants, park);
        if (park != "off" && lever < 0)
        {
            throw new ArgumentException($"unknown variant {park}");
        }

        if (park != "off" && lever < Array.IndexOf(Variants, "+reuse"))
        {
            SpareReceiveThreads.MaxSpare = 0;
        }

        if (park != "off" && lever < Array.IndexOf(Variants, "+short-quiet"))
        {
            BlockingSocketStream.QuietAfterPing = Timeout.InfiniteTimeSpan;
        }

        if (park != "off" && lever < Array.IndexOf(Variants, "+watcher-pong"))
        {
            BlockingSocketStream.AnswerPingsWhenParked = false;
        }

        if (lever < Array.IndexOf(Variants, "+no-ws-keepalive"))
        {
            SkaftinWebSocket.NoKeepAliveByDefault = false; // the baselines too: as they were
        }

        var drops = 0;
        var clients = new SkaftinRealtimeClient[connections];
        var memberships = new ProjectMembership[connections];
        var connecting = Stopwatch.StartNew();
        using (var gate = new SemaphoreSlim(20))
        {
            await Task.WhenAll(Enumerable.Range(0, connections).Select(async i =>
            {
                await gate.WaitAsync();
                try
                {
                    var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
                    {
                        ApiUrl = url,
                        AccessTokenProvider = _ => ValueTask.FromResult(key),
                        Transport = SkaftinTransport.WebSocket,
                    });
                    client.StateChanged += change =>
                    {
                        if (change.Current == ConnectionState.Reconnecting)
                        {
                            Interlocked.Increment(ref drops);
                        }
                    };
                    clients[i] = client;
                    await client.StartAsync();
                    memberships[i] = await client.JoinProjectAsync("idle-" + i.ToString(CultureInfo.InvariantCulture));
                }
                finally
                {
                    gate.Release();
                }
            }));
        }

        var connected = connecting.Elapsed;
        await Task.Delay(settle);
        GC.Collect();
        var threadsBefore = ProcessStats.Threads();
        var cpuBefore = ProcessStats.Cpu();
        var resumedBefore = ReadinessWatcher.Shared?.Resumed ?? 0;
        var answeredBefore = ReadinessWatcher.Shared?.PingsAnswered ?? 0;
        var startedBefore = SpareReceiveThreads.Started;
        var measuring = Stopwatch.StartNew();
        var threadsMax = threadsBefore;
        while (measuring.Elapsed < window)
        {
            // A blocking sleep, not Task.Delay: each timer continuation would wake a pool thread, whose spinning
            // before it sleeps again costs several ms per second here, more than what is measured.
            Thread.Sleep(TimeSpan.FromSeconds(1));
            threadsMax = Math.Max(threadsMax, ProcessStats.Threads());
        }

        var cpu = ProcessStats.Cpu() - cpuBefore;
        var threadsAtEnd = ProcessStats.Threads();
        var elapsed = measuring.Elapsed;
        var resumed = (ReadinessWatcher.Shared?.Resumed ?? 0) - resumedBefore;
        var answered = (ReadinessWatcher.Shared?.PingsAnswered ?? 0) - answeredBefore;
        var started = SpareReceiveThreads.Started - startedBefore;
        var stillConnected = clients.Count(c => c.State == ConnectionState.Connected);
        ChildRunner.Report(new
        {
            connections,
            cpuMsPerSecond = cpu.TotalMilliseconds / elapsed.TotalSeconds,
            threadsAtStart = threadsBefore,
            threadsMax,
            threadsAtEnd,
            connectSeconds = connected.TotalSeconds,
            stillConnected,
            drops,
            parkedAtEnd = ReadinessWatcher.Shared?.ParkedCount ?? 0,
            wakeUpsPerSecond = resumed / elapsed.TotalSeconds,
            pingsAnsweredPerSecond = answered / elapsed.TotalSeconds,
            threadsStartedPerSecond = started / elapsed.TotalSeconds,
        });

        foreach (var (client, membership) in clients.Zip(memberships))
        {
            await membership.DisposeAsync();
            await client.DisposeAsync();
        }

        return 0;
    }

    private static string Report(int connections, int repetitions, TimeSpan settle, TimeSpan window, Dictionary<string, List<JsonElement>> results, Dictionary<string, int> failed)
    {
        static double Median(IEnumerable<double> values)
        {
            var sorted = values.Order().ToArray();
            return sorted.Length % 2 == 1 ? sorted[sorted.Length / 2] : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
        }

        string Range(string variant, string field, string format)
        {
            var values = results[variant].Select(r => r.GetProperty(field).GetDouble()).ToArray();
            return $"{Median(values).ToString(format, CultureInfo.InvariantCulture)} ({values.Min().ToString(format, CultureInfo.InvariantCulture)}–{values.Max().ToString(format, CultureInfo.InvariantCulture)})";
        }

        double Med(string variant, string field) => Median(results[variant].Select(r => r.GetProperty(field).GetDouble()));

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### {connections} idle connections in one process");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{repetitions} repetitions per variant, interleaved; each a fresh process; {settle.TotalSeconds:0} s to settle after the last join, then a {window.TotalSeconds:0} s window. Medians (range).");
        text.AppendLine();
        text.AppendLine("| variant | connections | CPU ms per second | threads at start / most seen / at end of the window | still connected | drops | parked at end | wake-ups per second | pings answered by the watcher per second | threads started per second | children failed |");
        text.AppendLine("|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|");
        bool Has(string variant) => results.TryGetValue(variant, out var runs) && runs.Count > 0;
        foreach (var variant in Variants.Where(results.ContainsKey))
        {
            if (!Has(variant))
            {
                text.AppendLine(CultureInfo.InvariantCulture, $"| {variant} | | every child failed | | | | | | | | {failed.GetValueOrDefault(variant)} |");
                continue;
            }

            var sample = results[variant][0];
            text.AppendLine(CultureInfo.InvariantCulture,
                $"| {variant} | {sample.GetProperty("connections").GetInt32()} | {Range(variant, "cpuMsPerSecond", "0.0")} | {Med(variant, "threadsAtStart"):0} / {Range(variant, "threadsMax", "0")} / {Range(variant, "threadsAtEnd", "0")} | {results[variant].Min(r => r.GetProperty("stillConnected").GetInt32())} | {results[variant].Sum(r => r.GetProperty("drops").GetInt32())} | {Range(variant, "parkedAtEnd", "0")} | {Range(variant, "wakeUpsPerSecond", "0.0")} | {Range(variant, "pingsAnsweredPerSecond", "0.0")} | {Range(variant, "threadsStartedPerSecond", "0.00")} | {failed.GetValueOrDefault(variant)} |");
        }

        var cores = Environment.ProcessorCount;
        text.AppendLine();
        foreach (var variant in Variants.Skip(3).Where(v => Has(v) && Has(Variants[Array.IndexOf(Variants, v) - 1])))
        {
            var before = Variants[Array.IndexOf(Variants, variant) - 1];
            text.AppendLine(CultureInfo.InvariantCulture, $"- {variant} ÷ {before}: CPU {Med(variant, "cpuMsPerSecond") / Med(before, "cpuMsPerSecond"):0.00}×, threads (most seen) {Med(variant, "threadsMax") / Med(before, "threadsMax"):0.00}×");
        }

        if (!Has(Shipped) || !Has("thread-per-connection") || !Has("parked-s26") || !Has("empty"))
        {
            return text.ToString();
        }

        text.AppendLine(CultureInfo.InvariantCulture, $"- {Shipped} (as shipped) ÷ thread-per-connection: CPU {Med(Shipped, "cpuMsPerSecond") / Med("thread-per-connection", "cpuMsPerSecond"):0.00}×, threads (most seen) {Med(Shipped, "threadsMax") / Med("thread-per-connection", "threadsMax"):0.00}×; ÷ parked-s26: CPU {Med(Shipped, "cpuMsPerSecond") / Med("parked-s26", "cpuMsPerSecond"):0.00}×, threads {Med(Shipped, "threadsMax") / Med("parked-s26", "threadsMax"):0.00}×");
        text.AppendLine(CultureInfo.InvariantCulture, $"- targets (as shipped): CPU ≤ 5 ms/s → {Med(Shipped, "cpuMsPerSecond"):0.0} ms/s in all, {Med(Shipped, "cpuMsPerSecond") - Med("empty", "cpuMsPerSecond"):0.0} ms/s over the empty process ({(Med(Shipped, "cpuMsPerSecond") <= 5 ? "met" : "missed")}); threads ≤ 2 × {cores} cores + 30 = {2 * cores + 30} → most seen {Med(Shipped, "threadsMax"):0} ({(Med(Shipped, "threadsMax") <= 2 * cores + 30 ? "met" : "missed")}), at the end {Med(Shipped, "threadsAtEnd"):0} ({(Med(Shipped, "threadsAtEnd") <= 2 * cores + 30 ? "met" : "missed")})");
        return text.ToString();
    }
}
