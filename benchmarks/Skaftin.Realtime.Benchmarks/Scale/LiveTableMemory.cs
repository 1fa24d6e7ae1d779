using System;
using System.Diagnostics;
using Skaftin.Realtime.Benchmarks.Decoding;

namespace Skaftin.Realtime.Benchmarks.Scale;

/// <summary>
/// What a live table keeps per row (<c>--probes livetable</c>, one shot in a fresh process): the retained bytes of the
/// row objects themselves (each <see cref="Vehicle"/> and its registration string), then what a loaded
/// <see cref="LiveTable{TRow, TKey}"/> of the same rows adds on top (its key map, its sorted view and their slack),
/// both by <see cref="GC.GetTotalMemory(bool)"/> after a full collection.
/// </summary>
public static class LiveTableMemory
{
    public static void Run(int count)
    {
        // JIT the load path first, on a small table, so its code and statics are not counted.
        var (_, warm) = LiveRows.Start(LiveRows.Loaded(100));
        warm.Dispose();

        var empty = GC.GetTotalMemory(forceFullCollection: true);
        var holder = new Vehicle[count];
        var arrayOnly = GC.GetTotalMemory(forceFullCollection: true);
        var fresh = LiveRows.Loaded(count);
        Array.Copy(fresh, holder, count);
        fresh = null;
        var withRows = GC.GetTotalMemory(forceFullCollection: true);

        var clock = Stopwatch.StartNew();
        var (router, live) = LiveRows.Start(holder);
        var startMs = clock.Elapsed.TotalMilliseconds;
        var withTable = GC.GetTotalMemory(forceFullCollection: true);

        // A reload holds the new rows' maps while the old ones go: what is retained after it is what stays.
        clock.Restart();
        live.ReloadAsync().GetAwaiter().GetResult();
        var reloadMs = clock.Elapsed.TotalMilliseconds;
        var afterReload = GC.GetTotalMemory(forceFullCollection: true);

        var rowBytes = withRows - arrayOnly;
        var tableBytes = withTable - withRows;
        var reloadedBytes = afterReload - withRows;
        Console.WriteLine($"LiveTable<Vehicle, int> with {count:N0} rows (retained, GC.GetTotalMemory after a full GC):");
        Console.WriteLine($"  the rows themselves (objects + strings): {rowBytes,14:N0} B = {rowBytes / (double)count,7:N1} B per row");
        Console.WriteLine($"  the array holding them (not counted):    {arrayOnly - empty,14:N0} B");
        Console.WriteLine($"  the live table on top of them:           {tableBytes,14:N0} B = {tableBytes / (double)count,7:N1} B per row = {tableBytes / (double)rowBytes:N2}x the row");
        Console.WriteLine($"  the live table after one reload:         {reloadedBytes,14:N0} B = {reloadedBytes / (double)count,7:N1} B per row = {reloadedBytes / (double)rowBytes:N2}x the row");
        Console.WriteLine($"  rows + table, per row:                   {(rowBytes + tableBytes) / (double)count,7:N1} B = {(rowBytes + tableBytes) / (double)rowBytes:N2}x the row alone");
        Console.WriteLine($"  (first load {startMs:N1} ms, one reload {reloadMs:N1} ms, JIT of the load path done beforehand)");
        GC.KeepAlive(holder);
        GC.KeepAlive(router);
        live.Dispose();
    }
}
