using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// The client against the dev server's seed-faithful mode (<c>--contract seed</c>): no credential required, a
/// credential read where the server expects it, joins that are never confirmed, and joins made before connecting.
/// </summary>
public sealed class SeedServerTests
{
    // Longer than any test may run: a join or reconnect that waited for it fails by the harness's deadline instead.
    private static readonly TimeSpan Forever = TimeSpan.FromMinutes(10);

    private static string NewProject() => "p" + Guid.NewGuid().ToString("N")[..8];

    private static Task<SkaftinDevServer> SeedServerAsync(Action<SkaftinDevServerOptions>? configure = null)
    {
        var options = new SkaftinDevServerOptions { Contract = DevServerContract.Seed, ApiKeys = { "p1-key=p1" } };
        configure?.Invoke(options);
        return SkaftinDevServer.StartAsync(options);
    }

    /// <summary>What the seed's own client configures: the URL, nothing else.</summary>
    private static SkaftinRealtimeClient SeedStyleClient(SkaftinDevServer server, Action<SkaftinRealtimeOptions>? configure = null)
    {
        var options = new SkaftinRealtimeOptions { ApiUrl = server.Url };
        configure?.Invoke(options);
        return new SkaftinRealtimeClient(options);
    }

    private static async Task<Vehicle> InsertAndReceiveAsync(SkaftinDevServer server, string project, BlockingCollection<Vehicle> inserted, string registration)
    {
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = registration, status = "available" });
        return await inserted.Next();
    }

    [Fact]
    public async Task TheDefaultOptionsConnectToASeedServerWithNoCredentialAndReceiveChanges()
    {
        await using var server = await SeedServerAsync();
        var project = NewProject();
        await Harness.CreateVehiclesAsync(server, project);
        await using var client = SeedStyleClient(server);
        var inserted = new BlockingCollection<Vehicle>();
        using var a = client.Vehicles().OnInserted(inserted.Add);

        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);

        Assert.Equal("CA 1", (await InsertAndReceiveAsync(server, project, inserted, "CA 1")).RegistrationNumber);
    }

    [Theory]
    [InlineData("auth:apiKey", SkaftinCredentialLocation.AuthField, "apiKey", null)]
    [InlineData("query:api_key", SkaftinCredentialLocation.QueryParameter, "api_key", null)]
    [InlineData("header:x-api-key", SkaftinCredentialLocation.Header, "X-Api-Key", null)]
    [InlineData("header:authorization", SkaftinCredentialLocation.Header, "Authorization", "Bearer ")]
    public async Task ACredentialIsSentWhereTheServerReadsItOnBothTransports(string serverReads, SkaftinCredentialLocation location, string name, string? prefix)
    {
        // The server checks a credential it finds (only there): a key granting p1 alone is refused p2, a wrong key is refused.
        await using var server = await SeedServerAsync(o =>
        {
            o.ValidateCredential = true;
            o.CredentialFrom = serverReads;
        });
        foreach (var transport in new[] { SkaftinTransport.WebSocket, SkaftinTransport.Polling })
        {
            void Place(SkaftinRealtimeOptions o, string key)
            {
                o.ApiKey = key;
                o.Transport = transport;
                o.Credential = new SkaftinCredentialOptions { Location = location, Name = name, Prefix = prefix };
                o.RetryInitialConnection = false;
            }

            await using (var limited = SeedStyleClient(server, o => Place(o, "p1-key")))
            {
                await limited.StartAsync();
                await using var p1 = await limited.JoinProjectAsync("p1");
                var refused = await Assert.ThrowsAsync<SkaftinJoinException>(() => limited.JoinProjectAsync("p2"));
                Assert.Equal("api key does not grant project p2", refused.ServerMessage);
            }

            await using var wrong = SeedStyleClient(server, o => Place(o, "wrong-key"));
            var error = await Assert.ThrowsAsync<SkaftinAuthenticationException>(() => wrong.StartAsync());
            Assert.Equal("invalid api key", error.ServerMessage);
        }
    }

    [Fact]
    public async Task ARefusedCredentialIsReportedEachTimeAndWhatFollowsIsThePolicysDecision()
    {
        await using var server = await SeedServerAsync(o => o.ValidateCredential = true);
        var errors = new ConcurrentQueue<RealtimeError>();
        await using (var retrying = SeedStyleClient(server, o =>
        {
            o.ApiKey = "wrong-key";
            o.RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(50), MaxDelay = TimeSpan.FromMilliseconds(100) };
        }))
        {
            using var e = retrying.OnError(errors.Enqueue);
            using var cts = new CancellationTokenSource();
            var start = retrying.StartAsync(cts.Token);

            // The default policy goes on retrying a refused credential (a key may be granted meanwhile), reporting each refusal.
            await Harness.Until(() => errors.Count >= 3, "three refusals are reported");
            Assert.False(start.IsCompleted);
            Assert.Equal(ConnectionState.Connecting, retrying.State);
            Assert.All(errors, static x => Assert.Equal("invalid api key", Assert.IsType<SkaftinAuthenticationException>(x.Exception).ServerMessage));
            await cts.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start);
        }

        await using var stopping = SeedStyleClient(server, o =>
        {
            o.ApiKey = "wrong-key";
            o.RetryPolicy = new StopOnRefusedCredentials();
        });
        await Assert.ThrowsAsync<SkaftinAuthenticationException>(() => stopping.StartAsync());
        Assert.Equal(ConnectionState.Disconnected, stopping.State);
    }

    [Fact]
    public async Task AgainstAServerThatNeverConfirmsJoinsOnEmitJoinsAndRejoinsAfterAReconnect()
    {
        await using var server = await SeedServerAsync(static o => o.SilentJoins = ["*"]);
        var project = NewProject();
        await Harness.CreateVehiclesAsync(server, project);
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = SeedStyleClient(server, static o =>
        {
            o.JoinConfirmation = JoinConfirmation.OnEmit;
            o.RequestTimeout = Forever;
            o.RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1) };
        });
        var inserted = new BlockingCollection<Vehicle>();
        using var a = client.Vehicles().OnInserted(inserted.Add);
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();

        await using var membership = await client.JoinProjectAsync(project);
        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Contains(client.SocketId!), "the client is in the room");
        Assert.Equal("CA 1", (await InsertAndReceiveAsync(server, project, inserted, "CA 1")).RegistrationNumber);

        var before = client.SocketId;
        await server.Api.DropTransportsAsync();
        await Harness.Until(() => client.State == ConnectionState.Connected && client.SocketId != before, "the client is connected again");
        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Contains(client.SocketId!), "the room is joined again");

        Assert.Equal("CA 2", (await InsertAndReceiveAsync(server, project, inserted, "CA 2")).RegistrationNumber);
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(JoinConfirmation.ServerAnswer, false)]
    [InlineData(JoinConfirmation.OnEmit, true)]
    public async Task AJoinMadeBeforeConnectingIsRememberedAndJoinedOnConnect(JoinConfirmation confirmation, bool silentServer)
    {
        await using var server = await SeedServerAsync(o =>
        {
            if (silentServer)
            {
                o.SilentJoins = ["*"];
            }
        });
        var project = NewProject();
        await Harness.CreateVehiclesAsync(server, project);
        await using var client = SeedStyleClient(server, o =>
        {
            o.JoinConfirmation = confirmation;
            o.RequestTimeout = Forever;
        });
        var inserted = new BlockingCollection<Vehicle>();
        using var a = client.Vehicles().OnInserted(inserted.Add);

        await using var membership = await client.JoinProjectAsync(project);
        Assert.Equal(ConnectionState.Disconnected, client.State);
        await client.StartAsync();

        Assert.Contains(client.SocketId!, await server.Api.GetRoomMembersAsync(project));
        Assert.Equal("CA 1", (await InsertAndReceiveAsync(server, project, inserted, "CA 1")).RegistrationNumber);
    }

    [Fact]
    public async Task ALateConfirmationStillCompletesAServerAnswerJoin()
    {
        await using var server = await SeedServerAsync(static o => o.JoinAnswerDelay = TimeSpan.FromMilliseconds(500));
        var project = NewProject();
        await Harness.CreateVehiclesAsync(server, project);
        await using var client = SeedStyleClient(server);
        await client.StartAsync();

        await using var membership = await client.JoinProjectAsync(project);

        Assert.Contains(client.SocketId!, await server.Api.GetRoomMembersAsync(project));
    }

    private sealed class StopOnRefusedCredentials : IRetryPolicy
    {
        public TimeSpan? NextRetryDelay(RetryContext context) =>
            context.Reason == RetryReason.CredentialsRefused ? null : TimeSpan.FromMilliseconds(100);
    }
}
