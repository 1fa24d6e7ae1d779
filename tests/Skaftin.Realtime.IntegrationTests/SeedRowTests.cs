using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>Two dev servers speaking the seed's contract: one sends <c>oldData</c> with its partial updates, one does not.</summary>
public sealed class SeedServersFixture : IAsyncLifetime
{
    public SkaftinDevServer WithOldData { get; private set; } = null!;

    public SkaftinDevServer WithoutOldData { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        WithOldData = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Contract = DevServerContract.Seed });
        WithoutOldData = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Contract = DevServerContract.Seed, OmitOldData = true });
    }

    public async Task DisposeAsync()
    {
        await WithOldData.DisposeAsync();
        await WithoutOldData.DisposeAsync();
    }
}

/// <summary>
/// Rows as a seed-faithful backend sends them (the dev server's <c>--contract seed</c>): updates carrying the key and
/// the changed columns, bulk writes as one event with a row array, cron and import events without a <c>tableName</c>.
/// Every one reaches the app typed, and a live table follows them without reloading.
/// </summary>
public sealed class SeedRowTests(SeedServersFixture servers) : IClassFixture<SeedServersFixture>
{
    [Fact]
    public async Task APartialUpdateWithOldDataReachesOnUpdatedAsTheWholeRow()
    {
        await using var session = await Harness.SessionAsync(servers.WithOldData);
        var api = servers.WithOldData.Api;
        var id = (await api.InsertAsync(session.Project, "vehicles", new { registration_number = "CA 1", status = "available", capacity = 4 })).GetProperty("id").GetInt64();
        var updated = new BlockingCollection<RowUpdated<Vehicle, long>>();
        var errors = new ConcurrentQueue<RealtimeError>();
        using var a = session.Client.Vehicles().OnChanged(change =>
        {
            if (change is RowUpdated<Vehicle, long> update)
            {
                updated.Add(update);
            }
        });
        using var e = session.Client.OnError(errors.Enqueue);

        await api.UpdateAsync(session.Project, "vehicles", id, new { capacity = 7 });

        var change = await updated.Next();
        Assert.Equal(("CA 1", VehicleStatus.Available, 7), (change.Row.RegistrationNumber, change.Row.Status, change.Row.Capacity));
        Assert.Equal(4, change.OldRow!.Capacity);
        Assert.Equal(new[] { "id", "capacity" }, change.Patch!.Columns);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task APartialUpdateWithoutOldDataIsATypedPatchAndALiveTableAppliesItWithoutReloading()
    {
        var server = servers.WithoutOldData;
        await using var session = await Harness.SessionAsync(server);
        var id = (await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "CA 1", status = "available", capacity = 4 })).GetProperty("id").GetInt64();
        var loads = 0;
        await using var live = await LiveTable<Vehicle, long>.StartAsync(session.Client.Vehicles(), async token =>
        {
            Interlocked.Increment(ref loads);
            return VehicleRowReader.Instance.ReadArray(await server.Api.GetRowsAsync(session.Project, "vehicles", token));
        });
        await Harness.Until(() => live.Count == 1, "the live table holds the row");
        var patched = new BlockingCollection<RowPatched<Vehicle, long>>();
        var errors = new ConcurrentQueue<RealtimeError>();
        using var p = session.Client.Vehicles().OnPatched(patched.Add);
        using var e = session.Client.OnError(errors.Enqueue);

        await server.Api.UpdateAsync(session.Project, "vehicles", id, new { status = "in_service", capacity = (int?)null });

        var change = await patched.Next();
        Assert.Equal(id, change.Key);
        var patch = Assert.IsType<VehiclePatch>(change.Patch);
        Assert.Equal((VehicleStatus.InService, true, (int?)null), (patch.Status.Value, patch.Capacity.IsPresent, patch.Capacity.Value));
        Assert.False(patch.RegistrationNumber.IsPresent);
        await Harness.Until(() => live.TryGet(id, out var row) && row.Status == VehicleStatus.InService && row.Capacity is null, "the live table applies the patch");
        Assert.Equal("CA 1", Assert.Single(live).RegistrationNumber);
        Assert.Equal(1, Volatile.Read(ref loads));
        Assert.Empty(errors);
    }

    [Fact]
    public async Task APartialUpdateOnlyOnUpdatedWouldMissIsReportedOncePerTable()
    {
        var server = servers.WithoutOldData;
        await using var session = await Harness.SessionAsync(server);
        var updated = 0;
        var errors = new BlockingCollection<RealtimeError>();
        var inserted = new BlockingCollection<Vehicle>();
        using var u = session.Client.Vehicles().OnUpdated((_, _) => Interlocked.Increment(ref updated));
        using var i = session.Client.Vehicles().OnInserted(inserted.Add);
        using var e = session.Client.OnError(errors.Add);
        var id = (await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "CA 1", status = "available", capacity = 4 })).GetProperty("id").GetInt64();
        Assert.Equal("CA 1", (await inserted.Next()).RegistrationNumber);

        await server.Api.UpdateAsync(session.Project, "vehicles", id, new { capacity = 7 });
        await server.Api.UpdateAsync(session.Project, "vehicles", id, new { capacity = 8 });
        await server.Api.InsertAsync(session.Project, "vehicles", new { registration_number = "CA 2", status = "available", capacity = 4 });
        Assert.Equal("CA 2", (await inserted.Next()).RegistrationNumber); // in order: both updates were dispatched before

        var error = await errors.Next();
        Assert.Equal((RealtimeErrorKind.UnhandledPatch, "vehicles", "update"), (error.Kind, error.TableName, error.EventType));
        Assert.Contains("\"capacity\":7", error.RawText);
        Assert.Empty(errors);
        Assert.Equal(0, Volatile.Read(ref updated));
    }

    [Fact]
    public async Task BulkWritesAreOneTypedChangePerRowOnEveryPath()
    {
        var server = servers.WithOldData;
        await using var session = await Harness.SessionAsync(server);
        var inserted = new BlockingCollection<Vehicle>();
        var updated = new BlockingCollection<(Vehicle Now, Vehicle? Before)>();
        var any = new BlockingCollection<IDatabaseEvent>();
        using var a = session.Client.Vehicles().OnInserted(inserted.Add);
        using var b = session.Client.Vehicles().OnUpdated((now, before) => updated.Add((now, before)));
        using var c = session.Client.OnAnyChange(any.Add);
        await using var live = await LiveTable<Vehicle, long>.StartAsync(session.Client.Vehicles(), async token =>
            VehicleRowReader.Instance.ReadArray(await server.Api.GetRowsAsync(session.Project, "vehicles", token)));

        var rows = await server.Api.InsertManyAsync(session.Project, "vehicles", new object[]
        {
            new { registration_number = "B 1", status = "available" },
            new { registration_number = "B 2", status = "available" },
            new { registration_number = "B 3", status = "in_service" },
        });
        var ids = rows.EnumerateArray().Select(static r => r.GetProperty("id").GetInt64()).ToArray();
        Assert.Equal(new[] { "B 1", "B 2", "B 3" }, new[] { (await inserted.Next()).RegistrationNumber, (await inserted.Next()).RegistrationNumber, (await inserted.Next()).RegistrationNumber });

        await server.Api.UpdateManyAsync(session.Project, "vehicles", ids.Select(static id => (object)new { id, capacity = (int)id * 10 }));
        for (var i = 0; i < 3; i++)
        {
            var (now, before) = await updated.Next();
            Assert.Equal(((int)ids[i] * 10, $"B {i + 1}", (int?)null), (now.Capacity, now.RegistrationNumber, before!.Capacity));
        }

        var typed = Enumerable.Range(0, 6).Select(_ => any.Next().Result).ToList();
        Assert.All(typed, change => Assert.IsAssignableFrom<RowChange<Vehicle, long>>(change));
        var database = VehicleRowReader.Instance.ReadArray(await server.Api.GetRowsAsync(session.Project, "vehicles"));
        await Harness.Until(() => ConvergenceTests.Same(database, live.Snapshot()), "the live table equals the database");
    }

    [Fact]
    public async Task CronAndImportEventsWithoutATableNameAreDelivered()
    {
        var server = servers.WithOldData;
        await using var session = await Harness.SessionAsync(server);
        var cron = new BlockingCollection<CronJobChange>();
        var imports = new BlockingCollection<DatabaseImported>();
        var errors = new ConcurrentQueue<RealtimeError>();
        using var a = session.Client.OnCronJobChanged(cron.Add);
        using var b = session.Client.OnDatabaseImported(imports.Add);
        using var e = session.Client.OnError(errors.Enqueue);

        await server.Api.CreateCronJobAsync(session.Project, "nightly", "0 3 * * *");
        await server.Api.ImportDumpAsync(session.Project, Array.Empty<DevTable>());

        Assert.Equal(DatabaseChangeType.CreateCronJob, (await cron.Next()).Type);
        Assert.Equal(session.Project, (await imports.Next()).ProjectId);
        Assert.Empty(errors);
    }
}
