using System;
using System.IO;
using System.Linq;
using System.Runtime.CompilerServices;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Running;
using Perfolizer.Horology;
using Skaftin.Realtime.Benchmarks;
using Skaftin.Realtime.Benchmarks.Decoding;

// dotnet run -c Release --project benchmarks/Skaftin.Realtime.Benchmarks -- [--quick] [--filter '*Decode*'] [other BenchmarkDotNet options]
//   --quick    ShortRun job (1 launch, 3 warm-up, 3 measured iterations of 200 ms): the whole suite in minutes
//   --verify   only check that every decoder produces the same rows, then exit
//   --profile-loop vehicle|wide|document|array SECONDS  the generated reader in a loop, to attach a profiler
//   --interleaved  only the decoders timed in alternation (a cross-check on a noisy machine), then exit
//   --probes [generator|subscriptions|livetable]
//              only the one-shot measurements (generator cold run, memory per idle subscription, live-table memory
//              per row at 100,000 rows), then exit
// Without --filter every benchmark runs. Results go to BenchmarkDotNet.Artifacts/ beside this file.

if (args.Contains("--verify"))
{
    Verification.RunAll();
    return 0;
}

if (Array.IndexOf(args, "--profile-loop") is var loop and >= 0)
{
    // For a sampling profiler (dotnet-trace): the generated reader on one payload, in a loop, for N seconds.
    Interleaved.Loop(args[loop + 1], double.Parse(args[loop + 2], System.Globalization.CultureInfo.InvariantCulture));
    return 0;
}

if (args.Contains("--interleaved"))
{
    Interleaved.Run();
    return 0;
}

if (Array.IndexOf(args, "--probes") is var probes and >= 0)
{
    Probes.Run(probes + 1 < args.Length ? args[probes + 1] : null);
    return 0;
}

var quick = args.Contains("--quick");
var rest = args.Where(a => a != "--quick").ToList();
if (!rest.Any(a => a is "--filter" or "-f" || a.StartsWith("--filter=", StringComparison.Ordinal)))
{
    rest.AddRange(new[] { "--filter", "*" });
}

// The benchmark process is a fresh build of this project (and the runtime and generator); on a shared 2-core machine
// that can take longer than BenchmarkDotNet's default 2-minute build timeout.
var config = DefaultConfig.Instance
    .WithArtifactsPath(Path.Combine(ProjectDirectory(), "BenchmarkDotNet.Artifacts"))
    .WithBuildTimeout(TimeSpan.FromMinutes(15));
if (quick)
{
    // ShortRun (1 launch, 3 warm-up and 3 measured iterations) with 200 ms iterations instead of 500 ms.
    config = config.AddJob(Job.ShortRun.WithIterationTime(TimeInterval.FromMilliseconds(200)).WithId("Quick"));
}

var summaries = BenchmarkSwitcher.FromAssembly(typeof(Verification).Assembly).Run(rest.ToArray(), config);
return summaries.Any(s => s.HasCriticalValidationErrors || s.Reports.Any(r => !r.Success)) ? 1 : 0;

static string ProjectDirectory([CallerFilePath] string path = "") => Path.GetDirectoryName(path)!;
