using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Every disconnect ends in a recovered session or a resync signal: never a silent gap.</summary>
public sealed class RecoveryTests
{
    private readonly FakeSocketServer _server = new();

    [Fact]
    public async Task AnUnrecoveredReconnectSignalsEveryTableOnceAfterTheEventsBeforeIt()
    {
        await using var client = _server.CreateClient();
        var log = new ConcurrentQueue<string>();
        using var a = client.Vehicles().OnInserted(v => log.Enqueue("insert " + v.RegistrationNumber));
        using var b = client.Vehicles().OnResync(r => log.Enqueue("vehicles " + r.Reason));
        using var c = client.Drivers().OnResync(r => log.Enqueue("drivers " + r.Reason));
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");

        _server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("before"));
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => log.Count == 3, "the insert and two resync signals arrive");

        Assert.Equal(new[] { "insert before", "vehicles ConnectionRestored", "drivers ConnectionRestored" }, log);
        Assert.False(client.LastReconnectRecovered);
        Assert.Equal(2, _server.Emits.Count(static e => e == (EventNames.JoinProject, "p1")));
    }

    [Fact]
    public async Task ARecoveredSessionNeedsNoResyncAndNoRejoin()
    {
        _server.RecoversSessions = true;
        await using var client = _server.CreateClient();
        var resyncs = new ConcurrentQueue<ResyncRequired>();
        var states = new ConcurrentQueue<string?>();
        using var a = client.Vehicles().OnResync(resyncs.Enqueue);
        client.StateChanged += change => states.Enqueue(change.Reason);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        var first = _server.Current;
        first.LastOffset = "offset-41";

        first.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => states.Contains("recovered"), "the session is recovered");

        Assert.True(client.LastReconnectRecovered);
        Assert.Equal(new SessionResume(first.SessionId!, "offset-41"), _server.Resumes[^1]);
        Assert.Equal(first.Id, client.SocketId);
        Assert.Single(_server.Emits, static e => e == (EventNames.JoinProject, "p1"));
        await Task.Delay(100);
        Assert.Empty(resyncs);
    }

    [Fact]
    public async Task OnARecoveredSessionRoomsReleasedMeanwhileAreLeftAndRoomsTakenMeanwhileAreJoined()
    {
        _server.RecoversSessions = true;
        await using var client = _server.CreateClient(o => o.ConnectTimeout = TimeSpan.FromMilliseconds(50));
        await client.StartAsync();
        var p1 = await client.JoinProjectAsync("p1");
        _server.Unreachable = true;
        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting, "the client reconnects");

        await p1.DisposeAsync();
        await using var p2 = await client.JoinProjectAsync("p2");
        _server.Unreachable = false;

        await Eventually.Until(() => client.State == ConnectionState.Connected && client.LastReconnectRecovered, "the session is recovered");
        await Eventually.Until(() => _server.Current.Rooms.SetEquals(new[] { "p2" }), "p1 is left and p2 joined on the recovered session");
    }

    [Fact]
    public void AnImportSignalsEveryTableAndASchemaChangeOnlyItsTable()
    {
        var router = new SkaftinEventRouter();
        var signals = new List<string>();
        using var a = router.Vehicles().OnResync(r => signals.Add($"vehicles {r.Reason} {r.ProjectId}"));
        using var b = router.Drivers().OnResync(r => signals.Add($"drivers {r.Reason} {r.ProjectId}"));
        using var c = router.OnResyncRequired(r => signals.Add($"any {r.Reason} {r.TableName}"));

        router.DispatchDatabaseChange("""{"type":"add_column","projectId":"p1","tableName":"vehicles","data":{},"timestamp":"2026-11-26T08:30:00Z"}"""u8.ToArray());
        router.DispatchDatabaseChange("""{"type":"add_column","projectId":"p1","tableName":"invoices","data":{},"timestamp":"2026-11-26T08:30:00Z"}"""u8.ToArray());
        router.DispatchDatabaseChange("""{"type":"import_dump","projectId":"p2","tableName":null,"timestamp":"2026-11-26T08:31:00Z"}"""u8.ToArray());

        Assert.Equal(
            new[]
            {
                "any SchemaChanged vehicles", "vehicles SchemaChanged p1",
                "any DatabaseImported ", "vehicles DatabaseImported p2", "drivers DatabaseImported p2",
            },
            signals);
    }
}
