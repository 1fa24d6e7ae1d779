using System;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Skaftin.Realtime.Benchmarks.Generator;
using Skaftin.Realtime.Benchmarks.Scale;

namespace Skaftin.Realtime.Benchmarks;

/// <summary>
/// One-shot measurements that a steady-state benchmark cannot make (run with <c>--probes</c>, in a fresh process):
/// the generator's first run including JIT, the memory an idle subscription keeps, and what a live table holds per row.
/// </summary>
public static class Probes
{
    /// <param name="only">"generator", "subscriptions" or "livetable" to run one; null for all.</param>
    public static void Run(string? only)
    {
        if (only is "livetable")
        {
            LiveTableMemory.Run(100_000);
            return;
        }

        if (only is null or "generator")
        {
            GeneratorColdRun(1000);
            Console.WriteLine();
        }

        if (only is "generator")
        {
            return;
        }

        foreach (var count in new[] { 1_000, 10_000, 30_000 })
        {
            SubscriptionMemory(count);
        }

        if (only is null)
        {
            Console.WriteLine();
            LiveTableMemory.Run(100_000);
        }
    }

    /// <summary>Distinct handler delegates (each a closure, as app code makes them), created before measuring.</summary>
    public static Action<Row0000>[] DistinctHandlers(int count)
    {
        var handlers = new Action<Row0000>[count];
        var counter = new long[1];
        for (var i = 0; i < count; i++)
        {
            var weight = i;
            handlers[i] = row => counter[0] += weight;
        }

        return handlers;
    }

    private static void GeneratorColdRun(int tables)
    {
        var clock = Stopwatch.StartNew();
        var references = GeneratorProjects.References;
        var referencesMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var compilation = GeneratorProjects.Create(tables);
        var parseMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var driver = GeneratorProjects.CreateDriver().RunGenerators(compilation);
        var firstMs = clock.Elapsed.TotalMilliseconds;
        var firstTiming = driver.GetTimingInfo();
        GeneratorProjects.CheckOutput(driver, tables);

        clock.Restart();
        var second = GeneratorProjects.CreateDriver().RunGenerators(compilation.Clone());
        var secondMs = clock.Elapsed.TotalMilliseconds;

        clock.Restart();
        var rerun = driver.RunGenerators(GeneratorProjects.EditUnrelated(compilation, 1));
        var rerunMs = clock.Elapsed.TotalMilliseconds;

        var laterFull = new double[3];
        for (var i = 0; i < laterFull.Length; i++)
        {
            clock.Restart();
            GeneratorProjects.CreateDriver().RunGenerators(compilation.Clone());
            laterFull[i] = clock.Elapsed.TotalMilliseconds;
        }

        var laterReruns = new double[5];
        var edited = compilation;
        for (var i = 0; i < laterReruns.Length; i++)
        {
            edited = GeneratorProjects.EditUnrelated(edited, 2 + i);
            clock.Restart();
            rerun = rerun.RunGenerators(edited);
            laterReruns[i] = clock.Elapsed.TotalMilliseconds;
        }

        var generatedChars = second.GetRunResult().GeneratedTrees.Sum(t => t.Length);
        Console.WriteLine($"Generator, {tables} tables, one process (cold = includes JIT of the generator and the Roslyn code it calls):");
        Console.WriteLine($"  load {references.Length} metadata references:       {referencesMs,8:N1} ms");
        Console.WriteLine($"  parse {tables + 2} source files:              {parseMs,8:N1} ms");
        Console.WriteLine($"  first run (cold):                       {firstMs,8:N1} ms  (driver timing: {firstTiming.ElapsedTime.TotalMilliseconds:N1} ms)");
        Console.WriteLine($"  second full run (fresh driver, clone):  {secondMs,8:N1} ms");
        Console.WriteLine($"  first re-run after an unrelated edit:   {rerunMs,8:N1} ms");
        Console.WriteLine($"  later full runs:                        {string.Join(", ", laterFull.Select(ms => ms.ToString("N1")))} ms");
        Console.WriteLine($"  later re-runs after unrelated edits:    {string.Join(", ", laterReruns.Select(ms => ms.ToString("N1")))} ms");
        Console.WriteLine($"  generated: {second.GetRunResult().GeneratedTrees.Length} files, {generatedChars:N0} characters");
        GC.KeepAlive(rerun);

        // Which steps re-ran after an unrelated edit ("Unchanged" = ran again and produced an equal value; "Cached" = skipped).
        var tracked = GeneratorProjects.CreateDriver(trackSteps: true).RunGenerators(compilation)
            .RunGenerators(GeneratorProjects.EditUnrelated(compilation, 99)).GetRunResult().Results.Single();
        Console.WriteLine("  step outputs after an unrelated edit, by reason:");
        foreach (var (name, steps) in tracked.TrackedSteps.Concat(tracked.TrackedOutputSteps).OrderBy(p => p.Key, StringComparer.Ordinal))
        {
            var reasons = steps.SelectMany(step => step.Outputs).GroupBy(o => o.Reason).Select(g => $"{g.Key} {g.Count()}");
            Console.WriteLine($"    {name}: {string.Join(", ", reasons)}");
        }
    }

    private static void SubscriptionMemory(int count)
    {
        var handlers = DistinctHandlers(count);
        var subscriptions = new IDisposable[count];
        var table = new SkaftinEventRouter().T0000();
        table.OnInserted(handlers[0]).Dispose();   // JIT the paths first

        var retainedBefore = GC.GetTotalMemory(forceFullCollection: true);
        var allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < count; i++)
        {
            subscriptions[i] = table.OnInserted(handlers[i]);
        }

        var subscribeMs = clock.Elapsed.TotalMilliseconds;
        var allocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        var retained = GC.GetTotalMemory(forceFullCollection: true) - retainedBefore;

        allocatedBefore = GC.GetAllocatedBytesForCurrentThread();
        clock.Restart();
        foreach (var subscription in subscriptions)
        {
            subscription.Dispose();
        }

        var disposeMs = clock.Elapsed.TotalMilliseconds;
        var disposeAllocated = GC.GetAllocatedBytesForCurrentThread() - allocatedBefore;
        GC.KeepAlive(table);
        GC.KeepAlive(handlers);

        Console.WriteLine($"{count,6:N0} idle OnInserted subscriptions on one table (handler delegates made beforehand, not counted):");
        Console.WriteLine($"  retained (GC.GetTotalMemory after full GC): {retained,14:N0} B = {retained / (double)count,8:N1} B per subscription");
        Console.WriteLine($"  allocated while subscribing (this thread):  {allocated,14:N0} B = {allocated / (double)count,8:N1} B per subscription");
        Console.WriteLine($"  time to subscribe all: {subscribeMs,8:N2} ms; to dispose all, one by one: {disposeMs,8:N2} ms (allocating {disposeAllocated:N0} B)");
    }
}
