using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Every disconnect ends either in a recovered session with every missed event delivered exactly once, or in a
/// resync signal: proven against the real server with connection state recovery on.
/// </summary>
public sealed class RecoveryTests
{
    private static async Task<SkaftinDevServer> StartAsync(string? database = null, DevServerContract contract = DevServerContract.Dev, bool omitOldData = false, bool silentJoins = false)
    {
        var options = Harness.ServerOptions(contract, silentJoins);
        options.Recovery = TimeSpan.FromMinutes(2);
        options.DatabasePath = database;
        options.OmitOldData = omitOldData;
        return await SkaftinDevServer.StartAsync(options);
    }

    [Theory]
    [InlineData(false, DevServerContract.Dev)]
    [InlineData(true, DevServerContract.Dev)]
    [InlineData(false, DevServerContract.Seed)]
    [InlineData(false, DevServerContract.Seed, true)] // a server that never answers a join; joins complete on emit
    public async Task ADroppedConnectionIsRecoveredAndMissedEventsArriveExactlyOnce(bool dispatchOnReceiveThread, DevServerContract contract, bool silentJoins = false)
    {
        await using var server = await StartAsync(contract: contract, silentJoins: silentJoins);
        await Harness.CreateVehiclesAsync(server, "p1");
        await using var client = Harness.Client(server, configure: o =>
        {
            Harness.Joins(silentJoins)?.Invoke(o);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromMilliseconds(500);
            o.DispatchOnReceiveThread = dispatchOnReceiveThread;
        });
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        await Harness.UntilInRoomAsync(server, client, "p1");
        var received = new ConcurrentQueue<string>();
        var resyncs = new ConcurrentQueue<ResyncRequired>();
        using var a = client.Vehicles().OnInserted(v => received.Enqueue(v.RegistrationNumber));
        using var b = client.Vehicles().OnResync(resyncs.Enqueue);
        var socketId = client.SocketId;

        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "before", status = "available" });
        await Harness.Until(() => received.Count == 1, "the first event arrives");

        await server.Api.DropTransportsAsync();
        await Harness.Until(() => client.State != ConnectionState.Connected, "the client sees the drop");
        for (var i = 0; i < 5; i++)
        {
            await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "missed " + i, status = "available" });
        }

        await Harness.Until(() => client.State == ConnectionState.Connected, "the client reconnects");
        await Harness.Until(() => received.Count >= 6, "the missed events are replayed");
        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "after", status = "available" });
        await Harness.Until(() => received.Count >= 7, "later events arrive");
        await Task.Delay(300);

        Assert.True(client.LastReconnectRecovered);
        Assert.Equal(socketId, client.SocketId);
        Assert.Equal(new[] { "before", "missed 0", "missed 1", "missed 2", "missed 3", "missed 4", "after" }, received);
        Assert.Empty(resyncs);
    }

    [Fact]
    public async Task ARestartedServerCannotRecoverSoEveryTableGetsOneResync()
    {
        var database = Path.Combine(Path.GetTempPath(), $"skaftin-recovery-{Guid.NewGuid():N}.db");
        try
        {
            await using var server = await StartAsync(database);
            await Harness.CreateVehiclesAsync(server, "p1");
            await using var client = Harness.Client(server);
            await client.StartAsync();
            await using var membership = await client.JoinProjectAsync("p1");
            var resyncs = new ConcurrentQueue<ResyncRequired>();
            using var a = client.Vehicles().OnResync(resyncs.Enqueue);

            server.Kill();
            await server.RestartAsync();
            await Harness.Until(() => client.State == ConnectionState.Connected && resyncs.Count == 1, "the client reconnects and signals a resync");
            await Task.Delay(300);

            Assert.False(client.LastReconnectRecovered);
            Assert.Equal(ResyncReason.ConnectionRestored, Assert.Single(resyncs).Reason);
        }
        finally
        {
            File.Delete(database);
        }
    }

    // Against the seed contract updates carry the key and the changed columns (with the whole old row, or without it):
    // the live table merges them into its rows. Every session is recovered, so the table never reloads.
    [Theory]
    [InlineData(11, DevServerContract.Dev, false)]
    [InlineData(12, DevServerContract.Dev, false)]
    [InlineData(13, DevServerContract.Seed, false)]
    [InlineData(14, DevServerContract.Seed, true)]
    public async Task TheLiveTableConvergesThroughDropsAndRecoveries(int seed, DevServerContract contract, bool omitOldData)
    {
        await using var server = await StartAsync(contract: contract, omitOldData: omitOldData);
        await Harness.CreateVehiclesAsync(server, "p1");
        await using var client = Harness.Client(server);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        var errors = new ConcurrentQueue<RealtimeError>();
        using var e = client.OnError(errors.Enqueue);
        var loads = 0;
        await using var live = await LiveTable<Vehicle, long>.StartAsync(client.Vehicles(), token =>
        {
            Interlocked.Increment(ref loads);
            return ConvergenceTests.LoadAsync(server, token);
        });
        var random = new Random(seed);
        var ids = new List<long>();
        var comebacks = new ConcurrentQueue<string?>();
        client.StateChanged += change =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                comebacks.Enqueue(change.Reason);
            }
        };

        for (var round = 1; round <= 3; round++)
        {
            await ConvergenceTests.WriteAsync(server, random, ids, 15);
            await server.Api.DropTransportsAsync();
            await ConvergenceTests.WriteAsync(server, random, ids, 15); // while the client is away
            await Harness.Until(() => comebacks.Count == round, $"the client is back (round {round})");
        }

        Assert.Equal(new[] { "recovered", "recovered", "recovered" }, comebacks);

        var expected = await ConvergenceTests.LoadAsync(server, CancellationToken.None);
        await Harness.Until(() => ConvergenceTests.Same(expected, live.Snapshot()), $"the live table equals the database (seed {seed})", TimeSpan.FromSeconds(20));
        Assert.Equal(1, Volatile.Read(ref loads));
        Assert.Empty(errors);
    }
}
