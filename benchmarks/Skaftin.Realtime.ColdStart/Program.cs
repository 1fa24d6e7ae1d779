using System;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime;
using Skaftin.Realtime.ColdStart;

// One cold start, as an app does it: create the client, subscribe to a typed event, connect, join a project, take
// the first event. Started by the end-to-end harness's cold-start mode (docs/benchmarks/cold-start.md):
//
//   Skaftin.Realtime.ColdStart --url http://127.0.0.1:PORT --key KEY --project P
//
// Each phase prints `T <phase> <timestamp>` on stdout, the timestamp in nanoseconds of the monotonic clock
// (Stopwatch.GetTimestamp, CLOCK_MONOTONIC on Linux: the harness stamps the spawn on the same clock, as does the
// Node client with process.hrtime). `joined` is the harness's cue to send one event; `event` ends the run. Every wait
// is bounded (30 s in all); a failure prints `ERROR <message>` and exits with 1.
var mainAt = Stopwatch.GetTimestamp();
using var stdout = Console.OpenStandardOutput();
Stamp(stdout, "main", mainAt);
try
{
    string? url = null, key = null, project = null;
    for (var i = 0; i + 1 < args.Length; i += 2)
    {
        switch (args[i])
        {
            case "--url": url = args[i + 1]; break;
            case "--key": key = args[i + 1]; break;
            case "--project": project = args[i + 1]; break;
            default: throw new ArgumentException($"unknown argument {args[i]}");
        }
    }

    if (url is null || key is null || project is null)
    {
        throw new ArgumentException("--url, --key and --project are required");
    }

    using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
    await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
    {
        ApiUrl = new Uri(url),
        AccessTokenProvider = _ => ValueTask.FromResult(key),
    });
    var first = new TaskCompletionSource<long>(TaskCreationOptions.RunContinuationsAsynchronously);
    long eventAt = 0;
    using var inserted = client.Vehicles().OnInserted(vehicle =>
    {
        if (Interlocked.CompareExchange(ref eventAt, Stopwatch.GetTimestamp(), 0) == 0)
        {
            first.TrySetResult(vehicle.Id);
        }
    });
    Stamp(stdout, "created", Stopwatch.GetTimestamp());

    await client.StartAsync(timeout.Token).ConfigureAwait(false);
    Stamp(stdout, "connected", Stopwatch.GetTimestamp());

    await using var membership = await client.JoinProjectAsync(project, timeout.Token).ConfigureAwait(false);
    Stamp(stdout, "joined", Stopwatch.GetTimestamp());

    var id = await first.Task.WaitAsync(timeout.Token).ConfigureAwait(false);
    Stamp(stdout, "event", Interlocked.Read(ref eventAt), id.ToString(CultureInfo.InvariantCulture));
    return 0;
}
catch (Exception ex)
{
    var line = Encoding.UTF8.GetBytes($"ERROR {ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}\n");
    stdout.Write(line, 0, line.Length);
    return 1;
}

// Written straight to the stdout stream: no Console writer to set up inside a phase.
static void Stamp(Stream stdout, string phase, long timestamp, string? detail = null)
{
    var nanoseconds = (long)(timestamp * (1_000_000_000.0 / Stopwatch.Frequency));
    var line = Encoding.ASCII.GetBytes($"T {phase} {nanoseconds.ToString(CultureInfo.InvariantCulture)}{(detail is null ? "" : " " + detail)}\n");
    stdout.Write(line, 0, line.Length);
    stdout.Flush();
}

namespace Skaftin.Realtime.ColdStart
{
    /// <summary>The <c>status</c> column of the dev server's bench stream.</summary>
    public enum VehicleStatus
    {
        /// <summary>available</summary>
        Available,

        /// <summary>in_service</summary>
        InService,

        /// <summary>out_of_service</summary>
        OutOfService,
    }

    /// <summary>The row the dev server's bench mode streams (devserver/src/bench.js), as an app declares it.</summary>
    [SkaftinTable("vehicles")]
    public sealed record BenchVehicle(
        [property: SkaftinKey] long Id,
        string RegistrationNumber,
        VehicleStatus Status,
        int? Capacity,
        bool IsElectric,
        long Odometer,
        DateTimeOffset CreatedAt,
        double SentAtMs);
}
