using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// A cross-check for a noisy, shared machine (<c>--interleaved</c>): BenchmarkDotNet measures one decoder after
/// another, so a load change between them skews their ratios. Here every round times a short batch of each decoder
/// in turn (rotating the order), so all of them see the same load; the table gives each decoder's median and
/// fastest batch and their ratios to the floor's. Not a replacement for BenchmarkDotNet's numbers, a check on them.
/// </summary>
public static class Interleaved
{
    private const int Rounds = 61;
    private static readonly TimeSpan WarmUpTime = TimeSpan.FromMilliseconds(300);
    private static readonly TimeSpan BatchTime = TimeSpan.FromMilliseconds(4);
    private static object? _sink;
    private static int _intSink;

    public static void Run()
    {
        Console.WriteLine($"Interleaved: {WarmUpTime.TotalMilliseconds} ms warm-up per decoder, then {Rounds} rounds of batches of about {BatchTime.TotalMilliseconds} ms; per-operation times in ns.");
        var vehicle = new DecodeVehicleRow();
        vehicle.Setup();
        Measure("Vehicle row (8 columns)", Decoders(vehicle.Floor, vehicle.Generated, vehicle.StjReflection, vehicle.StjSourceGenerated, vehicle.NewtonsoftJObject, vehicle.SocketIOClientGetValue, vehicle.RowAndStringsOnly, vehicle.FloorWithConversions));
        var wide = new DecodeWideRow();
        wide.Setup();
        Measure("Wide row (30 columns)", Decoders(wide.Floor, wide.Generated, wide.StjReflection, wide.StjSourceGenerated, wide.NewtonsoftJObject, wide.SocketIOClientGetValue, wide.RowAndStringsOnly, wide.FloorWithConversions));
        var document = new DecodeJsonColumnRow();
        document.Setup();
        Measure("Row with a 10 KB JSON column", Decoders(document.Floor, document.Generated, document.StjReflection, document.StjSourceGenerated, document.NewtonsoftJObject, document.SocketIOClientGetValue, document.RowAndStringsOnly));
        var array = new DecodeVehicleArray();
        array.Setup();
        Measure("Array of 1,000 vehicle rows", Decoders(array.Floor, array.Generated, array.StjReflection, array.StjSourceGenerated, array.NewtonsoftJObject, array.SocketIOClientGetValue, array.RowAndStringsOnly, array.FloorWithConversions));
    }

    public static void Loop(string payload, double seconds)
    {
        Func<object> run = payload switch
        {
            "vehicle" => new DecodeVehicleRow().Generated,
            "wide" => new DecodeWideRow().Generated,
            "document" => new DecodeJsonColumnRow().Generated,
            "array" => new DecodeVehicleArray().Generated,
            _ => throw new ArgumentException("payload: vehicle, wide, document or array"),
        };
        var clock = Stopwatch.StartNew();
        long count = 0;
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            _sink = run();
            count++;
        }

        Console.WriteLine($"{count:N0} rows in {clock.Elapsed.TotalSeconds:N1} s: {clock.Elapsed.TotalMilliseconds * 1e6 / count:N1} ns each.");
    }

    private static (string Name, Action Run)[] Decoders<T1, T2, T3, T4, T5, T6>(
        Func<int> floor, Func<T1> generated, Func<T2> stj, Func<T3> stjSourceGenerated, Func<T4> newtonsoft, Func<T5> socketIO, Func<T6> rowOnly,
        Func<T1>? floorWithConversions = null) =>
        new (string, Action)[]
        {
            ("Floor", () => _intSink = floor()),
            ("Generated", () => _sink = generated()),
            ("StjReflection", () => _sink = stj()),
            ("StjSourceGenerated", () => _sink = stjSourceGenerated()),
            ("NewtonsoftJObject", () => _sink = newtonsoft()),
            ("SocketIOClientGetValue", () => _sink = socketIO()),
            ("RowAndStringsOnly", () => _sink = rowOnly()),
        }.Concat(floorWithConversions is null ? Array.Empty<(string, Action)>() : new (string, Action)[] { ("FloorWithConversions", () => _sink = floorWithConversions()) }).ToArray();

    private static void Measure(string title, (string Name, Action Run)[] decoders)
    {
        var batch = new int[decoders.Length];
        var allocated = new double[decoders.Length];

        // Warm up first (tiered JIT reaches its optimized code after a few hundred ms of calls).
        foreach (var (_, run) in decoders)
        {
            var warm = Stopwatch.StartNew();
            while (warm.Elapsed < WarmUpTime)
            {
                run();
            }
        }

        for (var d = 0; d < decoders.Length; d++)
        {
            var run = decoders[d].Run;
            var clock = Stopwatch.StartNew();
            var count = 0;
            while (clock.Elapsed < BatchTime || count < 16)
            {
                run();
                count++;
            }

            batch[d] = Math.Max(1, count);
            var before = GC.GetAllocatedBytesForCurrentThread();
            for (var i = 0; i < batch[d]; i++)
            {
                run();
            }

            allocated[d] = (GC.GetAllocatedBytesForCurrentThread() - before) / (double)batch[d];
        }

        var samples = decoders.Select(_ => new List<double>(Rounds)).ToArray();
        for (var round = 0; round < Rounds; round++)
        {
            for (var k = 0; k < decoders.Length; k++)
            {
                var d = (k + round) % decoders.Length;
                var run = decoders[d].Run;
                var n = batch[d];
                var start = Stopwatch.GetTimestamp();
                for (var i = 0; i < n; i++)
                {
                    run();
                }

                samples[d].Add(Stopwatch.GetElapsedTime(start).TotalMilliseconds * 1e6 / n);
            }
        }

        GC.KeepAlive(_sink);
        GC.KeepAlive(_intSink);
        var medians = samples.Select(Median).ToArray();
        var minima = samples.Select(s => s.Min()).ToArray();
        Console.WriteLine();
        Console.WriteLine($"#### {title}");
        Console.WriteLine();
        Console.WriteLine("| Decoder | Median ns | Ratio (medians) | Fastest ns | Ratio (fastest) | Allocated B/op |");
        Console.WriteLine("|---|---:|---:|---:|---:|---:|");
        for (var d = 0; d < decoders.Length; d++)
        {
            Console.WriteLine($"| {decoders[d].Name} | {medians[d]:N1} | {medians[d] / medians[0]:N2} | {minima[d]:N1} | {minima[d] / minima[0]:N2} | {allocated[d]:N0} |");
        }
    }

    private static double Median(List<double> values)
    {
        var sorted = values.OrderBy(v => v).ToList();
        return sorted[sorted.Count / 2];
    }
}
