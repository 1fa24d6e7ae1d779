using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// An app with no host (MAUI, Blazor WebAssembly, a WPF app's own provider): a plain service provider, started with
/// <see cref="SkaftinRealtimeServiceProviderExtensions.StartSkaftinRealtimeAsync"/>, against the real dev server.
/// </summary>
[Collection("dev server")]
public sealed class HostlessStartTests(DevServerFixture fixture)
{
    [Fact]
    public async Task APlainServiceProviderConnectsJoinsTheConfiguredProjectsAndDeliversTypedEvents()
    {
        var server = fixture.Server;
        var project = "nohost" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(server, project);
        var services = new ServiceCollection();
        services.AddSkaftinRealtime(o =>
        {
            o.ApiUrl = server.Url;
            o.ApiKey = server.DefaultApiKey;
            o.Projects.Add(project);
        }).AddTable(static client => client.Vehicles());
        await using var provider = services.BuildServiceProvider();
        var vehicles = provider.GetRequiredService<VehiclesRealtime>();
        var inserted = new BlockingCollection<Vehicle>();
        using var subscription = vehicles.OnInserted(inserted.Add);

        var client = await provider.StartSkaftinRealtimeAsync();
        var again = await provider.StartSkaftinRealtimeAsync();

        Assert.Same(client, again);
        Assert.Same(provider.GetRequiredService<SkaftinRealtimeClient>(), client);
        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(1, client.GetJoinedProjects()[project]); // the second call joined nothing twice
        Assert.Contains(client.SocketId, await server.Api.GetRoomMembersAsync(project));
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "no host", status = "in_service", capacity = 4 });
        var vehicle = await inserted.Next();
        Assert.Equal("no host", vehicle.RegistrationNumber);
        Assert.Equal(VehicleStatus.InService, vehicle.Status);
        Assert.Equal(4, vehicle.Capacity);

        var socketId = client.SocketId!;
        await provider.DisposeAsync();
        Assert.Equal(ConnectionState.Disconnected, client.State);
        await Harness.UntilAsync(async () => !(await server.Api.GetSocketsAsync()).Contains(socketId), "disposing the provider closes the connection");
    }

    [Fact]
    public async Task WithoutTheRegistrationItSaysWhatIsMissing()
    {
        await using var provider = new ServiceCollection().BuildServiceProvider();

        var error = await Assert.ThrowsAsync<InvalidOperationException>(() => provider.StartSkaftinRealtimeAsync());

        Assert.Contains("AddSkaftinRealtime", error.Message);
    }
}
