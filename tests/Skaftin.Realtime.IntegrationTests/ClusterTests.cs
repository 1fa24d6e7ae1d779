using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Net.Http;
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
    private readonly HttpClient _http = new() { Timeout = TimeSpan.FromSeconds(15) };
    private Dictionary<string, string> _cluster = new();

    private Uri Balancer => new(_cluster["CLUSTER_LB"]);

    private SkaftinDevServerApi Node(string name) => new(_http, new Uri(_cluster[$"CLUSTER_NODE_{name}"]), "dev-key");

    public async Task InitializeAsync()
    {
        var script = Path.Combine(RepositoryRoot(), "eng", "cluster", "start-cluster.sh");
        var output = await Run("bash", $"\"{script}\" --owner-pid {Environment.ProcessId}", TimeSpan.FromMinutes(5));
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
            await Run("bash", $"\"{Path.Combine(RepositoryRoot(), "eng", "cluster", "stop-cluster.sh")}\" \"{directory}\"", TimeSpan.FromMinutes(1));
        }

        _http.Dispose();
    }

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
            Reconnect = new SkaftinReconnectPolicy { InitialDelay = TimeSpan.FromMilliseconds(200), MaxDelay = TimeSpan.FromSeconds(1) },
        });
        await client.ConnectAsync();
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

    internal static async Task<string> Run(string fileName, string arguments, TimeSpan timeout)
    {
        using var process = Process.Start(new ProcessStartInfo(fileName, arguments)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        })!;
        var output = process.StandardOutput.ReadToEndAsync();
        var errors = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(timeout);
        Assert.True(process.ExitCode == 0, $"{fileName} {arguments} exited {process.ExitCode}: {await errors}");
        return await output;
    }

    internal static string RepositoryRoot()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            if (File.Exists(Path.Combine(directory.FullName, "Skaftin.Generators.sln")))
            {
                return directory.FullName;
            }
        }

        throw new DirectoryNotFoundException("Skaftin.Generators.sln");
    }
}
