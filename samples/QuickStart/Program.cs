// Skaftin quick start: typed realtime events for a "vehicles" table.
// With SKAFTIN_API_URL and SKAFTIN_API_KEY set it connects to that server (project SKAFTIN_PROJECT, default "demo")
// and prints events until Ctrl+C; without them it starts the bundled dev server with the sample's schema snapshot
// (skaftin.schema.json: the "vehicles" table exists from the start), writes a few rows, prints the typed events they
// cause, and exits.
using System;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using QuickStart;
using Skaftin.Realtime;
using Skaftin.Realtime.DevServer;

var url = Environment.GetEnvironmentVariable("SKAFTIN_API_URL");
// The bundled dev server serves the snapshot's project, "demo"; another server, the project you name.
var project = url is null ? "demo" : Environment.GetEnvironmentVariable("SKAFTIN_PROJECT") ?? "demo";
if (url is null)
{
    // The first run installs the dev server's Node packages (npm ci compiles better-sqlite3: minutes): say so, and
    // show npm's progress, rather than sit silent.
    Console.WriteLine("Starting the bundled dev server (devserver/). On the first run its Node packages are installed first (npm ci, which compiles better-sqlite3: a few minutes).");
}

await using var devServer = url is null
    ? await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions
    {
        SchemaPath = Path.Combine(AppContext.BaseDirectory, "skaftin.schema.json"),
        Log = ShowInstallProgress,
    })
    : null;
var apiUrl = devServer?.Url ?? new Uri(url!);
var apiKey = devServer?.DefaultApiKey ?? Environment.GetEnvironmentVariable("SKAFTIN_API_KEY") ?? "";

await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
{
    ApiUrl = apiUrl,
    AccessTokenProvider = _ => ValueTask.FromResult(apiKey),
});

var vehicles = client.Vehicles();
var done = new TaskCompletionSource();
var seen = 0;
void Count() { if (Interlocked.Increment(ref seen) == 5) done.TrySetResult(); }

using var inserted = vehicles.OnInserted(v => { Console.WriteLine($"Inserted {v}"); Count(); });
using var updated = vehicles.OnUpdated((now, before) => { Console.WriteLine($"Updated  {before?.Status} -> {now.Status}: {now}"); Count(); });
using var deleted = vehicles.OnDeleted(d => { Console.WriteLine($"Deleted  id {d.Key}: {d.Row}"); Count(); });
using var errors = client.OnError(e => Console.Error.WriteLine($"Error    {e}"));

await client.StartAsync();
await using var membership = await client.JoinProjectAsync(project);
Console.WriteLine($"Connected to {apiUrl} as {client.SocketId}; listening to project '{project}'.");

if (devServer is null)
{
    var stop = new TaskCompletionSource();
    Console.CancelKeyPress += (_, e) => { e.Cancel = true; stop.TrySetResult(); };
    await stop.Task;
    return 0;
}

// Writes through the dev server's HTTP API; each write comes back as a typed event above. The table came from
// skaftin.schema.json (project "demo"), so nothing here creates it.
var api = devServer.Api;
var first = await api.InsertAsync(project, "vehicles", new { registration_number = "CA 123-456", status = "available", capacity = 14 });
await api.InsertAsync(project, "vehicles", new { registration_number = "CA 987-654", status = "available", capacity = 22 });
await api.InsertAsync(project, "vehicles", new { registration_number = "CY 555-111", status = "out_of_service" });
await api.UpdateAsync(project, "vehicles", first.GetProperty("id").GetInt64(), new { status = "in_service" });
await api.DeleteAsync(project, "vehicles", first.GetProperty("id").GetInt64());

if (await Task.WhenAny(done.Task, Task.Delay(TimeSpan.FromSeconds(30))) != done.Task)
{
    Console.Error.WriteLine($"Only {seen} of 5 events arrived within 30 s.");
    return 1;
}

Console.WriteLine("All 5 typed events received.");
return 0;

// npm's output and the launcher's notes about the install (not the server's own log lines): what a first run is busy with.
static void ShowInstallProgress(string line)
{
    if (line.StartsWith("npm: ", StringComparison.Ordinal)
        || (line.StartsWith("skaftin-dev-server-launcher: ", StringComparison.Ordinal) && line.Contains("npm", StringComparison.Ordinal)))
    {
        Console.Error.WriteLine("dev server: " + line);
    }
}
