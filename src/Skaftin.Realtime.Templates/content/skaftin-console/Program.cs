using Skaftin.Realtime;
using SkaftinApp;

var apiUrl = new Uri(Environment.GetEnvironmentVariable("SKAFTIN_API_URL") ?? "http://localhost:4006");
var apiKey = Environment.GetEnvironmentVariable("SKAFTIN_API_KEY") ?? "dev-key";
var project = Environment.GetEnvironmentVariable("SKAFTIN_PROJECT") ?? "demo";

await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
{
    ApiUrl = apiUrl,
    AccessTokenProvider = _ => ValueTask.FromResult(apiKey),   // asked again on every reconnect
});

var vehicles = client.Vehicles();                              // generated from Vehicle: VehiclesRealtime
using var inserted = vehicles.OnInserted(vehicle => Console.WriteLine($"Inserted {vehicle}"));
using var updated = vehicles.OnUpdated((now, before) => Console.WriteLine($"Updated {before?.Status} -> {now}"));
using var deleted = vehicles.OnDeleted(change => Console.WriteLine($"Deleted vehicle {change.Key}"));
using var resync = vehicles.OnResync(_ => Console.WriteLine("Changes may have been missed: reload the vehicles"));
using var errors = client.OnError(error => Console.Error.WriteLine(error));

await client.StartAsync();
await using var membership = await client.JoinProjectAsync(project);
Console.WriteLine($"Listening to project {project} at {apiUrl}; Ctrl+C to stop.");

var stop = new TaskCompletionSource();
Console.CancelKeyPress += (_, args) => { args.Cancel = true; stop.TrySetResult(); };
await stop.Task;
