using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Event routing from raw <c>database-change</c> payloads to the generated typed tables.</summary>
public sealed class RouterTests
{
    private readonly SkaftinEventRouter _router = new();
    private readonly List<RealtimeError> _errors = new();

    public RouterTests() => _router.OnError(_errors.Add);

    private void Dispatch(string json) => _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

    private void DispatchFixture(string name) => _router.DispatchDatabaseChange(Fixtures.Utf8("events/" + name));

    [Fact]
    public void AccessorReturnsOneSharedTablePerSource()
    {
        Assert.Same(_router.Vehicles(), _router.Vehicles());
        Assert.Equal("vehicles", _router.Vehicles().TableName);
        Assert.Equal(VehiclesRealtime.Table, VehicleRowReader.Table);
    }

    [Fact]
    public void InsertReachesTypedHandler()
    {
        var inserted = new List<Vehicle>();
        using var subscription = _router.Vehicles().OnInserted(inserted.Add);

        DispatchFixture("vehicle-insert.json");

        var vehicle = Assert.Single(inserted);
        Assert.Equal(new Vehicle(1, "CA 123-456", VehicleStatus.Available, 14, new DateTimeOffset(2026, 11, 26, 8, 30, 0, 123, TimeSpan.Zero)), vehicle);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AnOnChangedHandlerSubscribedByAnOnInsertedHandlerTakesThatSameInsert()
    {
        // With only OnInserted handlers an insert is delivered without its RowInserted; one made on demand must still
        // reach an OnChanged handler subscribed while the OnInserted handlers ran, as the union always did.
        var changed = new List<RowChange<Vehicle, int>>();
        IDisposable? late = null;
        using var subscription = _router.Vehicles().OnInserted(_ => late ??= _router.Vehicles().OnChanged(changed.Add));

        DispatchFixture("vehicle-insert.json");
        late?.Dispose();

        var inserted = Assert.IsType<RowInserted<Vehicle, int>>(Assert.Single(changed));
        Assert.Equal((1, "p1", "vehicles"), (inserted.Row.Id, inserted.ProjectId, inserted.TableName));
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 30, 0, 123, TimeSpan.Zero), inserted.Row.CreatedAt);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 30, 0, 456, TimeSpan.Zero), inserted.Timestamp);
        Assert.Empty(_errors);
    }

    [Fact]
    public void UpdateCarriesTheOldRowWhenComplete()
    {
        var updates = new List<(Vehicle Now, Vehicle? Before)>();
        using var subscription = _router.Vehicles().OnUpdated((now, before) => updates.Add((now, before)));

        DispatchFixture("vehicle-update.json");
        DispatchFixture("vehicle-update-partial-old.json");

        Assert.Equal(2, updates.Count);
        Assert.Equal(VehicleStatus.InService, updates[0].Now.Status);
        Assert.Null(updates[0].Now.Capacity);
        Assert.Equal(VehicleStatus.Available, updates[0].Before!.Status);
        Assert.Equal(14, updates[0].Before!.Capacity);
        Assert.Equal(VehicleStatus.OutOfService, updates[1].Now.Status);
        Assert.Equal(16, updates[1].Now.Capacity);
        Assert.Null(updates[1].Before); // the server sent only two columns of the old row
        Assert.Empty(_errors);
    }

    [Fact]
    public void DeleteCarriesTheKeyAlwaysAndTheRowWhenSent()
    {
        var deletes = new List<RowDeleted<Vehicle, int>>();
        using var subscription = _router.Vehicles().OnDeleted(deletes.Add);

        DispatchFixture("vehicle-delete-full.json");
        DispatchFixture("vehicle-delete-key-only.json");

        Assert.Equal(2, deletes.Count);
        Assert.Equal(1, deletes[0].Key);
        Assert.Equal("CA 999", deletes[0].Row!.RegistrationNumber);
        Assert.Equal(7, deletes[1].Key);
        Assert.Null(deletes[1].Row);
        Assert.True(deletes[1].HasKey);
        Assert.Equal("p1", deletes[1].ProjectId);
        Assert.Equal(new DateTimeOffset(2026, 11, 26, 8, 34, 0, TimeSpan.Zero), deletes[1].Timestamp);
    }

    [Fact]
    public void KeylessTableDeletesNeedAFullRow()
    {
        var deletes = new List<RowDeleted<AuditEntry, SkaftinNoKey>>();
        using var subscription = _router.AuditLog().OnDeleted(deletes.Add);

        Dispatch("""{"type":"delete","projectId":"p","tableName":"audit_log","data":{"action":"login","at":"2026-11-26T08:00:00Z"},"timestamp":"2026-11-26T08:00:01Z"}""");
        Dispatch("""{"type":"delete","projectId":"p","tableName":"audit_log","data":{"action":"login"},"timestamp":"2026-11-26T08:00:02Z"}""");

        var deleted = Assert.Single(deletes);
        Assert.False(deleted.HasKey);
        Assert.Equal("login", deleted.Row!.Action);
        var error = Assert.Single(_errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.Equal("audit_log", error.TableName);
    }

    [Fact]
    public void OnChangedIsOneTypedUnionInOrder()
    {
        var changes = new List<RowChange<Vehicle, int>>();
        using var subscription = _router.Vehicles().OnChanged(changes.Add);

        DispatchFixture("vehicle-insert.json");
        DispatchFixture("vehicle-update.json");
        DispatchFixture("vehicle-delete-key-only.json");

        Assert.Collection(
            changes,
            c => Assert.Equal(1, Assert.IsType<RowInserted<Vehicle, int>>(c).Row.Id),
            c => Assert.Equal(VehicleStatus.Available, Assert.IsType<RowUpdated<Vehicle, int>>(c).OldRow!.Status),
            c => Assert.Equal(7, Assert.IsType<RowDeleted<Vehicle, int>>(c).Key));
        Assert.Equal(new[] { DatabaseChangeType.Insert, DatabaseChangeType.Update, DatabaseChangeType.Delete }, changes.Select(static c => c.Type));
    }

    [Fact]
    public void SchemaChangesReachTheirTable()
    {
        var schema = new List<SchemaChange>();
        using var subscription = _router.Vehicles().OnSchemaChanged(schema.Add);

        DispatchFixture("vehicle-add-column.json");

        var change = Assert.Single(schema);
        Assert.Equal(DatabaseChangeType.AddColumn, change.Type);
        Assert.Equal("vehicles", change.TableName);
        Assert.Contains("colour", change.DataJson);
    }

    [Fact]
    public void OtherTablesAndUnknownTypesGoToTheUntypedHandler()
    {
        var untyped = new List<DatabaseChange>();
        var typed = new List<Vehicle>();
        using var a = _router.OnUndeclaredChange(untyped.Add);
        using var b = _router.Vehicles().OnInserted(typed.Add);

        DispatchFixture("undeclared-table-insert.json");
        DispatchFixture("unknown-type.json");

        Assert.Empty(typed);
        Assert.Equal(new[] { "invoices", "vehicles" }, untyped.Select(static c => c.TableName));
        Assert.Equal("{\"id\":10,\"total\":\"99.50\"}", untyped[0].DataJson);
        Assert.Equal((DatabaseChangeType.Unknown, "create_index"), (untyped[1].Type, untyped[1].TypeName));
        var error = Assert.Single(_errors);
        Assert.Equal(RealtimeErrorKind.UnknownEventType, error.Kind);
    }

    [Fact]
    public void CronJobAndImportEventsHaveTypedHandlersOfTheirOwn()
    {
        var cron = new List<CronJobChange>();
        var imports = new List<DatabaseImported>();
        var untyped = new List<DatabaseChange>();
        using var a = _router.OnCronJobChanged(cron.Add);
        using var b = _router.OnDatabaseImported(imports.Add);
        using var c = _router.OnUndeclaredChange(untyped.Add);

        DispatchFixture("devserver-create-cron-job.json");
        Dispatch("""{"type":"import_dump","projectId":"p1","tableName":null,"data":{"droppedTables":[],"tables":["a","b"],"rows":0},"timestamp":"2026-11-26T09:00:00Z"}""");

        var job = Assert.Single(cron);
        Assert.Equal((DatabaseChangeType.CreateCronJob, "p1"), (job.Type, job.ProjectId));
        Assert.Contains("nightly", job.DataJson);
        var import = Assert.Single(imports);
        Assert.Equal(("p1", "{\"droppedTables\":[],\"tables\":[\"a\",\"b\"],\"rows\":0}"), (import.ProjectId, import.DataJson));
        Assert.Empty(untyped);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AThrowingHandlerIsReportedAndTheOthersStillRun()
    {
        var seen = new List<int>();
        using var a = _router.Vehicles().OnInserted(_ => throw new InvalidOperationException("boom"));
        using var b = _router.Vehicles().OnInserted(v => seen.Add(v.Id));

        DispatchFixture("vehicle-insert.json");
        DispatchFixture("vehicle-insert.json");

        Assert.Equal(new[] { 1, 1 }, seen);
        Assert.Equal(2, _errors.Count);
        Assert.All(_errors, static e =>
        {
            Assert.Equal(RealtimeErrorKind.HandlerFailed, e.Kind);
            Assert.Equal("boom", e.Exception!.Message);
            Assert.Equal("vehicles", e.TableName);
            Assert.Equal("insert", e.EventType);
            Assert.Contains("CA 123-456", e.RawText);
        });
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("[1,2]")]
    [InlineData("{\"projectId\":\"p\",\"tableName\":\"vehicles\"}")]
    [InlineData("{\"type\":1,\"projectId\":\"p\"}")]
    [InlineData("{\"type\":\"insert\",\"tableName\":\"vehicles\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":null,\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":\"a string\",\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":[1],\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":{\"id\":\"x\"},\"timestamp\":\"2026-11-26T08:00:00Z\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":{},\"timestamp\":\"not a time\"}")]
    [InlineData("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":{\"id\":1}")]
    public void BadPayloadsAreReportedAndTheNextEventIsDelivered(string payload)
    {
        var inserted = new List<Vehicle>();
        using var subscription = _router.Vehicles().OnInserted(inserted.Add);

        Dispatch(payload);
        DispatchFixture("vehicle-insert.json");

        Assert.Single(inserted);
        var error = Assert.Single(_errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.IsType<SkaftinDecodeException>(error.Exception);
        Assert.Equal(payload, error.RawText);
    }

    [Theory]
    [InlineData("a")]
    [InlineData("é")]
    [InlineData("€")]
    [InlineData("😀")]
    public void AHugeBadPayloadIsCutToTheLimitWithoutSplittingACharacter(string filler)
    {
        // A row too long to keep whole, of one-, two-, three- and four-byte UTF-8 characters.
        var payload = "{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":{\"id\":\""
            + string.Concat(Enumerable.Repeat(filler, RealtimeError.MaxRawTextLength * 2)) + "\"}}";
        using var subscription = _router.Vehicles().OnInserted(_ => { });

        Dispatch(payload);

        var error = Assert.Single(_errors);
        Assert.InRange(error.RawText!.Length, RealtimeError.MaxRawTextLength - 1, RealtimeError.MaxRawTextLength); // - 1: a pair is kept whole
        Assert.EndsWith("…", error.RawText, StringComparison.Ordinal);
        Assert.DoesNotContain('\uFFFD', error.RawText);
        Assert.StartsWith(error.RawText[..^1], payload, StringComparison.Ordinal);
    }

    [Fact]
    public void DisposedSubscriptionsReceiveNothing()
    {
        var count = 0;
        var subscription = _router.Vehicles().OnInserted(_ => count++);
        DispatchFixture("vehicle-insert.json");
        subscription.Dispose();
        subscription.Dispose();
        DispatchFixture("vehicle-insert.json");
        Assert.Equal(1, count);
    }

    [Fact]
    public void TablesWithoutSubscribersDoNotDecode()
    {
        _ = _router.Vehicles();
        Dispatch("{\"type\":\"insert\",\"projectId\":\"p\",\"tableName\":\"vehicles\",\"data\":{\"id\":\"x\"},\"timestamp\":\"2026-11-26T08:00:00Z\"}");
        Assert.Empty(_errors);
    }

    [Fact]
    public async Task ChangesStreamIsOrderedAndEndsWithCancellation()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        var received = new List<DatabaseChangeType>();
        var started = new TaskCompletionSource();
        var reading = Task.Run(async () =>
        {
            await using var changes = _router.Vehicles().Changes(cts.Token).GetAsyncEnumerator(cts.Token);
            var first = changes.MoveNextAsync();
            started.SetResult();
            if (!await first)
            {
                return;
            }

            received.Add(changes.Current.Type);
            while (received.Count < 3 && await changes.MoveNextAsync())
            {
                received.Add(changes.Current.Type);
            }
        });

        await started.Task;
        await WaitForSubscriberAsync();
        DispatchFixture("vehicle-insert.json");
        DispatchFixture("vehicle-update.json");
        DispatchFixture("vehicle-delete-full.json");
        await reading.WaitAsync(cts.Token);

        Assert.Equal(new[] { DatabaseChangeType.Insert, DatabaseChangeType.Update, DatabaseChangeType.Delete }, received);
    }

    [Fact]
    public async Task ASlowStreamReaderOverflowsLoudlyAfterTheBufferedEvents()
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var changes = _router.Vehicles().Changes(2, cts.Token).GetAsyncEnumerator(cts.Token);
        var first = changes.MoveNextAsync(); // starts the subscription
        await WaitForSubscriberAsync();
        DispatchFixture("vehicle-insert.json");
        Assert.True(await first);

        // The reader now sits on the first item and reads nothing while four more arrive: two fit, the third overflows.
        for (var i = 0; i < 4; i++)
        {
            DispatchFixture("vehicle-insert.json");
        }

        Assert.True(await changes.MoveNextAsync());
        Assert.True(await changes.MoveNextAsync());
        var overflow = await Assert.ThrowsAsync<StreamOverflowException>(async () => await changes.MoveNextAsync());
        Assert.Equal(2, overflow.Capacity);
    }

    [Fact]
    public void TwoRowTypesCannotShareATable()
    {
        _ = _router.Vehicles();
        Assert.Throws<InvalidOperationException>(() => _router.GetOrAddTable("vehicles", static r => new DriversRealtime(r)));
    }

    // The stream subscribes when enumeration starts, on the reader's task; wait until it has.
    private Task WaitForSubscriberAsync() => Eventually.Until(() => _router.Vehicles().HasChangeSubscribers, "the stream subscribes");
}
