using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net.Http;
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
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private Dictionary<string, string> _cluster = new();

    private SkaftinDevServerApi Node(string name) => new(_http, new Uri(_cluster[$"CLUSTER_NODE_{name}"]), "dev-key");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(ClusterTests.RepositoryRoot(), "eng", "cluster", "start-cluster.sh");
        var output = await ClusterTests.Run("bash", $"\"{script}\" --owner-pid {Environment.ProcessId} --clock-skew-a 0 --clock-skew-b -3600000", TimeSpan.FromMinutes(5));
        _cluster = output.Split('\n')
            .Select(static line => line.Trim())
            .Where(static line => line.StartsWith("CLUSTER_", StringComparison.Ordinal) && line.Contains('='))
            .ToDictionary(static line => line[..line.IndexOf('=')], static line => line[(line.IndexOf('=') + 1)..]);
        Assert.Equal("1", _cluster.GetValueOrDefault("CLUSTER_READY"));
    }

    public async Task DisposeAsync()
    {
        if (_cluster.TryGetValue("CLUSTER_DIR", out var directory))
        {
            await ClusterTests.Run("bash", $"\"{Path.Combine(ClusterTests.RepositoryRoot(), "eng", "cluster", "stop-cluster.sh")}\" \"{directory}\"", TimeSpan.FromMinutes(1));
        }

        _http.Dispose();
    }

    [Fact]
    public async Task ALiveTableFollowsWritesThroughInstancesWhoseClocksDisagree()
    {
        var project = "s" + Guid.NewGuid().ToString("N")[..6];
        await Harness.CreateVehiclesAsync(Node("A"), project);
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri(_cluster["CLUSTER_LB"]),
            ApiKey = "dev-key",
            Reconnect = new SkaftinReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        await client.ConnectAsync();
        await using var membership = await client.JoinProjectAsync(project);
        var inserted = await Node("A").InsertAsync(project, "vehicles", new { registration_number = "v0", status = "available" });
        var id = inserted.GetProperty("id").GetInt64();

        await using var live = await LiveTable<Vehicle, long>.StartAsync(
            client.Vehicles(),
            async token => VehicleRowReader.Instance.ReadArray(await Node("A").GetRowsAsync(project, "vehicles", token)),
            new LiveTableOptions { ProjectId = project });
        var stamps = new System.Collections.Concurrent.ConcurrentDictionary<string, DateTimeOffset>();
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
