// A Blazor Server dashboard on Skaftin realtime: the seed guide's React examples 1-5 as Blazor components.
//   Vehicles        an auto-refreshing list (a LiveTable of the vehicles table)
//   Event feed      the last vehicle changes, with the last update's type and time
//   Connection      the connection's state, with a Reconnect button
//   Dashboard       row counts of three tables, refreshed by a change to any of them
//   Optimistic      example 5: a status change shown at once, confirmed by the server's event or rolled back
// Without Skaftin:ApiUrl it starts the bundled dev server (Node) and seeds it; with it, it shows that server's
// project LiveDashboard:Project (default "demo"), authenticating with Skaftin:ApiKey.
using LiveDashboard.Components;
using LiveDashboard.Models;
using LiveDashboard.Realtime;
using Skaftin.Realtime;

var builder = WebApplication.CreateBuilder(args);

// Loopback only unless told otherwise (--urls or ASPNETCORE_URLS).
if (string.IsNullOrEmpty(builder.Configuration["urls"]))
{
    builder.WebHost.UseUrls("http://127.0.0.1:5080");
}

var dashboard = new DashboardOptions(builder.Configuration["LiveDashboard:Project"] is { Length: > 0 } project ? project : "demo");
await using var devServer = string.IsNullOrEmpty(builder.Configuration["Skaftin:ApiUrl"]) ? await BundledDevServer.StartAsync(dashboard.Project) : null;
if (devServer is not null)
{
    builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
    {
        ["Skaftin:ApiUrl"] = devServer.Url.ToString(),
        ["Skaftin:ApiKey"] = devServer.DefaultApiKey,
    });
}

// Hosted in order: the client connects, the session joins the project, the board loads the vehicles.
builder.Services.AddSkaftinRealtime(builder.Configuration)
    .AddTable(static client => client.Vehicles())
    .AddTable(static client => client.Drivers())
    .AddTable(static client => client.Associations());
builder.Services.AddSingleton(dashboard);
builder.Services.AddHttpClient(nameof(RowsApi));
builder.Services.AddSingleton<RowsApi>();
builder.Services.AddSingleton<ProjectSession>();
builder.Services.AddHostedService(static provider => provider.GetRequiredService<ProjectSession>());
builder.Services.AddSingleton<VehicleBoard>();
builder.Services.AddHostedService(static provider => provider.GetRequiredService<VehicleBoard>());
builder.Services.AddRazorComponents().AddInteractiveServerComponents();

var app = builder.Build();
app.UseAntiforgery();
app.MapStaticAssets();
app.MapRazorComponents<App>().AddInteractiveServerRenderMode();
await app.RunAsync();
