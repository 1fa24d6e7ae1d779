using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>The client against the real Socket.IO dev server: connection, rooms and typed events.</summary>
[Collection("dev server")]
public sealed class ClientTests(DevServerFixture fixture)
{
    private readonly SkaftinDevServer _server = fixture.Server;

    private static string NewProject() => "p" + Guid.NewGuid().ToString("N")[..8];

    [Fact]
    public async Task ConnectCompletesOnlyWhenAccepted()
    {
        await using var client = Harness.Client(_server);
        var states = new ConcurrentQueue<ConnectionState>();
        client.StateChanged += change => states.Enqueue(change.Current);

        await client.StartAsync();

        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.False(string.IsNullOrEmpty(client.SocketId));
        Assert.Contains(client.SocketId, await _server.Api.GetSocketsAsync());
        await Harness.Until(() => states.Count == 2, "both state changes are delivered");
        Assert.Equal(new[] { ConnectionState.Connecting, ConnectionState.Connected }, states);
    }

    [Fact]
    public async Task RejectedKeyIsATypedErrorWithTheServersMessage()
    {
        await using var client = Harness.Client(_server, key: "wrong-key", o => o.RetryInitialConnection = false);
        var error = await Assert.ThrowsAsync<SkaftinAuthenticationException>(() => client.StartAsync());
        Assert.Equal("invalid api key", error.ServerMessage);
        Assert.DoesNotContain("wrong-key", error.Message);
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task UnreachableServerFailsWithinTheTimeout()
    {
        var free = Harness.FreePort();
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri($"http://127.0.0.1:{free}"),
            AccessTokenProvider = _ => ValueTask.FromResult("k"),
            ConnectTimeout = TimeSpan.FromSeconds(2),
            RetryInitialConnection = false,
        });
        var started = DateTime.UtcNow;
        await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync());
        Assert.True(DateTime.UtcNow - started < TimeSpan.FromSeconds(10));
    }

    [Fact]
    public async Task ConnectHonoursCancellation()
    {
        await using var client = Harness.Client(_server);
        using var cts = new CancellationTokenSource();
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => client.StartAsync(cts.Token));
    }

    // Against the seed contract an update carries the key and the changed columns, with the whole old row as oldData:
    // OnUpdated gets the row merged from both, as it gets the whole row from the dev contract.
    [Theory]
    [InlineData(false, DevServerContract.Dev)]
    [InlineData(true, DevServerContract.Dev)] // handlers on the socket's receive thread (SkaftinRealtimeOptions.DispatchOnReceiveThread)
    [InlineData(false, DevServerContract.Seed)]
    public async Task TypedRowEventsFromRealWrites(bool dispatchOnReceiveThread, DevServerContract contract)
    {
        var server = fixture.For(contract);
        await using var session = await Harness.SessionAsync(server, o => o.DispatchOnReceiveThread = dispatchOnReceiveThread);
        var (client, project) = (session.Client, session.Project);
        var vehicles = client.Vehicles();
        var inserted = new BlockingCollection<Vehicle>();
        var updated = new BlockingCollection<(Vehicle Now, Vehicle? Before)>();
        var deleted = new BlockingCollection<RowDeleted<Vehicle, long>>();
        var errors = new BlockingCollection<RealtimeError>();
        using var a = vehicles.OnInserted(inserted.Add);
        using var b = vehicles.OnUpdated((now, before) => updated.Add((now, before)));
        using var c = vehicles.OnDeleted(deleted.Add);
        using var e = client.OnError(errors.Add);

        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "CA 1", status = "available", capacity = 14 });
        var vehicle = await inserted.Next();
        Assert.Equal(("CA 1", VehicleStatus.Available, 14, true), (vehicle.RegistrationNumber, vehicle.Status, vehicle.Capacity, vehicle.Active));

        await server.Api.UpdateAsync(project, "vehicles", vehicle.Id, new { status = "in_service", capacity = (int?)null });
        var update = await updated.Next();
        Assert.Equal((VehicleStatus.InService, (int?)null), (update.Now.Status, update.Now.Capacity));
        Assert.Equal(vehicle, update.Before);

        await server.Api.DeleteAsync(project, "vehicles", vehicle.Id);
        var full = await deleted.Next();
        Assert.Equal(vehicle.Id, full.Key);
        Assert.Equal(update.Now, full.Row);

        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "CA 2", status = "available" });
        var second = await inserted.Next();
        await server.Api.DeleteAsync(project, "vehicles", second.Id, keyOnly: true);
        var keyOnly = await deleted.Next();
        Assert.Equal((second.Id, (Vehicle?)null), (keyOnly.Key, keyOnly.Row));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task SchemaCronAndProjectEventsReachTheirHandlers()
    {
        await using var session = await Harness.SessionAsync(_server);
        var (client, project) = (session.Client, session.Project);
        var schema = new BlockingCollection<SchemaChange>();
        var cron = new BlockingCollection<CronJobChange>();
        var imports = new BlockingCollection<DatabaseImported>();
        var projectEvents = new BlockingCollection<ProjectEvent>();
        using var a = client.Vehicles().OnSchemaChanged(schema.Add);
        using var b = client.OnCronJobChanged(cron.Add);
        using var c = client.OnProjectEvent(projectEvents.Add);
        using var d = client.OnDatabaseImported(imports.Add);

        await _server.Api.AddColumnAsync(project, "vehicles", new DevColumn("colour", "text"));
        var added = await schema.Next();
        Assert.Equal((DatabaseChangeType.AddColumn, project), (added.Type, added.ProjectId));

        await _server.Api.CreateCronJobAsync(project, "nightly", "0 3 * * *");
        Assert.Equal(DatabaseChangeType.CreateCronJob, (await cron.Next()).Type);

        await _server.Api.ImportDumpAsync(project, Array.Empty<DevTable>());
        Assert.Equal(project, (await imports.Next()).ProjectId);

        await _server.Api.PublishProjectEventAsync(project, "deploy-finished", new { version = 3 });
        var published = await projectEvents.Next();
        Assert.Equal(("deploy-finished", project), (published.Type, published.ProjectId));
        Assert.Contains("\"version\":3", published.DataJson);
    }

    [Fact]
    public async Task EventsOfOtherTablesDoNotReachTheTypedTable()
    {
        var project = NewProject();
        await Harness.CreateVehiclesAsync(_server, project);
        await _server.Api.CreateTableAsync(project, "invoices", new[] { new DevColumn("total", "numeric") });
        await using var client = Harness.Client(_server);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(project);
        var typed = new BlockingCollection<Vehicle>();
        var untyped = new BlockingCollection<DatabaseChange>();
        using var a = client.Vehicles().OnInserted(typed.Add);
        using var b = client.OnUndeclaredChange(untyped.Add);

        await _server.Api.InsertAsync(project, "invoices", new { total = "9.50" });
        await _server.Api.InsertAsync(project, "vehicles", new { registration_number = "CA 3", status = "available" });

        Assert.Equal("invoices", (await untyped.Next()).TableName);
        Assert.Equal("CA 3", (await typed.Next()).RegistrationNumber);
        Assert.Empty(typed);
    }

    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    public async Task TwoHoldersShareOneJoinAndTheLastOneLeaves(DevServerContract contract)
    {
        var server = fixture.For(contract);
        var project = NewProject();
        await using var client = Harness.Client(server);
        await client.StartAsync();

        var first = await client.JoinProjectAsync(project);
        var second = await client.JoinProjectAsync(project);
        Assert.Equal(2, client.GetJoinedProjects()[project]);
        Assert.Equal(new[] { client.SocketId! }, await server.Api.GetRoomMembersAsync(project));

        await first.DisposeAsync();
        await Task.Delay(300);
        Assert.Equal(new[] { client.SocketId! }, await server.Api.GetRoomMembersAsync(project));

        await second.DisposeAsync();
        await Harness.UntilAsync(async () => (await server.Api.GetRoomMembersAsync(project)).Count == 0, "the room is left");
        Assert.False(client.GetJoinedProjects().ContainsKey(project));
    }

    [Fact]
    public async Task RefusedJoinIsATypedError()
    {
        await using var client = Harness.Client(_server, key: "p1-only");
        await client.StartAsync();
        var error = await Assert.ThrowsAsync<SkaftinJoinException>(() => client.JoinProjectAsync("p2"));
        Assert.Equal("p2", error.ProjectId);
        Assert.Empty(client.GetJoinedProjects());
        await using var allowed = await client.JoinProjectAsync("p1");
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)] // handlers on the socket's receive thread (SkaftinRealtimeOptions.DispatchOnReceiveThread)
    public async Task AThrowingHandlerAndABadPayloadAreReportedAndTheNextEventArrives(bool dispatchOnReceiveThread)
    {
        await using var session = await Harness.SessionAsync(_server, o => o.DispatchOnReceiveThread = dispatchOnReceiveThread);
        var (client, project) = (session.Client, session.Project);
        var inserted = new BlockingCollection<Vehicle>();
        var errors = new BlockingCollection<RealtimeError>();
        using var a = client.Vehicles().OnInserted(v =>
        {
            if (v.RegistrationNumber == "throw")
            {
                throw new InvalidOperationException("handler bug");
            }

            inserted.Add(v);
        });
        using var e = client.OnError(errors.Add);

        await _server.Api.InsertAsync(project, "vehicles", new { registration_number = "throw", status = "available" });
        await _server.Api.EmitAsync(project, "database-change", new { type = "insert", projectId = project, tableName = "vehicles", data = "not a row", timestamp = DateTimeOffset.UtcNow });
        await _server.Api.InsertAsync(project, "vehicles", new { registration_number = "ok", status = "available" });

        Assert.Equal("ok", (await inserted.Next()).RegistrationNumber);
        var handlerError = await errors.Next();
        Assert.Equal((RealtimeErrorKind.HandlerFailed, "handler bug"), (handlerError.Kind, handlerError.Exception!.Message));
        var decodeError = await errors.Next();
        Assert.Equal(RealtimeErrorKind.DecodeFailed, decodeError.Kind);
        Assert.Contains("not a row", decodeError.RawText);
        Assert.Equal(ConnectionState.Connected, client.State);
    }

    [Fact]
    public async Task DisposeClosesTheSocketAtOnceAndIsIdempotent()
    {
        var client = Harness.Client(_server);
        await client.StartAsync();
        var id = client.SocketId!;
        Assert.Contains(id, await _server.Api.GetSocketsAsync());

        await client.DisposeAsync();
        await Harness.UntilAsync(async () => !(await _server.Api.GetSocketsAsync()).Contains(id), "the server sees the socket gone", TimeSpan.FromSeconds(1));
        await client.DisposeAsync();

        var neverConnected = Harness.Client(_server);
        await neverConnected.DisposeAsync();
        await neverConnected.DisposeAsync();
    }

    [Fact]
    public async Task ConcurrentJoinsEachGetTheirOwnAnswer()
    {
        await using var client = Harness.Client(_server);
        await client.StartAsync();
        var projects = Enumerable.Range(0, 100).Select(static i => $"many{i}").ToArray();
        var memberships = await Task.WhenAll(projects.Select(p => client.JoinProjectAsync(p)));
        Assert.Equal(projects, memberships.Select(static m => m.ProjectId));
        Assert.Equal(100, client.GetJoinedProjects().Count);
        foreach (var membership in memberships)
        {
            await membership.DisposeAsync();
        }
    }
}
