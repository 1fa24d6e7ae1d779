using System;
using System.Linq;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;
using Xunit;

namespace Skaftin.Realtime.IntegrationTests;

/// <summary>
/// Issue 20, case 8: the words an operator reads say what happened. An outage logs one Warning about the websocket
/// falling back to long-polling, the other attempts at Debug; a join refused on the first connection does not say
/// "again"; nothing says the connection "failed for good" while it is up; an OnError line names no "?".
/// </summary>
[Collection("dev server")]
public sealed class OperatorLogTests(DevServerFixture fixture)
{
    [Fact]
    public async Task AnOutageLogsOneFallbackWarningAndTheOtherAttemptsAtDebug()
    {
        var port = Harness.FreePort();
        var logs = new CapturingLoggerFactory();
        await using var client = new SkaftinRealtimeClient(new SkaftinRealtimeOptions
        {
            ApiUrl = new Uri($"http://127.0.0.1:{port}"),
            ApiKey = "k",
            LoggerFactory = logs,
            ConnectTimeout = TimeSpan.FromSeconds(2),
            RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(20), MaxDelay = TimeSpan.FromMilliseconds(100) },
        });
        var starting = client.StartAsync();

        // The first outage: the server is not there yet.
        await Harness.Until(() => Count(logs, "[2004]") >= 4, "four connection attempts fail");
        Assert.Equal(1, Count(logs, "Warning Skaftin.Realtime [2008]"));
        Assert.True(Count(logs, "Debug Skaftin.Realtime [2009]") >= 3, string.Join('\n', logs.Lines));
        Assert.DoesNotContain(logs.Lines, static l => l.StartsWith("Information", StringComparison.Ordinal) && l.Contains("long-polling", StringComparison.Ordinal));

        // The server comes and goes: a second outage, a second Warning.
        await using (var backend = await SkaftinDevServer.StartAsync(new SkaftinDevServerOptions { Port = port, ApiKeys = ["k=*"] }))
        {
            await starting.WaitAsync(Harness.Deadline);
            Assert.Equal(ConnectionState.Connected, client.State);
        }

        var attempts = Count(logs, "[2004]");
        await Harness.Until(() => Count(logs, "[2004]") >= attempts + 3, "three more attempts fail after the server went");
        Assert.Equal(2, Count(logs, "Warning Skaftin.Realtime [2008]"));
    }

    [Fact]
    public async Task AJoinRefusedOnTheFirstConnectionIsReportedWithoutAgainOrForGood()
    {
        var server = fixture.Server;
        var logs = new CapturingLoggerFactory();
        await using var client = Harness.Client(server, key: "p1-only", configure: o => o.LoggerFactory = logs);
        var errors = new System.Collections.Concurrent.BlockingCollection<RealtimeError>();
        using var e = client.OnError(errors.Add);
        await using var refused = await client.JoinProjectAsync("not-p1"); // remembered: joined when the connection opens

        await client.StartAsync();

        var error = await errors.Next();
        Assert.Equal(ConnectionState.Connected, client.State);
        Assert.Equal(RealtimeErrorKind.ConnectionFailed, error.Kind);
        Assert.Contains("Project 'not-p1' was not joined on this connection", error.Exception!.Message);
        Assert.Contains("api key does not grant project not-p1", error.Exception.Message);
        Assert.Equal("ConnectionFailed for connect: " + error.Exception.Message, error.ToString());
        await Harness.Until(() => logs.Lines.Any(static l => l.Contains("[2006]", StringComparison.Ordinal)), "the failure is logged");
        Assert.DoesNotContain(logs.Lines, static l => l.Contains("for good", StringComparison.Ordinal) || l.Contains("joined again", StringComparison.Ordinal) || l.Contains(" ? ", StringComparison.Ordinal));
        Assert.Contains(logs.Lines, static l => l.Contains("Connection failure reported to OnError: Project 'not-p1' was not joined on this connection", StringComparison.Ordinal));
    }

    private static int Count(CapturingLoggerFactory logs, string text) => logs.Lines.Count(l => l.Contains(text, StringComparison.Ordinal));
}
