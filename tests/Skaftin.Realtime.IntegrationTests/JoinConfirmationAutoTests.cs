using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Issue 20, case 7: the default options against a backend that never confirms joins (the dev server's seed mode with
/// <c>--silent-joins</c>) and against one that does, and what a join timeout says.
/// </summary>
public sealed class JoinConfirmationAutoTests
{
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromSeconds(2);

    private static string NewProject() => "p" + Guid.NewGuid().ToString("N")[..8];

    private static Task<SkaftinDevServer> SeedServerAsync(bool silentJoins) =>
        SkaftinDevServer.StartAsync(Harness.ServerOptions(DevServerContract.Seed, silentJoins));

    // The seed's client: the URL and nothing else about joins (JoinConfirmation left at its default). RequestTimeout is
    // shortened only so the test does not wait the default 10 s.
    private static SkaftinRealtimeClient DefaultClient(SkaftinDevServer server, CapturingLoggerFactory logs, Action<SkaftinRealtimeOptions>? configure = null)
    {
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = server.Url,
            LoggerFactory = logs,
            RequestTimeout = RequestTimeout,
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
        };
        configure?.Invoke(options);
        return new SkaftinRealtimeClient(options);
    }

    private static int FallBackWarnings(CapturingLoggerFactory logs) => logs.Lines.Count(static l => l.StartsWith("Warning", StringComparison.Ordinal) && l.Contains("[2101]", StringComparison.Ordinal));

    private static async Task<Vehicle> InsertAndReceiveAsync(SkaftinDevServer server, string project, BlockingCollection<Vehicle> inserted, string registration)
    {
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = registration, status = "available" });
        return await inserted.Next();
    }

    [Fact]
    public async Task TheDefaultOptionsJoinAServerThatNeverConfirmsJoinsReportItOnceAndEventsFlow()
    {
        await using var server = await SeedServerAsync(silentJoins: true);
        var (first, second) = (NewProject(), NewProject());
        await Harness.CreateVehiclesAsync(server, first);
        await Harness.CreateVehiclesAsync(server, second);
        var logs = new CapturingLoggerFactory();
        await using var client = DefaultClient(server, logs);
        var errors = new ConcurrentQueue<RealtimeError>();
        using var e = client.OnError(errors.Enqueue);
        var inserted = new BlockingCollection<Vehicle>();
        using var a = client.Vehicles().OnInserted(inserted.Add);
        await client.StartAsync();
        Assert.False(client.JoinsConfirmedOnEmit);

        await using var one = await client.JoinProjectAsync(first).WaitAsync(RequestTimeout + Harness.Deadline);

        Assert.True(client.JoinsConfirmedOnEmit);
        Assert.Equal(1, FallBackWarnings(logs));
        Assert.Equal("CA 1", (await InsertAndReceiveAsync(server, first, inserted, "CA 1")).RegistrationNumber);

        // From now on a join counts once sent, on this connection and the next one, and nothing more is reported.
        await using var two = await client.JoinProjectAsync(second).WaitAsync(RequestTimeout);
        // Counted once sent: the server may not have taken the join yet, and a change it sends before that is not for
        // this client (the trade-off of a server that never answers joins; the README says so). Insert once it has.
        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(second)).Contains(client.SocketId!), "the server has taken the second join");
        Assert.Equal("CA 2", (await InsertAndReceiveAsync(server, second, inserted, "CA 2")).RegistrationNumber);
        var before = client.SocketId;
        await server.Api.DropTransportsAsync();
        await Harness.Until(() => client.State == ConnectionState.Connected && client.SocketId != before, "the client is connected again");
        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(first)).Contains(client.SocketId!), "the room is joined again");
        Assert.Equal("CA 3", (await InsertAndReceiveAsync(server, first, inserted, "CA 3")).RegistrationNumber);
        Assert.Equal(1, FallBackWarnings(logs));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task TheDefaultOptionsAgainstAServerThatConfirmsJoinsKeepWaitingForItsAnswers()
    {
        await using var server = await SeedServerAsync(silentJoins: false);
        var project = NewProject();
        await Harness.CreateVehiclesAsync(server, project);
        var logs = new CapturingLoggerFactory();
        await using var client = DefaultClient(server, logs);
        await client.StartAsync();

        await using var membership = await client.JoinProjectAsync(project);

        Assert.Contains(client.SocketId!, await server.Api.GetRoomMembersAsync(project));
        Assert.False(client.JoinsConfirmedOnEmit);
        Assert.Equal(0, FallBackWarnings(logs));
    }

    [Fact]
    public async Task AJoinTimeoutNamesTheOperationTheProjectAndTheRemedy()
    {
        await using var server = await SeedServerAsync(silentJoins: true);
        var project = NewProject();
        await using var client = DefaultClient(server, new CapturingLoggerFactory(), static o => o.JoinConfirmation = JoinConfirmation.ServerAnswer);
        await client.StartAsync();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.JoinProjectAsync(project));

        Assert.Contains($"join-project '{project}' was not confirmed within 2 s", timeout.Message);
        Assert.Contains("JoinConfirmation = Auto (the default) or OnEmit", timeout.Message);
        Assert.Empty(client.GetJoinedProjects());
    }
}
