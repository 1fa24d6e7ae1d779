using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>The generic host integration against the real dev server.</summary>
[Collection("dev server")]
public sealed class HostingTests(DevServerFixture fixture)
{
    [Fact]
    public async Task TheHostedServiceConnectsJoinsAndClosesWithTheHost()
    {
        var server = fixture.Server;
        var project = "host" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(server, project);
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Skaftin:ApiUrl"] = server.Url.ToString(),
            ["Skaftin:ApiKey"] = server.DefaultApiKey,
            ["Skaftin:Projects:0"] = project,
        });
        builder.Services.AddSkaftinRealtime(builder.Configuration).AddTable(static client => client.Vehicles());
        builder.Services.AddHealthChecks().AddSkaftinRealtime();
        using var host = builder.Build();
        var vehicles = host.Services.GetRequiredService<VehiclesRealtime>();
        var inserted = new BlockingCollection<Vehicle>();
        using var subscription = vehicles.OnInserted(inserted.Add);

        await host.StartAsync();
        var client = host.Services.GetRequiredService<SkaftinRealtimeClient>();
        await Harness.UntilAsync(async () => client.SocketId is { } id && (await server.Api.GetRoomMembersAsync(project)).Contains(id), "the client connects and joins");
        var socketId = client.SocketId!;
        Assert.Equal(HealthStatus.Healthy, (await host.Services.GetRequiredService<HealthCheckService>().CheckHealthAsync()).Status);

        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "hosted", status = "available" });
        Assert.Equal("hosted", (await inserted.Next()).RegistrationNumber);

        await host.StopAsync();
        await Harness.UntilAsync(async () => !(await server.Api.GetSocketsAsync()).Contains(socketId), "the server sees the client go");
    }

    [Fact]
    public async Task HealthIsUnhealthyWhenTheServerRefusesAConfiguredProject()
    {
        // The fixture's key "p1-only" grants p1 alone: the server refuses the join of the second configured project.
        var server = fixture.Server;
        var other = "refused" + Guid.NewGuid().ToString("N")[..6];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Configuration.AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Skaftin:ApiUrl"] = server.Url.ToString(),
            ["Skaftin:ApiKey"] = "p1-only",
            ["Skaftin:Projects:0"] = "p1",
            ["Skaftin:Projects:1"] = other,
        });
        builder.Services.AddSkaftinRealtime(builder.Configuration);
        builder.Services.AddHealthChecks().AddSkaftinRealtime();
        using var host = builder.Build();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await host.StartAsync();
        var client = host.Services.GetRequiredService<SkaftinRealtimeClient>();
        await Harness.UntilAsync(async () => client.SocketId is { } id && (await server.Api.GetRoomMembersAsync("p1")).Contains(id), "the client connects and joins p1");
        await Harness.UntilAsync(async () => (await health.CheckHealthAsync()).Status == HealthStatus.Unhealthy, "the refused project makes the health unhealthy");

        var entry = (await health.CheckHealthAsync()).Entries["skaftin-realtime"];
        Assert.Equal("Connected", entry.Data["state"]);
        Assert.Equal(new[] { other }, entry.Data["notJoined"]);
        Assert.Contains($"api key does not grant project {other}", entry.Description);
        await host.StopAsync();
    }

    [Fact]
    public async Task AHostStartsBeforeItsBackendAndConnectsWhenTheBackendComes()
    {
        var port = Harness.FreePort();
        var project = "late" + Guid.NewGuid().ToString("N")[..6];
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Services.AddSkaftinRealtime(o =>
        {
            o.ApiUrl = new Uri($"http://127.0.0.1:{port}");
            o.ApiKey = "late-key";
            o.Projects.Add(project);
            o.ConnectTimeout = TimeSpan.FromSeconds(2);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromMilliseconds(100);
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxDelay = TimeSpan.FromMilliseconds(500);
        });
        builder.Services.AddHealthChecks().AddSkaftinRealtime();
        using var host = builder.Build();
        var client = host.Services.GetRequiredService<SkaftinRealtimeClient>();
        var health = host.Services.GetRequiredService<HealthCheckService>();

        await host.StartAsync();

        Assert.Equal(ConnectionState.Connecting, client.State);
        Assert.Equal(HealthStatus.Degraded, (await health.CheckHealthAsync()).Status);
        await using var backend = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Port = port, ApiKeys = ["late-key=*"] });
        await Harness.UntilAsync(async () => client.SocketId is { } id && (await backend.Api.GetRoomMembersAsync(project)).Contains(id), "the client connects and joins when the backend comes");
        Assert.Equal(HealthStatus.Healthy, (await health.CheckHealthAsync()).Status);

        await host.StopAsync();
        await Harness.UntilAsync(async () => (await backend.Api.GetSocketsAsync()).Count == 0, "nothing is left open");
    }
}
