using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

public enum VehicleStatus
{
    Available,
    InService,
}

[SkaftinTable("vehicles")]
public sealed record Vehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,
    VehicleStatus Status,
    int? Capacity,
    bool Active,
    DateTimeOffset CreatedAt);

/// <summary>Starts real dev servers and clients for the tests, and waits with deadlines (never forever).</summary>
internal static class Harness
{
    public static readonly TimeSpan Deadline = TimeSpan.FromSeconds(15);

    public static SkaftinRealtimeClient Client(SkaftinDevServer server, string? key = null, Action<SkaftinRealtimeOptions>? configure = null)
    {
        var options = new SkaftinRealtimeOptions
        {
            ApiUrl = server.Url,
            AccessTokenProvider = _ => ValueTask.FromResult(key ?? server.DefaultApiKey),
            ConnectTimeout = TimeSpan.FromSeconds(10),
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) },
        };
        configure?.Invoke(options);
        return new SkaftinRealtimeClient(options);
    }

    /// <summary>A fresh project with a vehicles table, and a client connected to it and (as the server sees it) in its room.</summary>
    public static async Task<Session> SessionAsync(SkaftinDevServer server, Action<SkaftinRealtimeOptions>? configure = null)
    {
        var project = "p" + Guid.NewGuid().ToString("N")[..8];
        await CreateVehiclesAsync(server, project);
        var client = Client(server, configure: configure);
        await client.StartAsync();
        var membership = await client.JoinProjectAsync(project);

        await UntilInRoomAsync(server, client, project);
        return new Session(client, membership, project);
    }

    /// <summary>
    /// Until the server lists the client in <paramref name="project"/>'s room: a join confirmed on emit
    /// (<see cref="JoinConfirmation.OnEmit"/>) completes before that, an answered join after.
    /// </summary>
    public static Task UntilInRoomAsync(SkaftinDevServer server, SkaftinRealtimeClient client, string project) =>
        UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Contains(client.SocketId!), "the server has the client in the room");

    /// <summary>
    /// How a client must be set up for a server that never answers joins (<c>--silent-joins</c>): its joins complete
    /// when emitted (<see cref="JoinConfirmation.OnEmit"/>). Null for a server that answers.
    /// </summary>
    public static Action<SkaftinRealtimeOptions>? Joins(bool silentJoins) =>
        silentJoins ? static o => o.JoinConfirmation = JoinConfirmation.OnEmit : null;

    /// <summary>A server speaking <paramref name="contract"/> that, with <paramref name="silentJoins"/>, never answers a join.</summary>
    public static SkaftinDevServerOptions ServerOptions(DevServerContract contract, bool silentJoins = false) =>
        new() { Contract = contract, SilentJoins = silentJoins ? ["*"] : [] };

    /// <summary>A loopback port nothing listens on (a backend that is down).</summary>
    public static int FreePort()
    {
        var listener = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        listener.Start();
        var port = ((System.Net.IPEndPoint)listener.LocalEndpoint).Port;
        listener.Stop();
        return port;
    }

    public static Task CreateVehiclesAsync(SkaftinDevServer server, string project) => CreateVehiclesAsync(server.Api, project);

    /// <summary>The vehicles table the tests' <c>Vehicle</c> record reads, in <paramref name="project"/>.</summary>
    public static async Task CreateVehiclesAsync(SkaftinDevServerApi api, string project)
    {
        await api.CreateTableAsync(project, "vehicles", new[]
        {
            new DevColumn("id", "integer", PrimaryKey: true),
            new DevColumn("registration_number", "text", Nullable: false),
            new DevColumn("status", "text", Nullable: false),
            new DevColumn("capacity", "integer"),
            new DevColumn("active", "boolean", Default: 1),
            new DevColumn("created_at", "timestamp", Default: "now"),
        });
    }

    public static async Task<T> Next<T>(this BlockingCollection<T> items)
    {
        using var cts = new CancellationTokenSource(Deadline);
        return await Task.Run(() => items.Take(cts.Token), cts.Token);
    }

    public static async Task Until(Func<bool> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Deadline);
        while (!condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("timed out waiting until " + what);
            }

            await Task.Delay(20);
        }
    }

    public static async Task UntilAsync(Func<Task<bool>> condition, string what, TimeSpan? within = null)
    {
        var deadline = DateTime.UtcNow + (within ?? Deadline);
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                Assert.Fail("timed out waiting until " + what);
            }

            await Task.Delay(50);
        }
    }
}

internal sealed record Session(SkaftinRealtimeClient Client, ProjectMembership Membership, string Project) : IAsyncDisposable
{
    public async ValueTask DisposeAsync()
    {
        await Membership.DisposeAsync();
        await Client.DisposeAsync();
    }
}

/// <summary>
/// One dev server of each contract shared by the tests that do not kill or freeze it: the default one, one
/// speaking the seed's reading (<see cref="DevServerContract.Seed"/>) for the tests that run against both, and one
/// speaking the seed's reading that never answers a join (<see cref="SilentSeed"/>).
/// </summary>
public sealed class DevServerFixture : IAsyncLifetime
{
    public SkaftinDevServer Server { get; private set; } = null!;

    public SkaftinDevServer Seed { get; private set; } = null!;

    /// <summary>The seed contract with <c>--silent-joins *</c>: a client needs <see cref="Harness.Joins"/>.</summary>
    public SkaftinDevServer SilentSeed { get; private set; } = null!;

    /// <summary>The shared server speaking <paramref name="contract"/>, answering joins unless <paramref name="silentJoins"/>.</summary>
    public SkaftinDevServer For(DevServerContract contract, bool silentJoins = false) =>
        silentJoins ? SilentSeed : contract == DevServerContract.Seed ? Seed : Server;

    public async Task InitializeAsync()
    {
        var server = SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { ApiKeys = { "p1-only=p1" } });
        var seed = SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Contract = DevServerContract.Seed });
        var silentSeed = SkaftinDevServer.StartAsync(Harness.ServerOptions(DevServerContract.Seed, silentJoins: true));
        Server = await server;
        Seed = await seed;
        SilentSeed = await silentSeed;
    }

    public async Task DisposeAsync()
    {
        await Server.DisposeAsync();
        await Seed.DisposeAsync();
        await SilentSeed.DisposeAsync();
    }
}

[CollectionDefinition("dev server")]
public sealed class DevServerCollection : ICollectionFixture<DevServerFixture>
{
}
