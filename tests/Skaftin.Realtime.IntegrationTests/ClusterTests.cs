using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// The production shape: two dev-server nodes sharing rooms through Redis (redis-streams adapter), behind nginx, all
/// on loopback and started by eng/cluster/start-cluster.sh. A write on one node reaches a client on the other; killing
/// the client's node makes it fail over through nginx, resync, and its live table still converges.
/// </summary>
public sealed class ClusterTests : IAsyncLifetime
{
    private LocalCluster _cluster = null!;

    private Uri Balancer => _cluster.Balancer;

    private SkaftinDevServerApi Node(string name) => _cluster.Node(name);

    public async Task InitializeAsync() => _cluster = await LocalCluster.StartAsync();

    public async Task DisposeAsync() => await _cluster.DisposeAsync();

    [Fact]
    public async Task AWriteOnOneNodeReachesAClientOnTheOtherAndAKilledNodeIsSurvived()
    {
        var project = "c" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(Node("A"), project);
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = Balancer,
            ApiKey = "dev-key",
            HeartbeatTimeout = TimeSpan.FromSeconds(10),
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        var inserted = new BlockingCollection<Vehicle>();
        using var a = client.Vehicles().OnInserted(inserted.Add);

        // Which node holds the client's socket? Write through the other one.
        var home = (await Node("A").GetSocketsAsync()).Contains(client.SocketId!) ? "A" : "B";
        var other = home == "A" ? "B" : "A";
        await Node(other).InsertAsync(project, "vehicles", new { registration_number = "via " + other, status = "available" });
        Assert.Equal("via " + other, (await inserted.Next()).RegistrationNumber);

        await using var live = await LiveTable<Vehicle, long>.StartAsync(
            client.Vehicles(),
            async token => VehicleRowReader.Instance.ReadArray(await Node(other).GetRowsAsync(project, "vehicles", token)),
            new LiveTableOptions { ProjectId = project });
        var resyncs = new ConcurrentQueue<ResyncRequired>();
        using var r = client.Vehicles().OnResync(resyncs.Enqueue);

        // Kill the client's node mid-stream: the client fails over through nginx to the survivor.
        Process.GetProcessById(int.Parse(_cluster[$"CLUSTER_NODE_{home}_PID"])).Kill();
        for (var i = 0; i < 10; i++)
        {
            await Node(other).InsertAsync(project, "vehicles", new { registration_number = "during failover " + i, status = "in_service" });
        }

        await Harness.Until(() => client.State == ConnectionState.Connected && resyncs.Count > 0, "the client fails over and resyncs", TimeSpan.FromSeconds(30));
        Assert.Contains(client.SocketId!, await Node(other).GetSocketsAsync());
        await Node(other).InsertAsync(project, "vehicles", new { registration_number = "after failover", status = "available" });

        var expected = VehicleRowReader.Instance.ReadArray(await Node(other).GetRowsAsync(project, "vehicles"));
        await Harness.Until(() => ConvergenceTests.Same(expected, live.Snapshot()), "the live table equals the database", TimeSpan.FromSeconds(20));
        Assert.Equal(12, live.Count);
    }
}
