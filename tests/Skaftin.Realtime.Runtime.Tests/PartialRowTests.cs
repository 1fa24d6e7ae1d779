using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>A row type one of whose columns cannot be read back from a row: the constructor keeps only its length.</summary>
[SkaftinTable("badges")]
public sealed class Badge
{
    public Badge(int id, string code)
    {
        Id = id;
        CodeLength = code.Length;
    }

    public int Id { get; }

    public int CodeLength { get; }
}

/// <summary>
/// The seed's update <c>data</c> may hold only the changed columns, and a bulk write may send an array of rows: an
/// update with some columns reaches the app typed (completed from <c>oldData</c>, or as a patch), never as a row with
/// defaults for the columns that did not come; an array is one typed change per row on every path.
/// </summary>
public sealed class PartialRowTests
{
    private const string Whole = """{"id":1,"registration_number":"CA 1","status":"Available","capacity":4,"created_at":"2026-11-26T08:00:00Z"}""";

    private readonly SkaftinEventRouter _router = new();
    private readonly List<RealtimeError> _errors = new();

    public PartialRowTests() => _router.OnError(_errors.Add);

    private void Dispatch(string type, string data, string? oldData = null) =>
        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(
            $$"""{"type":"{{type}}","projectId":"p1","tableName":"vehicles","data":{{data}}{{(oldData is null ? "" : ",\"oldData\":" + oldData)}},"timestamp":"2026-11-26T09:00:00Z"}"""));

    private static Vehicle Row(int id, string registration, int? capacity = 4) =>
        new(id, registration, VehicleStatus.Available, capacity, new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    [Fact]
    public void SomeColumnsWithAWholeOldRowAreCompletedFromIt()
    {
        var updated = new List<(Vehicle Now, Vehicle? Before)>();
        var changes = new List<RowChange<Vehicle, int>>();
        using var a = _router.Vehicles().OnUpdated((now, before) => updated.Add((now, before)));
        using var b = _router.Vehicles().OnChanged(changes.Add);

        Dispatch("update", """{"id":1,"capacity":7}""", Whole);

        var (now, before) = Assert.Single(updated);
        Assert.Equal(Row(1, "CA 1", 7), now);
        Assert.Equal(Row(1, "CA 1"), before);
        var change = Assert.IsType<RowUpdated<Vehicle, int>>(Assert.Single(changes));
        Assert.Equal(new[] { "id", "capacity" }, change.Patch!.Columns);
        Assert.Empty(_errors);
    }

    [Fact]
    public void SomeColumnsWithoutAnOldRowAreATypedPatchOnEveryPath()
    {
        var updated = 0;
        var patched = new List<RowPatched<Vehicle, int>>();
        var changes = new List<RowChange<Vehicle, int>>();
        var any = new List<IDatabaseEvent>();
        using var a = _router.Vehicles().OnUpdated((_, _) => updated++);
        using var b = _router.Vehicles().OnPatched(patched.Add);
        using var c = _router.Vehicles().OnChanged(changes.Add);
        using var d = _router.OnAnyChange(any.Add);

        Dispatch("update", """{"id":1,"status":"in_service","capacity":null}""");

        Assert.Equal(0, updated); // no whole row is known: OnUpdated is not handed a guessed one
        var change = Assert.Single(patched);
        Assert.Same(change, Assert.Single(changes));
        Assert.Same(change, Assert.Single(any));
        Assert.Equal(DatabaseChangeType.Update, change.Type);
        Assert.Equal(1, change.Key);
        var patch = Assert.IsType<VehiclePatch>(change.Patch);
        Assert.Equal(new[] { "id", "status", "capacity" }, patch.Columns);
        Assert.False(patch.IsComplete);
        Assert.Equal(VehicleStatus.InService, patch.Status.Value);
        Assert.True(patch.Capacity.IsPresent);
        Assert.Null(patch.Capacity.Value);
        Assert.False(patch.RegistrationNumber.IsPresent);
        Assert.False(patch.RegistrationNumber.TryGetValue(out _));
        Assert.Throws<InvalidOperationException>(() => patch.RegistrationNumber.Value);
        Assert.Throws<InvalidOperationException>(() => patch.ToRow());
        Assert.True(patch.TryApplyTo(Row(1, "CA 1"), out var merged));
        Assert.Equal(Row(1, "CA 1", null) with { Status = VehicleStatus.InService }, merged);
        Assert.Empty(_errors);
    }

    [Fact]
    public void AnUpdateLackingOnlyANullableColumnIsNotPresentedAsAWholeRow()
    {
        var updated = new List<Vehicle>();
        var patched = new List<RowPatched<Vehicle, int>>();
        using var a = _router.Vehicles().OnUpdated((now, _) => updated.Add(now));
        using var b = _router.Vehicles().OnPatched(patched.Add);

        // Every required column came, capacity did not: it is unknown, not null.
        Dispatch("update", """{"id":1,"registration_number":"CA 1","status":"Available","created_at":"2026-11-26T08:00:00Z"}""");

        Assert.Empty(updated);
        var patch = Assert.IsType<VehiclePatch>(Assert.Single(patched).Patch);
        Assert.False(patch.Capacity.IsPresent);
    }

    [Theory]
    [InlineData("""{"id":1,"capacity":"seven"}""", "capacity")]
    [InlineData("""{"id":1,"status":"parked"}""", "status")]
    [InlineData("""{"capacity":7}""", null)]
    public void APatchWithAWrongValueOrNoKeyIsATypedErrorAndReachesOnAnyChangeRaw(string data, string? column)
    {
        var patched = new List<RowPatched<Vehicle, int>>();
        var any = new List<IDatabaseEvent>();
        using var a = _router.Vehicles().OnPatched(patched.Add);
        using var b = _router.OnAnyChange(any.Add);

        Dispatch("update", data);

        Assert.Empty(patched);
        var error = Assert.Single(_errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.Equal(column, ((SkaftinDecodeException)error.Exception!).ColumnName);
        Assert.IsType<DatabaseChange>(Assert.Single(any));
    }

    [Fact]
    public async Task ARowArrayIsOneTypedChangePerRowOnEveryPath()
    {
        var inserted = new List<Vehicle>();
        var updated = new List<(Vehicle Now, Vehicle? Before)>();
        var deleted = new List<int>();
        var changes = new List<RowChange<Vehicle, int>>();
        var any = new List<IDatabaseEvent>();
        using var a = _router.Vehicles().OnInserted(inserted.Add);
        using var b = _router.Vehicles().OnUpdated((now, before) => updated.Add((now, before)));
        using var c = _router.Vehicles().OnDeleted(d => deleted.Add(d.Key));
        using var d = _router.Vehicles().OnChanged(changes.Add);
        using var e = _router.OnAnyChange(any.Add);
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(10));
        await using var stream = _router.Vehicles().Changes(cts.Token).GetAsyncEnumerator(cts.Token);
        var first = stream.MoveNextAsync();

        var two = "[" + Whole + "," + Whole.Replace("\"id\":1", "\"id\":2").Replace("CA 1", "CA 2") + "]";
        Dispatch("insert", two);
        Dispatch("update", """[{"id":1,"capacity":5},{"id":2,"capacity":6}]""", two);
        Dispatch("delete", """[{"id":1},{"id":2}]""");

        Assert.Equal(new[] { Row(1, "CA 1"), Row(2, "CA 2") }, inserted);
        Assert.Equal(new[] { (Row(1, "CA 1", 5), (Vehicle?)Row(1, "CA 1")), (Row(2, "CA 2", 6), Row(2, "CA 2")) }, updated);
        Assert.Equal(new[] { 1, 2 }, deleted);
        Assert.Equal(6, changes.Count);
        Assert.Equal(changes.Cast<IDatabaseEvent>(), any);
        var streamed = new List<RowChange<Vehicle, int>>();
        Assert.True(await first);
        streamed.Add(stream.Current);
        while (streamed.Count < 6 && await stream.MoveNextAsync())
        {
            streamed.Add(stream.Current);
        }

        Assert.Equal(changes, streamed);
        Assert.Empty(_errors);
    }

    [Fact]
    public void ARowArrayWithABadRowIsOneErrorAndNoRowOfItIsDelivered()
    {
        var inserted = new List<Vehicle>();
        var any = new List<IDatabaseEvent>();
        using var a = _router.Vehicles().OnInserted(inserted.Add);
        using var b = _router.OnAnyChange(any.Add);

        Dispatch("insert", "[" + Whole + """,{"id":2,"status":"Available"}]""");
        Dispatch("insert", "[]");

        Assert.Empty(inserted);
        Assert.Equal(2, _errors.Count);
        Assert.All(_errors, error => Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind));
        Assert.All(any, change => Assert.IsType<DatabaseChange>(change));
    }

    [Fact]
    public void OldRowsThatDoNotMatchTheRowsAreReportedAndTheUpdateGoesOn()
    {
        var patched = new List<RowPatched<Vehicle, int>>();
        using var a = _router.Vehicles().OnPatched(patched.Add);

        Dispatch("update", """[{"id":1,"capacity":5},{"id":2,"capacity":6}]""", "[" + Whole + "]");

        Assert.Equal(new[] { 1, 2 }, patched.Select(static p => p.Key));
        Assert.Equal(RealtimeErrorKind.DecodeFailed, Assert.Single(_errors).Kind);
    }

    [Theory]
    [InlineData("create_cron_job", """{"id":3,"name":"nightly","schedule":"0 3 * * *","enabled":true}""")]
    [InlineData("import_dump", """{"droppedTables":[],"tables":["vehicles"],"rows":0}""")]
    public void CronAndImportEventsWithoutATableNameAreDelivered(string type, string data)
    {
        var any = new List<IDatabaseEvent>();
        using var a = _router.OnAnyChange(any.Add);

        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes($$"""{"type":"{{type}}","projectId":"p1","data":{{data}},"timestamp":"2026-11-26T09:00:00Z"}"""));

        Assert.Empty(_errors);
        Assert.Equal(type == "import_dump" ? typeof(DatabaseImported) : typeof(CronJobChange), Assert.Single(any).GetType());
    }

    [Fact]
    public async Task ALiveTableAppliesAPatchToItsRowAndReloadsForARowItDoesNotHold()
    {
        var database = new List<Vehicle> { Row(1, "CA 1") };
        var loads = 0;
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), _ =>
        {
            loads++;
            return Task.FromResult<IReadOnlyList<Vehicle>>(database.ToList());
        });

        Dispatch("update", """{"id":1,"capacity":9}""");
        Assert.Equal(Row(1, "CA 1", 9), Assert.Single(live));
        Assert.Equal(1, loads);

        // A patch to a row the table does not hold: the rows are not the server's, so the table reloads.
        database[0] = Row(1, "CA 1", 9);
        database.Add(Row(2, "CA 2", 3));
        var reloaded = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        live.Loaded += count => reloaded.TrySetResult(count);
        Dispatch("update", """{"id":2,"capacity":3}""");
        Assert.Equal(2, await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Equal(new[] { Row(1, "CA 1", 9), Row(2, "CA 2", 3) }, live.Snapshot());
        Assert.Empty(_errors);
    }

    [Fact]
    public void APatchLackingAColumnARowCannotGiveBackCompletesNoRow()
    {
        var badge = new Badge(1, "abc");

        Assert.False(BadgeRowReader.Instance.ReadPatch("""{"id":1}""").TryApplyTo(badge, out _));
        Assert.True(BadgeRowReader.Instance.ReadPatch("""{"id":1,"code":"abcd"}""").TryApplyTo(badge, out var merged));
        Assert.Equal((1, 4), (merged.Id, merged.CodeLength));
    }
}
