using Skaftin.Realtime;
using SkaftinApp;

var builder = Host.CreateApplicationBuilder(args);

// Registered first, so its handlers are in place before the connection starts.
builder.Services.AddHostedService<VehicleFeed>();

// The "Skaftin" section of appsettings.json (or Skaftin__ApiUrl, Skaftin__ApiKey, Skaftin__Projects__0 in the
// environment), validated at start-up; a hosted service connects and joins the projects.
builder.Services.AddSkaftinRealtime(builder.Configuration)
    .AddTable(static client => client.Vehicles());

builder.Build().Run();
