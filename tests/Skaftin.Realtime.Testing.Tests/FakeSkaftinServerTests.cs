using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.Testing.Tests.Fleet;
using Xunit;

namespace Skaftin.Realtime.Testing.Tests;

public sealed class FakeSkaftinServerTests
{
    private static readonly DateTimeOffset At = new(2026, 3, 1, 12, 0, 0, TimeSpan.Zero);

    private static async Task<FakeSkaftinServer> ConnectedAsync(Action<SkaftinRealtimeOptions>? configure = null, params string[] projects)
    {
        var server = new FakeSkaftinServer(configure);
        await server.Client.StartAsync();
        foreach (var project in projects.Length == 0 ? ["p1"] : projects)
        {
            await server.Client.JoinProjectAsync(project);
        }

        return server;
    }

    [Fact]
    public async Task An_insert_reaches_the_row_handlers_then_the_union_then_any_change_with_the_same_row()
    {
        await using var server = await ConnectedAsync();
        var seen = new Recording();
        var truck = new Truck(7, "AB-123", TruckStatus.Available, 4);
        object? inserted = null, unionRow = null;
        using var a = server.Client.OnAnyChange(change => seen.Add("any " + change.GetType().Name));
        using var b = server.Trucks().OnInserted(row =>
        {
            inserted = row;
            seen.Add("inserted " + row.Plate);
        });
        using var c = server.Trucks().OnChanged(change =>
        {
            var rowInserted = Assert.IsType<RowInserted<Truck, int>>(change);
            unionRow = rowInserted.Row;
            seen.Add($"changed {change.Type} {change.ProjectId} {change.TableName} {change.Timestamp:O}");
        });

        await server.Trucks().InsertAsync(truck, timestamp: At);

        Assert.Equal(["inserted AB-123", "changed Insert p1 trucks 2026-03-01T12:00:00.0000000+00:00", "any RowInserted`2"], seen.Lines);
        Assert.Same(truck, inserted);
        Assert.Same(truck, unionRow);
    }

    [Fact]
    public async Task An_update_carries_the_old_row_when_given_and_null_when_not()
    {
        await using var server = await ConnectedAsync();
        var updates = new List<(Truck Now, Truck? Before)>();
        var unions = new List<RowUpdated<Truck, int>>();
        using var a = server.Trucks().OnUpdated((now, before) => updates.Add((now, before)));
        using var b = server.Trucks().OnChanged(change => unions.Add(Assert.IsType<RowUpdated<Truck, int>>(change)));
        var before = new Truck(1, "A", TruckStatus.Available, 2);
        var now = before with { Status = TruckStatus.InService };

        await server.Trucks().UpdateAsync(now, before);
        await server.Trucks().UpdateAsync(now);

        Assert.Equal([(now, before), (now, (Truck?)null)], updates);
        Assert.Equal([before, null], unions.ConvertAll(static u => u.OldRow));
    }

    [Fact]
    public async Task A_delete_carries_the_key_and_the_row_or_only_the_key()
    {
        await using var server = await ConnectedAsync();
        var deletes = new List<RowDeleted<Truck, int>>();
        using var a = server.Trucks().OnDeleted(deletes.Add);
        var truck = new Truck(9, "Z", TruckStatus.Available, null);

        await server.Trucks().DeleteAsync(truck);
        await server.Trucks().DeleteKeyAsync(12);

        Assert.Equal((9, truck, true), (deletes[0].Key, deletes[0].Row, deletes[0].HasKey));
        Assert.Equal((12, (Truck?)null, true), (deletes[1].Key, deletes[1].Row, deletes[1].HasKey));
    }

    [Fact]
    public async Task A_keyless_table_deletes_whole_rows_only()
    {
        await using var server = await ConnectedAsync();
        var deletes = new List<RowDeleted<LogLine, SkaftinNoKey>>();
        using var a = server.LogLines().OnDeleted(deletes.Add);
        var line = new LogLine("started", At);

        await server.LogLines().DeleteAsync(line);

        var deleted = Assert.Single(deletes);
        Assert.Same(line, deleted.Row);
        Assert.False(deleted.HasKey);
        Assert.Throws<InvalidOperationException>(() => { _ = server.LogLines().DeleteKeyAsync(default); });
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task Typed_and_raw_pushes_arrive_in_the_order_they_were_pushed(bool dispatchOnReceiveThread)
    {
        await using var server = await ConnectedAsync(options => options.DispatchOnReceiveThread = dispatchOnReceiveThread);
        var seen = new Recording();
        using var a = server.Trucks().OnChanged(change => seen.Add(change.Type + " " + change switch
        {
            RowInserted<Truck, int> i => i.Row.Plate,
            RowUpdated<Truck, int> u => u.Row.Plate + " was " + u.OldRow?.Plate,
            RowDeleted<Truck, int> d => d.Key.ToString(System.Globalization.CultureInfo.InvariantCulture),
            _ => "?",
        }));

        await server.Trucks().InsertAsync(new Truck(1, "A", TruckStatus.Available, 1));
        await server.PushDatabaseChangeAsync("""
            {"type":"update","projectId":"p1","tableName":"trucks","timestamp":"2026-03-01T12:00:00Z",
             "data":{"id":1,"plate":"B","status":"in_service","seats":null},"oldData":{"id":1,"plate":"A","status":"available","seats":1}}
            """);
        await server.Trucks().DeleteKeyAsync(1);

        Assert.Equal(["Insert A", "Update B was A", "Delete 1"], seen.Lines);
    }

    [Fact]
    public async Task A_malformed_raw_row_is_reported_as_the_real_client_reports_it()
    {
        await using var server = await ConnectedAsync();
        var errors = new List<RealtimeError>();
        using var a = server.Client.OnError(errors.Add);
        using var b = server.Trucks().OnInserted(_ => Assert.Fail("a row that does not decode must not be delivered"));

        await server.PushDatabaseChangeAsync("""{"type":"insert","projectId":"p1","tableName":"trucks","timestamp":"2026-03-01T12:00:00Z","data":{"id":"x"}}""");

        var error = Assert.Single(errors);
        Assert.Equal(RealtimeErrorKind.DecodeFailed, error.Kind);
        Assert.Equal("trucks", error.TableName);
    }

    [Fact]
    public async Task Raw_events_without_a_timestamp_reach_the_handlers_with_null()
    {
        await using var server = await ConnectedAsync();
        var changes = new List<RowChange<Truck, int>>();
        var projectEvents = new List<ProjectEvent>();
        var errors = new List<RealtimeError>();
        using var a = server.Trucks().OnChanged(changes.Add);
        using var b = server.Client.OnProjectEvent(projectEvents.Add);
        using var c = server.Client.OnError(errors.Add);

        await server.PushDatabaseChangeAsync("""{"type":"insert","projectId":"p1","tableName":"trucks","data":{"id":1,"plate":"A","status":"available","seats":1}}""");
        await server.PushProjectEventAsync("""{"type":"deployed","projectId":"p1","data":{"version":3}}""");

        Assert.Null(Assert.Single(changes).Timestamp);
        Assert.Null(Assert.Single(projectEvents).Timestamp);
        Assert.Empty(errors);
    }

    [Fact]
    public async Task A_malformed_timestamp_is_reported_and_not_delivered()
    {
        await using var server = await ConnectedAsync();
        var errors = new List<RealtimeError>();
        using var a = server.Client.OnError(errors.Add);
        using var b = server.Trucks().OnChanged(_ => Assert.Fail("an event whose timestamp does not decode must not be delivered"));
        using var c = server.Client.OnProjectEvent(_ => Assert.Fail("an event whose timestamp does not decode must not be delivered"));

        await server.PushDatabaseChangeAsync("""{"type":"insert","projectId":"p1","tableName":"trucks","timestamp":"soon","data":{"id":1,"plate":"A","status":"available","seats":1}}""");
        await server.PushProjectEventAsync("""{"type":"deployed","projectId":"p1","data":{"version":3},"timestamp":"soon"}""");

        Assert.Equal(
            [(RealtimeErrorKind.DecodeFailed, "timestamp"), (RealtimeErrorKind.DecodeFailed, "timestamp")],
            errors.ConvertAll(static e => (e.Kind, Assert.IsType<SkaftinDecodeException>(e.Exception).ColumnName)));
    }

    [Fact]
    public async Task A_throwing_handler_is_reported_and_the_next_handler_still_runs()
    {
        await using var server = await ConnectedAsync();
        var errors = new List<RealtimeError>();
        var reached = false;
        using var a = server.Client.OnError(errors.Add);
        using var b = server.Trucks().OnInserted(_ => throw new InvalidOperationException("boom"));
        using var c = server.Trucks().OnInserted(_ => reached = true);

        await server.Trucks().InsertAsync(new Truck(1, "A", TruckStatus.Available, 1));

        Assert.True(reached);
        var error = Assert.Single(errors);
        Assert.Equal((RealtimeErrorKind.HandlerFailed, "trucks", "insert"), (error.Kind, error.TableName, error.EventType));
        Assert.Equal("boom", error.Exception?.Message);
    }

    [Fact]
    public async Task A_schema_change_reaches_the_schema_handlers_then_the_table_is_told_to_resync()
    {
        await using var server = await ConnectedAsync();
        var seen = new Recording();
        using var a = server.Trucks().OnSchemaChanged(change => seen.Add("schema " + change.Type + " " + change.TableName));
        using var b = server.Trucks().OnResync(signal => seen.Add("resync " + signal.Reason + " " + signal.TableName));

        await server.Trucks().SchemaChangedAsync(DatabaseChangeType.AddColumn, """{"column":{"name":"colour","type":"text"}}""");

        Assert.Equal(["schema AddColumn trucks", "resync SchemaChanged trucks"], seen.Lines);
        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => server.Trucks().SchemaChangedAsync(DatabaseChangeType.Insert));
    }

    [Fact]
    public async Task An_import_tells_every_table_to_resync()
    {
        await using var server = await ConnectedAsync();
        var seen = new Recording();
        using var a = server.Client.OnDatabaseImported(imported => seen.Add("imported " + imported.ProjectId));
        using var b = server.Trucks().OnResync(signal => seen.Add("trucks " + signal.Reason));
        using var c = server.LogLines().OnResync(signal => seen.Add("log_lines " + signal.Reason));

        await server.DatabaseImportedAsync();

        Assert.Equal(["imported p1", "trucks DatabaseImported", "log_lines DatabaseImported"], seen.Lines);
    }

    [Fact]
    public async Task A_dropped_connection_is_seen_as_reconnecting_and_restoring_it_rejoins_and_resyncs()
    {
        await using var server = await ConnectedAsync();
        var seen = new Recording();
        server.Client.StateChanged += change => seen.Add($"{change.Previous} -> {change.Current}");
        using var a = server.Trucks().OnResync(signal => seen.Add("resync " + signal.Reason));

        var dropped = await server.DropConnectionAsync();

        Assert.Equal(ConnectionState.Reconnecting, dropped.Current);
        Assert.Equal(["Connected -> Reconnecting"], seen.Lines);
        Assert.False(server.IsOnline);
        Assert.Empty(server.JoinedProjects);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.Trucks().InsertAsync(new Truck(1, "A", TruckStatus.Available, 1)));

        var restored = await server.RestoreConnectionAsync();

        Assert.Equal(ConnectionState.Connected, restored.Current);
        Assert.Equal(["Connected -> Reconnecting", "Reconnecting -> Connected", "resync ConnectionRestored"], seen.Lines);
        Assert.Equal(["p1"], server.JoinedProjects);
        await server.Trucks().InsertAsync(new Truck(1, "A", TruckStatus.Available, 1));
    }

    [Fact]
    public async Task Restoring_a_connection_that_was_never_dropped_throws()
    {
        await using var server = await ConnectedAsync();

        await Assert.ThrowsAsync<InvalidOperationException>(() => server.RestoreConnectionAsync());
    }

    [Fact]
    public async Task A_project_event_reaches_the_clients_project_event_handlers()
    {
        await using var server = await ConnectedAsync();
        var events = new List<ProjectEvent>();
        using var a = server.Client.OnProjectEvent(events.Add);

        await server.PushProjectEventAsync("""{"type":"deployed","projectId":"p1","data":{"version":3},"timestamp":"2026-03-01T12:00:00Z"}""");

        var projectEvent = Assert.Single(events);
        Assert.Equal(("deployed", "p1", """{"version":3}""", At), (projectEvent.Type, projectEvent.ProjectId, projectEvent.DataJson, projectEvent.Timestamp));
    }

    [Fact]
    public async Task A_client_started_while_the_server_is_down_connects_once_it_is_restored()
    {
        await using var server = await ConnectedAsync();
        await server.DropConnectionAsync();
        await server.Client.StopAsync();

        var start = server.Client.StartAsync();
        Assert.False(start.IsCompleted);
        await server.RestoreConnectionAsync();
        await start;

        Assert.Equal(ConnectionState.Connected, server.Client.State);
    }

    [Fact]
    public async Task Pushes_a_real_server_would_not_deliver_throw()
    {
        await using var server = new FakeSkaftinServer();
        var truck = new Truck(1, "A", TruckStatus.Available, 1);

        var notStarted = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Trucks().InsertAsync(truck));
        Assert.Contains("joined no project", notStarted.Message, StringComparison.Ordinal);
        await Assert.ThrowsAsync<InvalidOperationException>(() => server.PushDatabaseChangeAsync("{}"));

        await server.Client.StartAsync();
        await server.Client.JoinProjectAsync("p1");
        await server.Client.JoinProjectAsync("p2");
        var ambiguous = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Trucks().InsertAsync(truck));
        Assert.Contains("several projects", ambiguous.Message, StringComparison.Ordinal);
        var other = await Assert.ThrowsAsync<InvalidOperationException>(() => server.Trucks().InsertAsync(truck, projectId: "p3"));
        Assert.Contains("'p3'", other.Message, StringComparison.Ordinal);
        await server.Trucks().InsertAsync(truck, projectId: "p2");

        await using var real = new SkaftinRealtimeClient(new SkaftinRealtimeOptions { ApiKey = "k" });
        await Assert.ThrowsAsync<InvalidOperationException>(() => real.Trucks().InsertAsync(truck));
    }

    [Fact]
    public async Task Handlers_run_on_the_apps_handler_context_as_with_a_real_server()
    {
        var context = new RecordingContext();
        await using var server = await ConnectedAsync(options => options.HandlerContext = context);
        var onContext = new List<bool>();
        using var a = server.Trucks().OnInserted(_ => onContext.Add(RecordingContext.Inside));
        server.Client.StateChanged += _ => onContext.Add(RecordingContext.Inside);

        await server.Trucks().InsertAsync(new Truck(1, "A", TruckStatus.Available, 1));
        await server.DropConnectionAsync();

        Assert.Equal([true, true], onContext);
    }

    [Fact]
    public void Every_event_type_a_server_sends_has_a_wire_name_the_runtime_reads_back()
    {
        foreach (var type in Enum.GetValues<DatabaseChangeType>())
        {
            if (type == DatabaseChangeType.Unknown)
            {
                Assert.Throws<ArgumentOutOfRangeException>(() => EnvelopeJson.WireName(type));
                continue;
            }

            var name = EnvelopeJson.WireName(type);
            Assert.Equal(type, DatabaseChangeTypes.Parse(System.Text.Encoding.UTF8.GetBytes(name)));
        }

        Assert.Equal("add_column", EnvelopeJson.WireName(DatabaseChangeType.AddColumn));
    }

    /// <summary>A UI-like context: runs the work (on a pool thread) and says whether the current code runs inside it.</summary>
    private sealed class RecordingContext : SynchronizationContext
    {
        [ThreadStatic]
        private static bool _inside;

        public static bool Inside => _inside;

        public override void Post(SendOrPostCallback d, object? state) => ThreadPool.QueueUserWorkItem(_ => Send(d, state));

        public override void Send(SendOrPostCallback d, object? state)
        {
            _inside = true;
            try
            {
                d(state);
            }
            finally
            {
                _inside = false;
            }
        }
    }
}
