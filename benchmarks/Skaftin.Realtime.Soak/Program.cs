// Soak: a million database-change events through the SDK with injected faults — dropped connections (recovered),
// bad payloads, and slow handlers that overflow the dispatch queue. Checks that nothing is lost without a trace
// (delivered + reported = sent), that queues drain, and that memory does not grow.
//   dotnet run -c Release --project benchmarks/Skaftin.Realtime.Soak -- [--events N] [--batch N]
using System;
using System.Diagnostics;
using System.IO;
using System.Net.Http;
using System.Threading;
using System.Threading.Tasks;
using System.Net.Http.Json;
using System.Text.Json;
using Skaftin.Realtime;
using Skaftin.Realtime.DevServer;
using Skaftin.Realtime.Soak;

var total = ArgValue("--events", 1_000_000);
var batch = ArgValue("--batch", 20_000);
var deadline = Stopwatch.StartNew();
const string Project = "soak";

await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Recovery = TimeSpan.FromMinutes(5) });
await server.Api.CreateTableAsync(Project, "vehicles", new[] { new DevColumn("id", "integer", PrimaryKey: true) });
await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
{
    ApiUrl = server.Url,
    ApiKey = server.DefaultApiKey,
    DispatchQueueCapacity = 10_000,
    RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
});

long delivered = 0, reported = 0, droppedByQueue = 0, decodeErrors = 0, handlerErrors = 0, unknownTypes = 0, resyncs = 0;
var slow = false;
var handlerCalls = 0L;
using var inserted = client.Vehicles().OnInserted(_ =>
{
    var n = Interlocked.Increment(ref handlerCalls);
    if (n % 50_000 == 0)
    {
        throw new InvalidOperationException("an injected handler failure"); // reported, and counted as delivered
    }

    Interlocked.Increment(ref delivered);
    if (Volatile.Read(ref slow))
    {
        Thread.SpinWait(20_000);
    }
});
using var errors = client.OnError(error =>
{
    Interlocked.Increment(ref reported);
    _ = error.Kind switch
    {
        RealtimeErrorKind.DispatchQueueFull => Interlocked.Increment(ref droppedByQueue),
        RealtimeErrorKind.DecodeFailed => Interlocked.Increment(ref decodeErrors),
        RealtimeErrorKind.HandlerFailed => Interlocked.Increment(ref handlerErrors),
        RealtimeErrorKind.UnknownEventType => Interlocked.Increment(ref unknownTypes),
        _ => 0,
    };
});
using var resync = client.Vehicles().OnResync(_ => Interlocked.Increment(ref resyncs));
await client.StartAsync();
await using var membership = await client.JoinProjectAsync(Project);

using var http = new HttpClient { BaseAddress = server.Url, Timeout = TimeSpan.FromMinutes(5) };
http.DefaultRequestHeaders.Add("x-api-key", server.DefaultApiKey);

GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var memoryBefore = GC.GetTotalMemory(forceFullCollection: true);
var rssBefore = Rss();
long sent = 0, badSent = 0, drops = 0, slowBatches = 0;
var round = 0;
while (sent < total && deadline.Elapsed < TimeSpan.FromMinutes(20))
{
    round++;
    var count = (int)Math.Min(batch, total - sent);
    Volatile.Write(ref slow, round % 7 == 0);
    slowBatches += round % 7 == 0 ? 1 : 0;
    using (var response = await http.PostAsJsonAsync("api/_bench/stream", new { projectId = Project, count, firstId = sent + 1 }))
    {
        response.EnsureSuccessStatusCode();
        var result = await response.Content.ReadFromJsonAsync<JsonElement>();
        sent += result.GetProperty("sent").GetInt64();
    }

    // Bad payloads between batches: each must be reported, none may stop the stream.
    foreach (var bad in BadPayloads.All(Project))
    {
        await server.Api.EmitAsync(Project, "database-change", bad);
        badSent++;
    }

    await WaitQuietAsync();
    Volatile.Write(ref slow, false);

    // Every fifth round: a network failure; with recovery on, the same session comes back.
    if (round % 5 == 0)
    {
        await server.Api.DropTransportsAsync();
        drops++;
        await UntilAsync(() => client.State == ConnectionState.Connected && client.LastReconnectRecovered, TimeSpan.FromSeconds(30));
    }
}

await WaitQuietAsync();
GC.Collect();
GC.WaitForPendingFinalizers();
GC.Collect();
var memoryAfter = GC.GetTotalMemory(forceFullCollection: true);
var accounted = delivered + handlerErrors + droppedByQueue + decodeErrors + unknownTypes;
var expected = sent + badSent;
Console.WriteLine($"events sent           {sent:N0} valid + {badSent:N0} bad in {round} rounds, {deadline.Elapsed.TotalSeconds:0.0} s");
Console.WriteLine($"delivered to handler  {delivered:N0} (+{handlerErrors:N0} injected handler failures, reported)");
Console.WriteLine($"reported              queue full {droppedByQueue:N0}, undecodable {decodeErrors:N0}, unknown type {unknownTypes:N0}");
Console.WriteLine($"faults                {drops} dropped connections (recovered), {slowBatches} slow-handler rounds, {resyncs} resync signals");
Console.WriteLine($"reconcile             delivered + reported = {accounted:N0}; sent = {expected:N0} -> {(accounted == expected ? "EXACT" : "MISMATCH")}");
Console.WriteLine($"managed heap          {memoryBefore / 1024.0 / 1024.0:0.0} MB before, {memoryAfter / 1024.0 / 1024.0:0.0} MB after; RSS {rssBefore / 1024.0:0} -> {Rss() / 1024.0:0} MB");
return accounted == expected ? 0 : 1;

// Delivered + reported stops moving once the queue has drained.
async Task WaitQuietAsync()
{
    var last = -1L;
    while (true)
    {
        await Task.Delay(300);
        var now = Interlocked.Read(ref delivered) + Interlocked.Read(ref reported);
        if (now == last)
        {
            return;
        }

        last = now;
    }
}

static async Task UntilAsync(Func<bool> condition, TimeSpan timeout)
{
    var clock = Stopwatch.StartNew();
    while (!condition())
    {
        if (clock.Elapsed > timeout)
        {
            throw new TimeoutException("the soak's client did not come back in time");
        }

        await Task.Delay(50);
    }
}

static long Rss()
{
    foreach (var line in File.ReadLines("/proc/self/status"))
    {
        if (line.StartsWith("VmRSS:", StringComparison.Ordinal))
        {
            return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]);
        }
    }

    return 0;
}

int ArgValue(string name, int fallback)
{
    var index = Array.IndexOf(args, name);
    return index >= 0 && index + 1 < args.Length ? int.Parse(args[index + 1]) : fallback;
}
