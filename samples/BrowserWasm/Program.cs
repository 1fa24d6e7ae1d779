using BrowserWasm;
using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Skaftin.Realtime;

// The whole client runs inside the browser: SocketIOClient's WebSocket transport over the browser's own WebSocket.
// A browser app runs no IHostedService, so the page that shows the events starts the client and joins the project.
var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<VehicleFeed>("#app");

// Where to connect comes from the page's address (?api=...&key=...&project=...); defaults suit the bundled dev server.
builder.Services.AddSingleton(static services => PageSettings.From(services.GetRequiredService<NavigationManager>().Uri));
builder.Services.AddSingleton(static services =>
{
    var settings = services.GetRequiredService<PageSettings>();
    return new SkaftinRealtimeClient(new SkaftinRealtimeOptions
    {
        ApiUrl = settings.ApiUrl,
        ApiKey = settings.ApiKey,
        // Only the WebSocket transport works from another origin: the polling transport is plain HTTP, which the
        // browser blocks unless the server sends CORS headers (docs/blazor-webassembly.md).
        Transport = SkaftinTransport.WebSocket,
        // The browser has one thread, on which a blocking wait throws: a full dispatch queue is reported at once.
        DispatchQueueFullWait = TimeSpan.Zero,
    });
});
await builder.Build().RunAsync();
