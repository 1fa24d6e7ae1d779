using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;

namespace Skaftin.Realtime.Scale;

/// <summary>
/// One connection in many projects, against the real dev server. The "rooms" child: sequential joins, leave-all
/// (until the membership disposals return, and until the server shows no room), concurrent joins, and the rejoin of
/// every room after the server drops the socket's connection (until the client is Connected again, which it says only once
/// every held room is joined, and until the server lists them all). The "events-1" and "events-N" children: CPU per
/// event of a 10,000 events/s stream into one project, with that project alone or with N − 1 more joined.
/// </summary>
internal static class RoomScale
{
    private const int StreamEvents = 20_000;
    private const double StreamRate = 10_000;
    private static readonly TimeSpan Deadline = TimeSpan.FromMinutes(2);

    public static async Task<string> RunAsync(int rooms, int repetitions)
    {
        await using var server = await SkaftinDevServer.StartAsync();
        var runs = new List<JsonElement>();
        var events = new Dictionary<string, List<JsonElement>> { ["events-1"] = [], ["events-N"] = [] };
        for (var rep = 0; rep < repetitions; rep++)
        {
            Console.Error.WriteLine($"rooms: repetition {rep + 1}");
            string[] Args(string variant) => ["--child", "rooms", "--variant", variant, "--url", server.Url.ToString(), "--key", server.DefaultApiKey, "--rooms", rooms.ToString(CultureInfo.InvariantCulture)];
            runs.Add(await ChildRunner.RunAsync(Args("rooms"), Deadline * 3));
            foreach (var variant in rep % 2 == 0 ? new[] { "events-1", "events-N" } : ["events-N", "events-1"])
            {
                events[variant].Add(await ChildRunner.RunAsync(Args(variant), Deadline));
            }
        }

        return Report(rooms, repetitions, runs, events);
    }

    public static async Task<int> ChildAsync(Uri url, string key, int rooms, string variant)
    {
        using var http = new HttpClient { BaseAddress = url };
        http.DefaultRequestHeaders.Add("x-api-key", key);
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = url,
            AccessTokenProvider = _ => ValueTask.FromResult(key),
            Transport = SkaftinTransport.WebSocket,
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        var resyncs = 0;
        using var resync = client.Vehicles().OnResync(_ => Interlocked.Increment(ref resyncs));
        await client.StartAsync();
        var run = Guid.NewGuid().ToString("N")[..6];

        if (variant == "rooms")
        {
            var watch = Stopwatch.StartNew();
            var sequential = new List<ProjectMembership>();
            for (var i = 0; i < rooms; i++)
            {
                sequential.Add(await client.JoinProjectAsync($"s{run}-{i}"));
            }

            var joinSequential = watch.Elapsed;
            await UntilRoomsAsync(http, client, rooms);
            var (leaveReturned, leaveConfirmed) = await LeaveAllAsync(http, client, sequential);

            watch.Restart();
            var concurrent = await Task.WhenAll(Enumerable.Range(0, rooms).Select(i => client.JoinProjectAsync($"c{run}-{i}")));
            var joinConcurrent = watch.Elapsed;
            await UntilRoomsAsync(http, client, rooms);

            var socketId = client.SocketId;
            Volatile.Write(ref resyncs, 0);
            watch.Restart();
            // The server closes the socket's connection as a network failure would: the client reconnects by itself.
            (await http.PostAsync("/api/_test/drop-transports", null)).EnsureSuccessStatusCode();
            await Until(() => client.State == ConnectionState.Connected && client.SocketId != socketId, "the client is connected again");
            var rejoinConnected = watch.Elapsed;
            var rejoined = await UntilRoomsAsync(http, client, rooms);
            var rejoinServer = watch.Elapsed;
            var (leaveAllReturned, leaveAllConfirmed) = await LeaveAllAsync(http, client, concurrent);

            ChildRunner.Report(new
            {
                rooms,
                joinSequentialSeconds = joinSequential.TotalSeconds,
                joinConcurrentSeconds = joinConcurrent.TotalSeconds,
                rejoinConnectedSeconds = rejoinConnected.TotalSeconds,
                rejoinServerSeconds = rejoinServer.TotalSeconds,
                rejoined,
                resyncs = Volatile.Read(ref resyncs),
                leaveReturnedSeconds = leaveReturned.TotalSeconds,
                leaveConfirmedSeconds = leaveConfirmed.TotalSeconds,
                leaveAllReturnedSeconds = leaveAllReturned.TotalSeconds,
                leaveAllConfirmedSeconds = leaveAllConfirmed.TotalSeconds,
            });
            return 0;
        }

        var streamed = $"e{run}";
        var memberships = new List<ProjectMembership> { await client.JoinProjectAsync(streamed) };
        if (variant == "events-N")
        {
            memberships.AddRange(await Task.WhenAll(Enumerable.Range(1, rooms - 1).Select(i => client.JoinProjectAsync($"o{run}-{i}"))));
        }

        await UntilRoomsAsync(http, client, memberships.Count);
        var received = 0;
        using var inserted = client.Vehicles().OnInserted(_ => Interlocked.Increment(ref received));
        await StreamAsync(http, streamed, StreamEvents, 1); // warm-up: the JIT's tiering is over before the window
        await Until(() => Volatile.Read(ref received) >= StreamEvents, "the warm-up stream arrived");
        GC.Collect();
        var allocated = GC.GetTotalAllocatedBytes(precise: true);
        var cpu = ProcessStats.Cpu();
        await StreamAsync(http, streamed, StreamEvents, StreamEvents + 1);
        await Until(() => Volatile.Read(ref received) >= 2 * StreamEvents, "the measured stream arrived");
        var cpuPerEvent = (ProcessStats.Cpu() - cpu).TotalMicroseconds / StreamEvents;
        var bytesPerEvent = (double)(GC.GetTotalAllocatedBytes(precise: true) - allocated) / StreamEvents;
        ChildRunner.Report(new { rooms = memberships.Count, cpuMicrosecondsPerEvent = cpuPerEvent, bytesPerEvent, received = Volatile.Read(ref received) });
        foreach (var membership in memberships)
        {
            await membership.DisposeAsync();
        }

        return 0;
    }

    private static async Task<(TimeSpan Returned, TimeSpan Confirmed)> LeaveAllAsync(HttpClient http, SkaftinRealtimeClient client, IEnumerable<ProjectMembership> memberships)
    {
        var watch = Stopwatch.StartNew();
        await Task.WhenAll(memberships.Select(m => m.DisposeAsync().AsTask()));
        var returned = watch.Elapsed;
        await UntilRoomsAsync(http, client, 0);
        return (returned, watch.Elapsed);
    }

    // Until the server lists exactly `count` project rooms for the client's socket; returns that count.
    private static async Task<int> UntilRoomsAsync(HttpClient http, SkaftinRealtimeClient client, int count)
    {
        var until = Stopwatch.StartNew();
        while (true)
        {
            // Between connections the client has no socket id, and the server may not know the new one yet.
            var rooms = -1;
            if (client.SocketId is { } id)
            {
                using var response = await http.GetAsync($"/api/_test/sockets/{Uri.EscapeDataString(id)}");
                if (response.IsSuccessStatusCode)
                {
                    rooms = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("rooms").GetArrayLength();
                }
            }

            if (rooms == count)
            {
                return rooms;
            }

            if (until.Elapsed > Deadline)
            {
                throw new TimeoutException($"the server lists {rooms} rooms for the client, not {count}");
            }

            await Task.Delay(5);
        }
    }

    private static async Task StreamAsync(HttpClient http, string project, int count, int firstId)
    {
        using var response = await http.PostAsJsonAsync("/api/_bench/stream", new Dictionary<string, object?>
        {
            ["projectId"] = project,
            ["count"] = count,
            ["ratePerSecond"] = StreamRate,
            ["tableName"] = "vehicles",
            ["firstId"] = firstId,
            ["timeoutMs"] = (int)Deadline.TotalMilliseconds,
        });
        var text = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode)
        {
            throw new HttpRequestException($"POST /api/_bench/stream: {(int)response.StatusCode} {text}");
        }
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var until = Stopwatch.StartNew();
        while (!condition())
        {
            if (until.Elapsed > Deadline)
            {
                throw new TimeoutException(what + ": not within " + Deadline);
            }

            await Task.Delay(2);
        }
    }

    private static string Report(int rooms, int repetitions, List<JsonElement> runs, Dictionary<string, List<JsonElement>> events)
    {
        static double Median(double[] values)
        {
            Array.Sort(values);
            return values.Length % 2 == 1 ? values[values.Length / 2] : (values[values.Length / 2 - 1] + values[values.Length / 2]) / 2;
        }

        static string Cell(IEnumerable<JsonElement> results, string field, string format, double scale = 1)
        {
            var values = results.Select(r => r.GetProperty(field).GetDouble() * scale).ToArray();
            string F(double v) => v.ToString(format, CultureInfo.InvariantCulture);
            return $"{F(Median(values))} ({F(values.Min())}–{F(values.Max())})";
        }

        var text = new StringBuilder();
        text.AppendLine(CultureInfo.InvariantCulture, $"### One connection, {rooms:N0} projects");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"{repetitions} repetitions, each a fresh process; medians (range).");
        text.AppendLine();
        text.AppendLine("| step | time (ms) |");
        text.AppendLine("|---|---:|");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {rooms:N0} joins, one after another (each awaited) | {Cell(runs, "joinSequentialSeconds", "0", 1000)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| leave all: the membership disposals return | {Cell(runs, "leaveReturnedSeconds", "0", 1000)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| leave all: until the server lists no room | {Cell(runs, "leaveConfirmedSeconds", "0", 1000)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| {rooms:N0} joins at once | {Cell(runs, "joinConcurrentSeconds", "0", 1000)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| rejoin after the server drops the connection: Connected again | {Cell(runs, "rejoinConnectedSeconds", "0", 1000)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| … until the server lists every room | {Cell(runs, "rejoinServerSeconds", "0", 1000)} |");
        text.AppendLine(CultureInfo.InvariantCulture, $"| leave all (after the rejoin): disposals return / the server lists no room | {Cell(runs, "leaveAllReturnedSeconds", "0", 1000)} / {Cell(runs, "leaveAllConfirmedSeconds", "0", 1000)} |");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Rooms rejoined: {string.Join(", ", runs.Select(r => r.GetProperty("rejoined").GetInt32()))} of {rooms:N0}; resync signals per rejoin (one table handler): {string.Join(", ", runs.Select(r => r.GetProperty("resyncs").GetInt32()))}.");
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"Per event, {StreamEvents:N0} events at {StreamRate:N0}/s into one project (after as many to warm up):");
        text.AppendLine();
        text.AppendLine("| rooms joined | CPU µs per event | allocated B per event |");
        text.AppendLine("|---:|---:|---:|");
        foreach (var (variant, results) in events)
        {
            text.AppendLine(CultureInfo.InvariantCulture, $"| {results[0].GetProperty("rooms").GetInt32():N0} | {Cell(results, "cpuMicrosecondsPerEvent", "0.0")} | {Cell(results, "bytesPerEvent", "0")} |");
        }

        double Med(string variant, string field) => Median(events[variant].Select(r => r.GetProperty(field).GetDouble()).ToArray());
        text.AppendLine();
        text.AppendLine(CultureInfo.InvariantCulture, $"- {rooms:N0} rooms ÷ 1 room, CPU per event: {Med("events-N", "cpuMicrosecondsPerEvent") / Med("events-1", "cpuMicrosecondsPerEvent"):0.00}×; allocation per event: {Med("events-N", "bytesPerEvent") / Med("events-1", "bytesPerEvent"):0.00}×");
        return text.ToString();
    }
}
