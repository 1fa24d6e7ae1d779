using System.Threading.Tasks;
using Skaftin.Realtime.Testing.Tests.Fleet;
using Xunit;

namespace Skaftin.Realtime.Testing.Tests.Examples;

/// <summary>The plain-xUnit example: an app's handler class, tested with typed pushes through the generated accessor.</summary>
public sealed class AvailableTrucksTests : IAsyncLifetime
{
    private readonly FakeSkaftinServer _server = new();
    private AvailableTrucks? _available;

    private AvailableTrucks Available => _available!;

    public async Task InitializeAsync()
    {
        _available = new AvailableTrucks(_server.Client); // the app's class gets the client it always gets
        await _server.Client.StartAsync();                // and starts and joins as the app does
        await _server.Client.JoinProjectAsync("fleet");
    }

    public async Task DisposeAsync()
    {
        _available?.Dispose();
        await _server.DisposeAsync();
    }

    [Fact]
    public async Task Counts_the_available_trucks_from_inserts_updates_and_deletes()
    {
        var first = new Truck(1, "AB-123", TruckStatus.Available, 4);
        await _server.Trucks().InsertAsync(first);
        await _server.Trucks().InsertAsync(new Truck(2, "CD-456", TruckStatus.Available, 2));
        await _server.Trucks().UpdateAsync(first with { Status = TruckStatus.InService }, first);
        Assert.Equal(1, Available.Count);

        await _server.Trucks().DeleteKeyAsync(2);
        Assert.Equal(0, Available.Count);
        Assert.False(Available.IsStale);
    }

    [Fact]
    public async Task Knows_its_count_is_stale_after_a_reconnect_that_lost_events()
    {
        await _server.DropConnectionAsync();
        Assert.False(Available.IsStale);
        await _server.RestoreConnectionAsync();

        Assert.True(Available.IsStale);
    }
}
