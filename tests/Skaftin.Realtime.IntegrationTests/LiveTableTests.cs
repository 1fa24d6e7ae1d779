using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>A live table against the real dev server, when the app's handlers throw, a change cannot be read, or the backend loses its data.</summary>
[Collection("dev server")]
public sealed class LiveTableTests(DevServerFixture fixture)
{
    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    public async Task AThrowingLoadedHandlerIsReportedAndDoesNotMakeTheTableReloadForever(DevServerContract contract)
    {
        var server = fixture.For(contract);
        await using var session = await Harness.SessionAsync(server);
        var loads = 0;
        var errors = new BlockingCollection<RealtimeError>();
        using var e = session.Client.OnError(errors.Add);
        await using var live = await LiveTable<Vehicle, long>.StartAsync(session.Client.Vehicles(), async token =>
        {
            Interlocked.Increment(ref loads);
            return VehicleRowReader.Instance.ReadArray(await server.Api.GetRowsAsync(session.Project, "vehicles", token));
        });
        live.Loaded += _ => throw new InvalidOperationException("app bug");

        // A schema change makes the table reload; the app's handler then throws.
        await server.Api.AddColumnAsync(session.Project, "vehicles", new DevColumn("note", "text"));

        var error = await errors.Next();
        Assert.Equal((RealtimeErrorKind.HandlerFailed, "live-table", "Loaded"), (error.Kind, error.EventName, error.EventType));
        await Task.Delay(1000);
        Assert.Equal(2, Volatile.Read(ref loads));
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    public async Task AChangeThatCannotBeDecodedReloadsTheTable(DevServerContract contract)
    {
        var server = fixture.For(contract);
        await using var session = await Harness.SessionAsync(server);
        var row = await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "old", status = "available" });
        var id = row.GetProperty("id").GetInt64();
        await using var live = await LiveTable<Vehicle, long>.StartAsync(session.Client.Vehicles(), async token =>
            VehicleRowReader.Instance.ReadArray(await server.Api.GetRowsAsync(session.Project, "vehicles", token)));
        var reloaded = new TaskCompletionSource();
        live.Loaded += _ => reloaded.TrySetResult();

        // The row changes in the database, but the change that reaches the client cannot be read (a status no member names).
        await server.Api.UpdateAsync(session.Project, "vehicles", id, new { registration_number = "new" });
        await Harness.Until(() => live.TryGet(id, out var v) && v.RegistrationNumber == "new", "the real update applies");
        await server.Api.EmitAsync(session.Project, "database-change", new { type = "update", projectId = session.Project, tableName = "vehicles", data = new { id, status = "parked" }, timestamp = DateTimeOffset.UtcNow });

        await reloaded.Task.WaitAsync(Harness.Deadline);
        Assert.Equal("new", Assert.Single(live.Snapshot()).RegistrationNumber);
    }

    // Issue 20, case 3: the backend restarts with an empty database; the reload after the reconnect gets 404.
    [Fact]
    public async Task AfterARestartWithAnEmptyDatabaseTheTableIsStaleWithTheLoadersErrorUntilAReloadWorks()
    {
        await using var server = await SkaftinDevServer.StartAsync(); // no database file: a restart loses every table
        await Harness.CreateVehiclesAsync(server, "p1");
        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "gone", status = "available" });
        await using var client = Harness.Client(server);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        await using var live = await LiveTable<Vehicle, long>.StartAsync(
            client.Vehicles(),
            async token => VehicleRowReader.Instance.ReadArray(await server.Api.GetRowsAsync("p1", "vehicles", token)),
            new LiveTableOptions { RetryDelay = TimeSpan.FromMilliseconds(200), MaxRetryDelay = TimeSpan.FromMilliseconds(500) });
        var statuses = new ConcurrentQueue<LiveTableStatus>();
        live.PropertyChanged += (_, e) =>
        {
            if (e.PropertyName == nameof(live.Status))
            {
                statuses.Enqueue(live.Status);
            }
        };
        Assert.Equal(LiveTableStatus.Live, live.Status);

        await server.RestartAsync();

        // The reconnect's resync reloads; the table is gone: the list says it is stale, and why.
        await Harness.Until(() => live.Status == LiveTableStatus.Stale, "the failed reload makes the table stale");
        var error = Assert.IsType<SkaftinDevServerException>(live.LastError);
        Assert.Equal(HttpStatusCode.NotFound, error.StatusCode);
        Assert.Equal("gone", Assert.Single(live.Snapshot()).RegistrationNumber); // kept as last loaded, marked stale

        // The table is created again (empty): a retry loads it and the list is live and true again.
        await Harness.CreateVehiclesAsync(server, "p1");
        await Harness.Until(() => live.Status == LiveTableStatus.Live, "a retry reloads the table");
        Assert.Null(live.LastError);
        Assert.Empty(live.Snapshot());
        Assert.Equal(new[] { LiveTableStatus.Reloading, LiveTableStatus.Stale, LiveTableStatus.Live }, statuses);

        // And live: a new row arrives as an event.
        await server.Api.InsertAsync("p1", "vehicles", new { registration_number = "new", status = "available" });
        await Harness.Until(() => live.Snapshot().Any(static v => v.RegistrationNumber == "new"), "the new row arrives");
    }
}
