using System;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Two backend instances whose clocks disagree by an hour (eng/cluster/start-cluster.sh --clock-skew-a/-b) behind the
/// load balancer, speaking the seed's contract: a live table follows the changes in the order the connection
/// delivers them, so a newer change stamped by the slow clock is not taken for a stale one.
/// </summary>
public sealed class SkewedClusterTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    private SkaftinDevServerApi Node(string name) => _cluster.Node(name);

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync("--clock-skew-a 0 --clock-skew-b -3600000 -- --contract seed");

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task ALiveTableFollowsWritesThroughInstancesWhoseClocksDisagree()
    {
        var project = "s" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(Node("A"), project);
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = _cluster.Balancer,
            ApiKey = "dev-key",
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        var inserted = await Node("A").InsertAsync(project, "vehicles", new { registration_number = "v0", status = "available" });
        var id = inserted.GetProperty("id").GetInt64();

        await using var live = await LiveTable<Vehicle, long>.StartAsync(
            client.Vehicles(),
            async token => VehicleRowReader.Instance.ReadArray(await Node("A").GetRowsAsync(project, "vehicles", token)),
            new LiveTableOptions { ProjectId = project });
        var stamps = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset?>();
        using var updates = client.Vehicles().OnChanged(change =>
        {
            if (change is RowUpdated<Vehicle, long> updated)
            {
                stamps[updated.Row.RegistrationNumber] = change.Timestamp;
            }
        });

        // A on time, then B an hour behind: each later write is the newer one, whatever its timestamp says.
        for (var i = 1; i <= 4; i++)
        {
            var node = i % 2 == 1 ? "A" : "B";
            await Node(node).UpdateAsync(project, "vehicles", id, new { registration_number = $"v{i} via {node}" });
            var expected = $"v{i} via {node}";
            await Harness.Until(() => live.TryGet(id, out var row) && row.RegistrationNumber == expected, $"the live table shows '{expected}'");
        }

        // The clocks did disagree: B's changes were stamped before A's earlier ones.
        Assert.True(stamps["v2 via B"] < stamps["v1 via A"], $"B's stamp {stamps["v2 via B"]:O} should be behind A's {stamps["v1 via A"]:O}");
        var database = VehicleRowReader.Instance.ReadArray(await Node("B").GetRowsAsync(project, "vehicles"));
        Assert.True(ConvergenceTests.Same(database, live.Snapshot()));
    }
}
