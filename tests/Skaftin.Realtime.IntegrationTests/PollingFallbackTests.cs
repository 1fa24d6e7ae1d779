using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Websocket first, long-polling as fallback (the seed's <c>transports: ['websocket', 'polling']</c>), against the real
/// dev server behind a proxy that refuses websocket upgrades.
/// </summary>
[Collection("dev server")]
public sealed class PollingFallbackTests(DevServerFixture fixture)
{
    private readonly SkaftinDevServer _server = fixture.Server;

    [Fact]
    public async Task BehindAProxyThatRefusesWebSocketsTheClientFallsBackToPollingAndGetsTypedEvents()
    {
        await using var proxy = WebSocketRefusingProxy.Start(_server.Url);
        var project = "p" + Guid.NewGuid().ToString("N")[..8];
        await Harness.CreateVehiclesAsync(_server, project);
        var logs = new CapturingLoggerFactory();
        await using var client = Harness.Client(_server, configure: o =>
        {
            o.ApiUrl = proxy.Url;
            o.LoggerFactory = logs;
        });
        Assert.Equal(SkaftinTransport.WebSocketThenPolling, new SkaftinRealtimeOptions().Transport);
        var inserted = new BlockingCollection<Vehicle>();
        var errors = new ConcurrentQueue<RealtimeError>();
        using var a = client.Vehicles().OnInserted(inserted.Add);
        using var b = client.OnError(errors.Enqueue);

        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        await _server.Api.InsertAsync(project, "vehicles", new { registration_number = "over polling", status = "in_service", capacity = 4 });

        var vehicle = await inserted.Next();
        Assert.Equal(("over polling", VehicleStatus.InService, 4), (vehicle.RegistrationNumber, vehicle.Status, vehicle.Capacity));
        Assert.True(proxy.RefusedUpgrades >= 1, "the client tried a websocket first");
        Assert.Contains(logs.Lines, static l => l.Contains("goes on over long-polling", StringComparison.Ordinal) && l.Contains("403", StringComparison.Ordinal));
        Assert.Equal("polling", await _server.Api.GetSocketTransportAsync(client.SocketId!));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task WithWebSocketOnlyARefusedUpgradeFailsTheAttemptWithoutPolling()
    {
        await using var proxy = WebSocketRefusingProxy.Start(_server.Url);
        await using var client = Harness.Client(_server, configure: o =>
        {
            o.ApiUrl = proxy.Url;
            o.Transport = SkaftinTransport.WebSocket;
            o.RetryInitialConnection = false;
        });

        var failure = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync());

        Assert.Contains("403", failure.ToString(), StringComparison.Ordinal);
        Assert.Equal(1, proxy.RefusedUpgrades);
        Assert.Equal(0, proxy.ForwardedConnections);
    }

    [Fact]
    public async Task WhenNeitherTransportConnectsTheErrorNamesBoth()
    {
        await using var client = Harness.Client(_server, configure: o =>
        {
            o.ApiUrl = new Uri($"http://127.0.0.1:{Harness.FreePort()}");
            o.RetryInitialConnection = false;
        });

        var failure = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync());

        Assert.Contains("WebSocket:", failure.ToString(), StringComparison.Ordinal);
        Assert.Contains("Long-polling:", failure.ToString(), StringComparison.Ordinal);
    }
}
