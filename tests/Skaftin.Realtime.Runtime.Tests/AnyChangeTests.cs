using System;
using System.Collections.Generic;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The project-wide stream of every change (the seed's <c>onDatabaseChange</c>): typed rows for declared tables, typed
/// schema, cron-job and import events, and the raw event for everything else, in arrival order.
/// </summary>
public sealed class AnyChangeTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly List<RealtimeError> _errors = new();

    public AnyChangeTests() => _router.OnError(_errors.Add);

    [Fact]
    public void EveryKindOfChangeArrivesInOrderInItsMostTypedForm()
    {
        _ = _router.Vehicles(); // declared, with no handler of its own
        var all = new List<IDatabaseEvent>();
        using var subscription = _router.OnAnyChange(all.Add);

        DispatchFixture("vehicle-insert.json");
        DispatchFixture("undeclared-table-insert.json");
        DispatchFixture("vehicle-update.json");
        DispatchFixture("devserver-create-table.json");
        DispatchFixture("vehicle-add-column.json");
        DispatchFixture("devserver-toggle-cron-job.json");
        DispatchFixture("devserver-import-dump.json");
        DispatchFixture("unknown-type.json");
        DispatchFixture("vehicle-delete-key-only.json");

        Assert.Collection(
            all,
            c => Assert.Equal(1, Assert.IsType<RowInserted<Vehicle, int>>(c).Row.Id),
            c => Assert.Equal(("invoices", DatabaseChangeType.Insert), (Assert.IsType<DatabaseChange>(c).TableName, c.Type)),
            c => Assert.NotNull(Assert.IsType<RowUpdated<Vehicle, int>>(c).OldRow),
            c => Assert.IsType<TableCreated>(Assert.IsType<SchemaChange>(c).Details),
            c => Assert.Equal("colour", Assert.IsType<ColumnAdded>(Assert.IsType<SchemaChange>(c).Details).Column!.Name),
            c => Assert.False(Assert.IsType<CronJobChange>(c).Job!.Enabled),
            c => Assert.Equal(2, Assert.IsType<DatabaseImported>(c).Summary!.RowCount),
            c => Assert.Equal("create_index", Assert.IsType<DatabaseChange>(c).TypeName),
            c => Assert.Equal(7, Assert.IsType<RowDeleted<Vehicle, int>>(c).Key));
        Assert.Equal(new string?[] { "vehicles", "invoices", "vehicles", "products", "vehicles", null, null, "vehicles", "vehicles" }, all.ConvertAll(static c => c.TableName));
        Assert.All(all, static c => Assert.Equal("p1", c.ProjectId));
        Assert.Equal(RealtimeErrorKind.UnknownEventType, Assert.Single(_errors).Kind);
    }

    [Fact]
    public void ARowThatDoesNotDecodeIsReportedAndStillArrivesRaw()
    {
        _ = _router.Vehicles();
        var all = new List<IDatabaseEvent>();
        using var subscription = _router.OnAnyChange(all.Add);
        const string broken = """{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"id":"x"},"timestamp":"2026-12-01T00:00:00Z"}""";

        Dispatch(broken);
        Dispatch("""{"type":"delete","projectId":"p1","tableName":"vehicles","data":{},"timestamp":"2026-12-01T00:00:00Z"}""");

        Assert.Equal(broken, Assert.IsType<DatabaseChange>(all[0]).RawText);
        Assert.Equal(DatabaseChangeType.Delete, Assert.IsType<DatabaseChange>(all[1]).Type);
        Assert.Equal(2, all.Count);
        Assert.All(_errors, static e => Assert.Equal(RealtimeErrorKind.DecodeFailed, e.Kind));
        Assert.Equal(2, _errors.Count);
    }

    [Fact]
    public void TheTablesOwnHandlersRunFirstAndDeclaredTablesKeepTheirResync()
    {
        var order = new List<string>();
        var resyncs = new List<ResyncRequired>();
        using var a = _router.OnAnyChange(c => order.Add("any " + c.Type));
        using var b = _router.OnSchemaChanged(c => order.Add("router schema " + c.Type));
        using var c = _router.Vehicles().OnSchemaChanged(c => order.Add("table schema " + c.Type));
        using var d = _router.Vehicles().OnChanged(c => order.Add("table " + c.Type));
        using var e = _router.Vehicles().OnResync(resyncs.Add);

        DispatchFixture("vehicle-add-column.json");
        DispatchFixture("vehicle-insert.json");

        Assert.Equal(new[] { "table schema AddColumn", "router schema AddColumn", "any AddColumn", "table Insert", "any Insert" }, order);
        Assert.Equal(ResyncReason.SchemaChanged, Assert.Single(resyncs).Reason);
        Assert.Empty(_errors);
    }

    [Fact]
    public void SchemaChangesOfUndeclaredTablesReachTheRouterTypedAndTheUntypedHandlerRaw()
    {
        var schema = new List<SchemaChange>();
        var untyped = new List<DatabaseChange>();
        using var a = _router.OnSchemaChanged(schema.Add);
        using var b = _router.OnUndeclaredChange(untyped.Add);

        DispatchFixture("devserver-create-table.json");

        Assert.Equal("products", Assert.Single(schema).TableName);
        Assert.Equal(DatabaseChangeType.CreateTable, Assert.Single(untyped).Type);
    }

    [Fact]
    public async Task TheStreamOfEveryChangeIsOrdered()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var changes = _router.AllChanges(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = changes.MoveNextAsync(); // starts the subscription
        await Eventually.Until(() => _router.HasAnyChangeHandlers, "the stream subscribes");

        DispatchFixture("undeclared-table-insert.json");
        DispatchFixture("devserver-create-cron-job.json");

        Assert.True(await first);
        Assert.IsType<DatabaseChange>(changes.Current);
        Assert.True(await changes.MoveNextAsync());
        Assert.Equal("nightly", Assert.IsType<CronJobChange>(changes.Current).Job!.Name);
    }

    [Fact]
    public async Task ASlowReaderOfEveryChangeOverflowsLoudly()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var changes = _router.AllChanges(1, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = changes.MoveNextAsync();
        await Eventually.Until(() => _router.HasAnyChangeHandlers, "the stream subscribes");
        DispatchFixture("undeclared-table-insert.json");
        Assert.True(await first);

        DispatchFixture("undeclared-table-insert.json");
        DispatchFixture("undeclared-table-insert.json");

        Assert.True(await changes.MoveNextAsync());
        var overflow = await Assert.ThrowsAsync<StreamOverflowException>(async () => await changes.MoveNextAsync());
        Assert.Equal((1, (string?)null), (overflow.Capacity, overflow.TableName));
        Assert.Throws<ArgumentOutOfRangeException>(() => _router.AllChanges(0));
    }

    private void Dispatch(string json) => _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

    private void DispatchFixture(string name) => _router.DispatchDatabaseChange(Fixtures.Utf8("events/" + name));
}
