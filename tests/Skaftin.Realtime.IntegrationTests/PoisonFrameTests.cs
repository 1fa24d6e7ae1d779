using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// A poison frame from the real server, with connection state recovery on and off: it is reported exactly once with
/// its real cause (also when the server replays it after a reconnect, before the CONNECT packet), the next event
/// arrives, and the client never says it is connected while the server does not have it in its room. The same holds
/// over HTTP long-polling, where the client falls back to behind a proxy that refuses websockets.
/// </summary>
public sealed class PoisonFrameTests
{
    private const string Project = "p1";
    private const string Timestamp = "2026-11-26T08:30:00Z";
    private const int MaxFrameBytes = SkaftinRealtimeOptions.MinimumMaxFrameBytes;

    private sealed record Poison(string EventName, bool Ack, bool Binary, RealtimeErrorKind Kind, FrameErrorKind? Cause, Func<string, string> ArgsJson)
    {
        public bool Marked => ArgsJson("x") != "[]";
    }

    private static string Event(string registration, string extra = "") =>
        "[{\"type\":\"insert\",\"projectId\":\"" + Project + "\",\"tableName\":\"vehicles\",\"data\":{\"id\":1,\"registration_number\":\"" + registration
        + "\",\"status\":\"available\",\"active\":1,\"created_at\":\"" + Timestamp + "\"" + extra + "},\"timestamp\":\"" + Timestamp + "\"}]";

    private static string Deep(string marker) => Event(marker, ",\"extra\":" + new string('[', 100) + new string(']', 100));

    private static Poison For(string name) => name switch
    {
        "lone-surrogate" => new(EventNames.DatabaseChange, false, false, RealtimeErrorKind.DecodeFailed, FrameErrorKind.InvalidUtf16, m => Event(m + "\\ud800")),
        "too-deep" => new(EventNames.DatabaseChange, false, false, RealtimeErrorKind.DecodeFailed, FrameErrorKind.TooDeep, Deep),
        "too-deep-with-ack-id" => new(EventNames.DatabaseChange, true, false, RealtimeErrorKind.DecodeFailed, FrameErrorKind.TooDeep, Deep),
        "too-deep-binary-event" => new(EventNames.DatabaseChange, false, true, RealtimeErrorKind.FrameDropped, FrameErrorKind.BinaryEvent, Deep),
        "too-deep-unknown-name" => new("server-news", false, false, RealtimeErrorKind.FrameDropped, FrameErrorKind.UnknownEvent, Deep),
        "too-large" => new(EventNames.DatabaseChange, false, false, RealtimeErrorKind.DecodeFailed, FrameErrorKind.TooLarge, m => Event(m, ",\"extra\":\"" + new string('x', 2 * MaxFrameBytes) + "\"")),
        "no-payload" => new(EventNames.DatabaseChange, false, false, RealtimeErrorKind.DecodeFailed, null, _ => "[]"),
        _ => throw new ArgumentOutOfRangeException(nameof(name)),
    };

    public static TheoryData<string, bool> Cases()
    {
        var cases = new TheoryData<string, bool>();
        foreach (var name in new[] { "lone-surrogate", "too-deep", "too-deep-with-ack-id", "too-deep-binary-event", "too-deep-unknown-name", "too-large", "no-payload" })
        {
            cases.Add(name, false);
            cases.Add(name, true);
        }

        return cases;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public Task APoisonFrameIsReportedOnceAndTheConnectionGoesOn(string name, bool recovery) => RunAsync(name, recovery, overPolling: false);

    [Theory]
    [MemberData(nameof(Cases))]
    public Task APoisonFrameOverLongPollingIsReportedOnceAndTheConnectionGoesOn(string name, bool recovery) => RunAsync(name, recovery, overPolling: true);

    private static async Task RunAsync(string name, bool recovery, bool overPolling)
    {
        var poison = For(name);
        await using var server = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Recovery = recovery ? TimeSpan.FromMinutes(2) : null });
        await using var proxy = WebSocketRefusingProxy.Start(server.Url);
        await Harness.CreateVehiclesAsync(server, Project);
        // Reconnects ask for a token: holding it back keeps the client away while the server sends.
        var tokenGate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        tokenGate.SetResult();
        await using var client = Harness.Client(server, configure: o =>
        {
            o.MaxFrameBytes = MaxFrameBytes;
            o.ApiUrl = overPolling ? proxy.Url : server.Url;
            o.AccessTokenProvider = async ct =>
            {
                await Volatile.Read(ref tokenGate).Task.WaitAsync(ct);
                return server.DefaultApiKey;
            };
        });
        var inserted = new ConcurrentQueue<string>();
        var errors = new ConcurrentQueue<RealtimeError>();
        var resyncs = new ConcurrentQueue<ResyncRequired>();
        var comebacks = new ConcurrentQueue<(string? Reason, bool InRoom)>();
        var connections = 0;
        client.StateChanged += change =>
        {
            // Every Connected after the first is a comeback. (State changes reach handlers through the dispatch pump:
            // the first one can come after ConnectAsync and even JoinProjectAsync have returned, so it is counted,
            // not timed.) Blocks the client's reconnect loop on purpose: the server is asked while the client says
            // it is live.
            if (change.Current == ConnectionState.Connected && Interlocked.Increment(ref connections) > 1)
            {
                var members = server.Api.GetRoomMembersAsync(Project).GetAwaiter().GetResult();
                comebacks.Enqueue((change.Reason, client.SocketId is { } id && members.Contains(id)));
            }
        };
        using var a = client.Vehicles().OnInserted(v => inserted.Enqueue(v.RegistrationNumber));
        using var b = client.OnError(errors.Enqueue);
        using var c = client.Vehicles().OnResync(resyncs.Enqueue);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync(Project);
        Assert.Equal(overPolling ? "polling" : "websocket", await server.Api.GetSocketTransportAsync(client.SocketId!));

        // The server keeps no event with an ack id for recovery, so only then is a poison frame sent while away lost.
        var replayed = recovery && !poison.Ack;
        var expectedErrors = replayed ? 2 : 1;

        // While connected, the poison frame is the last one before the connection drops: its offset must be recorded,
        // or the recovered session replays it.
        await server.Api.EmitJsonAsync(Project, EventNames.DatabaseChange, Event("v1"));
        await server.Api.EmitJsonAsync(Project, poison.EventName, poison.ArgsJson("poison-A"), poison.Ack, poison.Binary);
        await Harness.Until(() => inserted.Contains("v1") && errors.Count == 1, "the poison frame is reported");

        // While away: with recovery the server replays both before the CONNECT packet of the recovered session.
        Volatile.Write(ref tokenGate, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously));
        await server.Api.DropTransportsAsync();
        await Harness.Until(() => client.State != ConnectionState.Connected, "the client sees the drop");
        await server.Api.EmitJsonAsync(Project, EventNames.DatabaseChange, Event("v2"));
        await server.Api.EmitJsonAsync(Project, poison.EventName, poison.ArgsJson("poison-B"), poison.Ack, poison.Binary);
        Volatile.Read(ref tokenGate).SetResult();
        await Harness.Until(() => client.State == ConnectionState.Connected && comebacks.Count == 1 && errors.Count >= expectedErrors, "the client is back");

        // Dropped again right after the replayed poison frame: nothing may be replayed twice.
        await server.Api.DropTransportsAsync();
        await Harness.Until(() => client.State == ConnectionState.Connected && comebacks.Count == 2, "the client is back again");

        // Events are delivered in order, so once v3 is in, any replayed duplicate would have been reported already.
        await server.Api.EmitJsonAsync(Project, EventNames.DatabaseChange, Event("v3"));
        await Harness.Until(() => inserted.Contains("v3"), "the event after the reconnects arrives");

        Assert.Equal(recovery, client.LastReconnectRecovered);
        Assert.Equal(recovery ? new[] { "v1", "v2", "v3" } : new[] { "v1", "v3" }, inserted);
        Assert.Equal(recovery ? 0 : 2, resyncs.Count);
        Assert.All(comebacks, comeback => Assert.True(comeback.InRoom, $"reported Connected ({comeback.Reason}) while not in the project's room"));

        Assert.Equal(expectedErrors, errors.Count);
        foreach (var error in errors)
        {
            Assert.Equal(poison.Kind, error.Kind);
            Assert.Equal(poison.EventName, error.EventName);
            if (poison.Cause is { } cause)
            {
                Assert.Equal(cause, Assert.IsType<SkaftinFrameException>(error.Exception).Kind);
                Assert.Equal(("vehicles", "insert"), (error.TableName, error.EventType));
                Assert.StartsWith("{\"type\":\"insert\"", error.RawText, StringComparison.Ordinal); // the event's own text, not the frame
            }
            else
            {
                Assert.Contains("carries no payload", Assert.IsType<SkaftinDecodeException>(error.Exception).Message);
                Assert.Equal("", error.RawText); // not the offset the server appends
            }
        }

        if (poison.Marked)
        {
            Assert.Single(errors, e => e.RawText.Contains("poison-A", StringComparison.Ordinal));
            Assert.Equal(replayed ? 1 : 0, errors.Count(e => e.RawText.Contains("poison-B", StringComparison.Ordinal)));
        }
    }
}
