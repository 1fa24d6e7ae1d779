using System;
using System.Diagnostics;
using System.IO;
using System.Runtime.InteropServices;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.EndToEnd.Clients;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>
/// One .NET client in its own process (<c>--client &lt;kind&gt;</c>), so its CPU time, allocations and peak RSS are
/// its own. Line protocol on stdout, shared with benchmarks/node-client/client.js:
/// <c>READY</c> (connected and joined), <c>WARM</c> (warm-up events arrived, baselines taken),
/// <c>RESULT {json}</c> (a <see cref="ClientResult"/>). It exits when its stdin closes (a dead harness).
/// </summary>
internal static class ChildMode
{
    public static async Task<int> RunAsync(ChildOptions options)
    {
        WatchStdin();
        var recorder = new Recorder(options.Warmup, options.Events);
        IBenchClient client;
        try
        {
            client = ClientKinds.Create(options.Kind, recorder);
        }
        catch (ArgumentException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message).ConfigureAwait(false);
            return 2;
        }

        var result = new ClientResult { Kind = options.Kind, Events = options.Events };
        var started = Stopwatch.StartNew();
        try
        {
            using (var startTimeout = new CancellationTokenSource(TimeSpan.FromSeconds(30)))
            {
                await client.StartAsync(options.Url, options.ApiKey, options.ProjectId, startTimeout.Token).ConfigureAwait(false);
            }

            Say("READY");
            var warm = await WaitAsync(recorder.Warm, recorder, options, started).ConfigureAwait(false);
            if (warm is not null)
            {
                result = result with { Stalled = true, Error = $"warm-up: {warm}" };
            }
            else
            {
                // Baselines once the warm-up events are in (JIT and tiering done, buffers grown).
                var allocated0 = GC.GetTotalAllocatedBytes(precise: true);
                var cpu0 = Environment.CpuUsage.TotalTime;
                var jit0 = System.Runtime.JitInfo.GetCompilationTime(currentThread: false);
                var poolItems0 = ThreadPool.CompletedWorkItemCount;
                var gen0 = GC.CollectionCount(0);
                var gen2 = GC.CollectionCount(2);
                var lostInWarmup = recorder.LostCount;
                Say("WARM");
                var stalled = await WaitAsync(recorder.Done, recorder, options, started).ConfigureAwait(false);
                var cpu = Environment.CpuUsage.TotalTime - cpu0;
                var jit = System.Runtime.JitInfo.GetCompilationTime(currentThread: false) - jit0;
                var poolItems = ThreadPool.CompletedWorkItemCount - poolItems0;
                var allocated = GC.GetTotalAllocatedBytes(precise: true) - allocated0;
                var measured = recorder.Measured;
                var (p50, p99, max) = Percentiles(recorder.Latencies);
                var elapsed = recorder.ElapsedMs;
                result = result with
                {
                    Received = measured,
                    Dropped = recorder.LostCount - lostInWarmup,
                    Stalled = stalled is not null,
                    Error = stalled ?? (recorder.LostCount > lostInWarmup ? $"{recorder.LostCount - lostInWarmup} events not delivered, first: {recorder.FirstLoss}" : null),
                    ElapsedMs = elapsed,
                    EventsPerSecond = elapsed > 0 ? measured * 1000.0 / elapsed : 0,
                    CpuSeconds = cpu.TotalSeconds,
                    JitMs = jit.TotalMilliseconds,
                    PoolWorkItems = poolItems,
                    AllocatedBytesPerEvent = measured > 0 ? allocated / (double)(measured + recorder.LostCount - lostInWarmup) : null,
                    Gen0Collections = GC.CollectionCount(0) - gen0,
                    Gen2Collections = GC.CollectionCount(2) - gen2,
                    P50Ms = p50,
                    P99Ms = p99,
                    MaxMs = max,
                };
            }
        }
        catch (Exception ex)
        {
            result = result with { Error = $"{ex.GetType().Name}: {ex.Message}" };
        }

        result = result with
        {
            PeakRssKb = PeakRssKb(),
            Runtime = $"{RuntimeInformation.FrameworkDescription}, {client.Describe()}",
        };
        Say("RESULT " + JsonSerializer.Serialize(result, Json.Options));

        try
        {
            await client.DisposeAsync().AsTask().WaitAsync(TimeSpan.FromSeconds(10)).ConfigureAwait(false);
        }
        catch (Exception)
        {
            // Closing is best effort; the harness reads the result and ends the process anyway.
        }

        return 0;
    }

    /// <summary>Peak resident set size of this process (VmHWM), in KiB; 0 where /proc is not there.</summary>
    internal static long PeakRssKb()
    {
        try
        {
            foreach (var line in File.ReadLines("/proc/self/status"))
            {
                if (line.StartsWith("VmHWM:", StringComparison.Ordinal))
                {
                    return long.Parse(line.AsSpan(6).Trim().TrimEnd("kB").Trim(), System.Globalization.CultureInfo.InvariantCulture);
                }
            }
        }
        catch (IOException)
        {
        }

        return 0;
    }

    internal static (double? P50, double? P99, double? Max) Percentiles(ReadOnlySpan<double> latencies)
    {
        if (latencies.IsEmpty)
        {
            return (null, null, null);
        }

        var sorted = latencies.ToArray();
        Array.Sort(sorted);
        return (Rank(sorted, 50), Rank(sorted, 99), sorted[^1]);

        static double Rank(double[] sorted, double p) =>
            sorted[Math.Clamp((int)Math.Ceiling(p / 100 * sorted.Length) - 1, 0, sorted.Length - 1)];
    }

    /// <summary>Waits for <paramref name="task"/>; returns null when it completed, else why the wait gave up.</summary>
    private static readonly TimeSpan WatchTick = TimeSpan.FromSeconds(1);

    private static async Task<string?> WaitAsync(Task task, Recorder recorder, ChildOptions options, Stopwatch started)
    {
        var lastProgress = recorder.Progress;
        var lastProgressAt = Stopwatch.GetTimestamp();
        while (!task.IsCompleted)
        {
            // The stall watch ticks once a second (as the Node client's does): it runs in the measured process, and a
            // 100 ms tick cost it ten timer wake-ups a second, each a thread-pool work item here.
            await Task.WhenAny(task, Task.Delay(WatchTick)).ConfigureAwait(false);
            var progress = recorder.Progress;
            if (progress != lastProgress)
            {
                lastProgress = progress;
                lastProgressAt = Stopwatch.GetTimestamp();
            }
            else if (!task.IsCompleted && Stopwatch.GetElapsedTime(lastProgressAt) > options.StallTimeout)
            {
                return $"stalled: no event for {options.StallTimeout.TotalSeconds:0} s after {progress} of {options.Warmup} + {options.Events}";
            }

            if (!task.IsCompleted && started.Elapsed > options.MaxDuration)
            {
                return $"stalled: still running after {options.MaxDuration.TotalSeconds:0} s ({progress} of {options.Warmup} + {options.Events})";
            }
        }

        return null;
    }

    private static void Say(string line)
    {
        Console.Out.WriteLine(line);
        Console.Out.Flush();
    }

    // The harness keeps our stdin open; when it closes, the harness is gone and so should we be.
    private static void WatchStdin()
    {
        var thread = new Thread(() =>
        {
            try
            {
                using var stdin = Console.OpenStandardInput();
                var buffer = new byte[64];
                while (stdin.Read(buffer, 0, buffer.Length) > 0)
                {
                }
            }
            catch (IOException)
            {
            }

            Environment.Exit(3);
        })
        {
            IsBackground = true,
            Name = "stdin watch",
        };
        thread.Start();
    }
}

/// <summary>The arguments of a client process.</summary>
internal sealed record ChildOptions(
    string Kind,
    Uri Url,
    string ApiKey,
    string ProjectId,
    int Warmup,
    int Events,
    TimeSpan StallTimeout,
    TimeSpan MaxDuration);

/// <summary>Shared JSON settings for the RESULT line.</summary>
internal static class Json
{
    public static readonly JsonSerializerOptions Options = new(JsonSerializerDefaults.Web) { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };
}
