using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Schema, cron-job and import events from real dev-server writes arrive typed, through the client's project-wide
/// stream of every change, next to typed rows of the declared table: against both dev-server contracts, and against
/// the seed's with a server that never answers a join.
/// </summary>
[Collection("dev server")]
public sealed class TypedEventTests(DevServerFixture fixture)
{
    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    [InlineData(DevServerContract.Seed, true)]
    public async Task EveryChangeOfTheProjectArrivesWithItsPayloadTyped(DevServerContract contract, bool silentJoins = false)
    {
        var server = fixture.For(contract, silentJoins);
        await using var session = await Harness.SessionAsync(server, Harness.Joins(silentJoins));
        var (client, project) = (session.Client, session.Project);
        var all = new BlockingCollection<IDatabaseEvent>();
        var errors = new BlockingCollection<RealtimeError>();
        using var a = client.OnAnyChange(all.Add);
        using var b = client.OnError(errors.Add);
        var api = server.Api;
        _ = client.Vehicles(); // rows of a table arrive typed once the app asked for its typed object

        await api.InsertAsync(project, "vehicles", new { registration_number = "CA 9", status = "available" });
        Assert.Equal("CA 9", Assert.IsType<RowInserted<Vehicle, long>>(await all.Next()).Row.RegistrationNumber);

        await api.CreateTableAsync(project, "invoices", new[] { new DevColumn("number", "text", PrimaryKey: true), new DevColumn("total", "numeric") });
        var created = Assert.IsType<TableCreated>(Schema(await all.Next(), DatabaseChangeType.CreateTable, "invoices"));
        Assert.Equal("number", created.PrimaryKey);
        Assert.Equal(new[] { "number", "total" }, created.Columns!.Select(static c => c.Name));

        await api.AddColumnAsync(project, "vehicles", new DevColumn("colour", "text", Nullable: false, Default: "white"));
        var added = Assert.IsType<ColumnAdded>(Schema(await all.Next(), DatabaseChangeType.AddColumn, "vehicles")).Column!;
        Assert.Equal(("colour", "text", (bool?)false, "white"), (added.Name, added.Type, added.Nullable, added.Default!.Value.GetString()));

        await api.AlterColumnAsync(project, "vehicles", "capacity", type: "bigint");
        var altered = Assert.IsType<ColumnAltered>(Schema(await all.Next(), DatabaseChangeType.AlterColumn, "vehicles"));
        Assert.Equal(("capacity", "bigint", "integer"), (altered.Column!.Name, altered.Column.Type, altered.OldColumn!.Type));

        await api.CreateConstraintAsync(project, "invoices", new { name = "uq_total", type = "unique", columns = new[] { "total" } });
        var constraint = Assert.IsType<ConstraintCreated>(Schema(await all.Next(), DatabaseChangeType.CreateConstraint, "invoices")).Constraint!;
        Assert.Equal(("uq_total", "unique", "total"), (constraint.Name, constraint.Type, Assert.Single(constraint.Columns!)));
        Assert.True(constraint.Extra.ContainsKey("index")); // the dev server's own field, kept

        await api.DropConstraintAsync(project, "invoices", "uq_total");
        Assert.Equal("uq_total", Assert.IsType<ConstraintDropped>(Schema(await all.Next(), DatabaseChangeType.DropConstraint, "invoices")).Constraint!.Name);

        await api.DropColumnAsync(project, "vehicles", "colour");
        Assert.Equal("colour", Assert.IsType<ColumnDropped>(Schema(await all.Next(), DatabaseChangeType.DropColumn, "vehicles")).Column!.Name);

        await api.RenameTableAsync(project, "invoices", "bills");
        Assert.Equal(new TableRenamed("invoices", "bills"), Schema(await all.Next(), DatabaseChangeType.RenameTable, "invoices"));

        await api.DropTableAsync(project, "bills");
        Assert.IsType<TableDropped>(Schema(await all.Next(), DatabaseChangeType.DropTable, "bills"));

        var job = await api.CreateCronJobAsync(project, "nightly", "0 3 * * *");
        var jobId = job.GetProperty("id").GetInt64();
        var createdJob = Cron(await all.Next(), DatabaseChangeType.CreateCronJob);
        Assert.Equal((jobId.ToString(System.Globalization.CultureInfo.InvariantCulture), "nightly", "0 3 * * *", true), (createdJob.Job!.Id, createdJob.Job.Name, createdJob.Job.Schedule, createdJob.Job.Enabled));

        await api.UpdateCronJobAsync(project, jobId, new { schedule = "0 4 * * *", timezone = "Africa/Johannesburg" });
        var updated = Cron(await all.Next(), DatabaseChangeType.UpdateCronJob);
        Assert.Equal(("0 4 * * *", "0 3 * * *"), (updated.Job!.Schedule, updated.OldJob!.Schedule));
        Assert.Equal("Africa/Johannesburg", updated.Job.Extra["timezone"].GetString());

        await api.ToggleCronJobAsync(project, jobId);
        var toggled = Cron(await all.Next(), DatabaseChangeType.ToggleCronJob);
        Assert.Equal((false, true), (toggled.Job!.Enabled, toggled.OldJob!.Enabled));

        await api.DeleteCronJobAsync(project, jobId);
        Assert.Equal("nightly", Cron(await all.Next(), DatabaseChangeType.DeleteCronJob).Job!.Name);

        await api.ImportDumpAsync(project, new[] { new DevTable("customers", new[] { new DevColumn("name", "text") }, new object[] { new { name = "Ann" } }) });
        var imported = Assert.IsType<DatabaseImported>(await all.Next());
        Assert.Equal(project, imported.ProjectId);
        Assert.Equal(new[] { "vehicles" }, imported.Summary!.DroppedTables);
        Assert.Equal(new[] { "customers" }, imported.Summary.Tables);
        Assert.Equal(1L, imported.Summary.RowCount);

        Assert.Empty(errors);
        Assert.Empty(all);
    }

    [Theory]
    [InlineData(DevServerContract.Dev)]
    [InlineData(DevServerContract.Seed)]
    [InlineData(DevServerContract.Seed, true)]
    public async Task TheClientsStreamOfEveryChangeHasDeclaredRowsTypedAndTheRestRaw(DevServerContract contract, bool silentJoins = false)
    {
        var server = fixture.For(contract, silentJoins);
        await using var session = await Harness.SessionAsync(server, Harness.Joins(silentJoins));
        var (client, project) = (session.Client, session.Project);
        await server.Api.CreateTableAsync(project, "invoices", new[] { new DevColumn("number", "text", PrimaryKey: true) });
        _ = client.Vehicles();
        using var cts = new CancellationTokenSource(Harness.Deadline);
        var stream = client.AllChanges(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = stream.MoveNextAsync(); // subscribes

        await server.Api.InsertAsync(project, "invoices", new { number = "INV-1" });
        await server.Api.InsertAsync(project, "vehicles", new { registration_number = "CA 5", status = "in_service" });

        // The server announces the new table too; that announcement may reach the client before or after the
        // subscription above, so it is the one event allowed ahead of the rows (and only it).
        Assert.True(await first);
        if (stream.Current is SchemaChange { TableName: "invoices", Type: DatabaseChangeType.CreateTable })
        {
            Assert.True(await stream.MoveNextAsync());
        }

        var invoice = Assert.IsType<DatabaseChange>(stream.Current);
        Assert.Equal(("invoices", DatabaseChangeType.Insert, project), (invoice.TableName, invoice.Type, invoice.ProjectId));
        Assert.Contains("INV-1", invoice.DataJson, StringComparison.Ordinal);
        Assert.True(await stream.MoveNextAsync());
        var vehicle = Assert.IsType<RowInserted<Vehicle, long>>(stream.Current);
        Assert.Equal(("CA 5", VehicleStatus.InService), (vehicle.Row.RegistrationNumber, vehicle.Row.Status));
        await stream.DisposeAsync();
    }

    private static SchemaChangeDetails Schema(IDatabaseEvent change, DatabaseChangeType type, string table)
    {
        var schema = Assert.IsType<SchemaChange>(change);
        Assert.Equal((type, table), (schema.Type, schema.TableName));
        return schema.Details!;
    }

    private static CronJobChange Cron(IDatabaseEvent change, DatabaseChangeType type)
    {
        var cron = Assert.IsType<CronJobChange>(change);
        Assert.Equal(type, cron.Type);
        Assert.Null(((IDatabaseEvent)cron).TableName);
        return cron;
    }
}
