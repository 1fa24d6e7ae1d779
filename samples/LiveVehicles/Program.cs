// A hosted app on Skaftin realtime: DI, configuration, logging, health and metrics, and a live view of a table.
//   GET /vehicles         the vehicles as they are now (loaded over REST, kept current by typed events)
//   GET /vehicles/stream  server-sent events: one per change
//   GET /health           the realtime connection's health
// Configure Skaftin:ApiUrl, Skaftin:ApiKey and Skaftin:Projects (appsettings.json, environment, or command line).
using System.Text.Json;
using LiveVehicles;
using Skaftin.Realtime;

var builder = WebApplication.CreateBuilder(args);
builder.Services.AddSkaftinRealtime(builder.Configuration).AddTable(static client => client.Vehicles());
builder.Services.AddHealthChecks().AddSkaftinRealtime();
builder.Services.AddHttpClient();
builder.Services.AddSingleton<VehicleBoard>();
builder.Services.AddHostedService(static provider => provider.GetRequiredService<VehicleBoard>());

var app = builder.Build();
var json = new JsonSerializerOptions(JsonSerializerDefaults.Web) { Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter() } };

app.MapGet("/vehicles", (VehicleBoard board) => board.Loaded ? Results.Json(board.Snapshot, json) : Results.StatusCode(503));

app.MapGet("/vehicles/stream", async (VehicleBoard board, HttpContext context, CancellationToken cancellationToken) =>
{
    context.Response.Headers.ContentType = "text/event-stream";
    context.Response.Headers.CacheControl = "no-cache";
    await context.Response.WriteAsync(": connected\n\n", cancellationToken);
    await context.Response.Body.FlushAsync(cancellationToken);
    await foreach (var change in board.Listen(cancellationToken))
    {
        object payload = change switch
        {
            RowInserted<Vehicle, long> inserted => inserted.Row,
            RowUpdated<Vehicle, long> updated => new { updated.Row, updated.OldRow },
            RowDeleted<Vehicle, long> deleted => new { deleted.Key, deleted.Row },
            RowPatched<Vehicle, long> patched => new { patched.Key, patched.Patch.Columns },
            _ => change,
        };
        await context.Response.WriteAsync($"event: {change.Type.ToString().ToLowerInvariant()}\ndata: {JsonSerializer.Serialize(payload, json)}\n\n", cancellationToken);
        await context.Response.Body.FlushAsync(cancellationToken);
    }
});

app.MapHealthChecks("/health");
app.Run();
