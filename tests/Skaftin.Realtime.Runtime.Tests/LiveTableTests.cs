using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The live table's contract: no gap between snapshot and stream, arrival order, reloads, notifications.</summary>
public sealed class LiveTableTests
{
    private readonly SkaftinEventRouter _router = new();

    private static Vehicle V(int id, string registration = "R", VehicleStatus status = VehicleStatus.Available) =>
        new(id, registration + id, status, null, new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    private void Send(string type, Vehicle? row, int? keyOnly = null, int second = 0, string project = "p1")
    {
        var data = row is null
            ? $$"""{"id":{{keyOnly}}}"""
            : $$"""{"id":{{row.Id}},"registration_number":"{{row.RegistrationNumber}}","status":"{{row.Status}}","capacity":null,"created_at":"2026-11-26T08:00:00Z"}""";
        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(
            $$"""{"type":"{{type}}","projectId":"{{project}}","tableName":"vehicles","data":{{data}},"timestamp":"2026-11-26T09:00:{{second:00}}Z"}"""));
    }

    private static Func<CancellationToken, Task<IReadOnlyList<Vehicle>>> Loader(params Vehicle[] rows) =>
        _ => Task.FromResult<IReadOnlyList<Vehicle>>(rows);

    [Fact]
    public async Task LoadsThenFollowsInsertsUpdatesAndDeletes()
    {
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), Loader(V(1), V(2)));
        Assert.Equal(2, live.Count);

        Send("insert", V(3), second: 1);
        Send("update", V(1, "X"), second: 2);
        Send("delete", null, keyOnly: 2, second: 3);

        Assert.Equal(new[] { "X1", "R3" }, live.Snapshot().OrderBy(static v => v.Id).Select(static v => v.RegistrationNumber));
        Assert.True(live.TryGet(3, out var three));
        Assert.Equal("R3", three.RegistrationNumber);
        Assert.False(live.TryGet(2, out _));
    }

    [Fact]
    public async Task EventsDuringTheLoadAreNotLost()
    {
        var loading = new TaskCompletionSource<IReadOnlyList<Vehicle>>();
        var start = LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), _ => loading.Task);

        // The snapshot is taken after the insert of 1 but before its update and the insert of 2.
        Send("update", V(1, "after-snapshot"), second: 2);
        Send("insert", V(2), second: 3);
        loading.SetResult(new[] { V(1, "snapshot") });
        await using var live = await start;

        Assert.Equal(new[] { "after-snapshot1", "R2" }, live.Snapshot().OrderBy(static v => v.Id).Select(static v => v.RegistrationNumber));
    }

    [Fact]
    public async Task ChangesApplyInArrivalOrderWhateverTheirTimestampsSay()
    {
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), Loader());
        var notifications = new List<NotifyCollectionChangedAction>();
        live.CollectionChanged += (_, e) => notifications.Add(e.Action);

        Send("insert", V(1, "first"), second: 50);
        Send("insert", V(1, "first"), second: 50);    // a duplicate: nothing the app sees changes
        Send("update", V(1, "second"), second: 10);   // sent later by an instance whose clock is behind: newer all the same
        Assert.Equal("second1", Assert.Single(live).RegistrationNumber);

        // An event without a timestamp is not "the epoch", older than everything: it applies in its turn.
        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(
            """{"type":"update","projectId":"p1","tableName":"vehicles","data":{"id":1,"registration_number":"third1","status":"Available","capacity":null,"created_at":"2026-11-26T08:00:00Z"}}"""));
        Assert.Equal("third1", Assert.Single(live).RegistrationNumber);

        Send("delete", null, keyOnly: 1, second: 0);
        Assert.Empty(live);
        Assert.Equal(new[] { NotifyCollectionChangedAction.Add, NotifyCollectionChangedAction.Replace, NotifyCollectionChangedAction.Replace, NotifyCollectionChangedAction.Remove }, notifications);
    }

    [Fact]
    public async Task AResyncReloadsAndRaisesReset()
    {
        var database = new List<Vehicle> { V(1) };
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), _ => Task.FromResult<IReadOnlyList<Vehicle>>(database.ToList()));
        var reloaded = new TaskCompletionSource<int>();
        live.Loaded += count => reloaded.TrySetResult(count);
        var resets = 0;
        live.CollectionChanged += (_, e) => resets += e.Action == NotifyCollectionChangedAction.Reset ? 1 : 0;

        database.Add(V(2)); // changed while events were missed
        _router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, DateTimeOffset.UtcNow));

        Assert.Equal(2, await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5)));
        Assert.Equal(1, resets);
    }

    [Fact]
    public async Task AFailedReloadIsRetriedUntilItWorks()
    {
        var attempts = 0;
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            _router.Vehicles(),
            _ => ++attempts is 2 or 3 ? throw new InvalidOperationException("REST down") : Task.FromResult<IReadOnlyList<Vehicle>>(new[] { V(attempts) }),
            new LiveTableOptions { RetryDelay = TimeSpan.FromMilliseconds(10) });
        var reloaded = new TaskCompletionSource<int>();
        live.Loaded += count => reloaded.TrySetResult(count);

        Send("insert", V(9), second: 1);
        _router.RequestResync(new ResyncRequired(ResyncReason.DatabaseImported, "p1", null, DateTimeOffset.UtcNow));
        Send("insert", V(10), second: 2); // arrives while reloading: buffered, then applied

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(4, attempts);
        Assert.Equal(new[] { 4, 10 }, live.Snapshot().Select(static v => v.Id).OrderBy(static i => i));
    }

    [Theory]
    [InlineData("Loaded")]
    [InlineData("CollectionChanged")]
    public async Task AThrowingAppHandlerIsReportedOnceAndNeverReloadsAgain(string handler)
    {
        var loads = 0;
        var errors = new System.Collections.Concurrent.ConcurrentQueue<RealtimeError>();
        using var e = _router.OnError(errors.Enqueue);
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            _router.Vehicles(),
            _ => Task.FromResult<IReadOnlyList<Vehicle>>(new[] { V(Interlocked.Increment(ref loads)) }),
            new LiveTableOptions { RetryDelay = TimeSpan.FromMilliseconds(10) });
        if (handler == "Loaded")
        {
            live.Loaded += _ => throw new InvalidOperationException("app bug");
        }
        else
        {
            live.CollectionChanged += (_, _) => throw new InvalidOperationException("app bug");
        }

        _router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, DateTimeOffset.UtcNow));
        await Eventually.Until(() => !errors.IsEmpty, "the handler's failure is reported");
        await Task.Delay(200);

        Assert.Equal(2, Volatile.Read(ref loads));
        var error = Assert.Single(errors);
        Assert.Equal((RealtimeErrorKind.HandlerFailed, "live-table", "vehicles", handler), (error.Kind, error.EventName, error.TableName, error.EventType));
        Assert.Equal("app bug", error.Exception!.Message);
        Assert.Equal(new[] { 2 }, live.Snapshot().Select(static v => v.Id));
    }

    [Fact]
    public async Task AnUndecodableChangeReloadsTheTable()
    {
        var database = new List<Vehicle> { V(1, "old") };
        var errors = new System.Collections.Concurrent.ConcurrentQueue<RealtimeError>();
        using var e = _router.OnError(errors.Enqueue);
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), _ => Task.FromResult<IReadOnlyList<Vehicle>>(database.ToList()));
        var reloaded = new TaskCompletionSource<int>();
        live.Loaded += count => reloaded.TrySetResult(count);

        // The server changed row 1, but its update cannot be read: the old row must not stay.
        database[0] = V(1, "new");
        _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(
            """{"type":"update","projectId":"p1","tableName":"vehicles","data":{"id":1,"registration_number":42,"status":"?"},"timestamp":"2026-11-26T09:00:01Z"}"""));

        await reloaded.Task.WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal("new1", Assert.Single(live.Snapshot()).RegistrationNumber);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, Assert.Single(errors).Kind);
    }

    [Fact]
    public async Task OtherProjectsAreIgnoredWhenOneIsChosen()
    {
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), Loader(), new LiveTableOptions { ProjectId = "p1" });
        Send("insert", V(1), project: "p2");
        Send("insert", V(2), project: "p1");
        Assert.Equal(new[] { 2 }, live.Snapshot().Select(static v => v.Id));
    }

    [Fact]
    public async Task ChangingTheOptionsAfterTheStartHasNoEffect()
    {
        var options = new LiveTableOptions { ProjectId = "p1" };
        await using var live = await LiveTable<Vehicle, int>.StartAsync(_router.Vehicles(), Loader(), options);

        // Each edit would show: rows of p2 kept, changes held back for a batch window.
        options.ProjectId = "p2";
        options.BatchWindow = TimeSpan.FromHours(1);
        Send("insert", V(1), project: "p2");
        Send("insert", V(2), project: "p1");

        Assert.Equal(new[] { 2 }, live.Snapshot().Select(static v => v.Id));
    }

    [Fact]
    public async Task KeylessTablesAreRefused()
    {
        await Assert.ThrowsAsync<NotSupportedException>(() => LiveTable<AuditEntry, SkaftinNoKey>.StartAsync(_router.AuditLog(), _ => Task.FromResult<IReadOnlyList<AuditEntry>>(Array.Empty<AuditEntry>())));
    }
}
