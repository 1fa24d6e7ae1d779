using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The client's own logic above the socket seam, driven by <see cref="FakeSocketServer"/>.</summary>
public sealed class ClientUnitTests
{
    private const string Insert = """{"type":"insert","projectId":"p1","tableName":"vehicles","data":{"id":1,"registration_number":"A","status":"available","created_at":"2026-11-26T08:30:00Z"},"timestamp":"2026-11-26T08:30:00Z"}""";

    private readonly FakeSocketServer _server = new();

    [Fact]
    public async Task AJoinTheServerNeverAnswersTimesOutAndIsReleased()
    {
        _server.AnswersJoins = false;
        // ServerAnswer insists on the answer; the default (Auto) would fall back to counting the join once sent
        // (JoinConfirmationTests.WithAuto…).
        await using var client = _server.CreateClient(o =>
        {
            o.JoinConfirmation = JoinConfirmation.ServerAnswer;
            o.RequestTimeout = TimeSpan.FromMilliseconds(200);
        });
        await client.StartAsync();

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.JoinProjectAsync("p1"));
        Assert.StartsWith("join-project 'p1' was not confirmed within 0.2 s", timeout.Message);

        Assert.Empty(client.GetJoinedProjects());
    }

    [Fact]
    public async Task AJoinBeforeStartingIsRememberedAndSentOnConnect()
    {
        await using var client = _server.CreateClient();

        await using var membership = await client.JoinProjectAsync("p1");
        Assert.Empty(_server.Emits);
        await client.StartAsync();

        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "p1 is joined on connect");
        Assert.Equal(1, client.GetJoinedProjects()["p1"]);
    }

    [Fact]
    public async Task EmitsNeverOverlap()
    {
        await using var client = _server.CreateClient();
        await client.StartAsync();

        var memberships = await Task.WhenAll(Enumerable.Range(0, 50).Select(i => client.JoinProjectAsync("p" + i)));

        Assert.Equal(50, memberships.Length);
        Assert.Equal(1, _server.MaxConcurrentEmits);
    }

    [Fact]
    public async Task AFullDispatchQueueReportsWhatItCouldNotDeliverAndTheCountsReconcile()
    {
        using var release = new ManualResetEventSlim();
        using var entered = new ManualResetEventSlim();
        var delivered = 0;
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = _server.CreateClient(o =>
        {
            o.DispatchQueueCapacity = 3;
            o.DispatchQueueFullWait = TimeSpan.Zero;
        });
        using var a = client.Vehicles().OnInserted(_ =>
        {
            entered.Set();
            release.Wait(TimeSpan.FromSeconds(10));
            Interlocked.Increment(ref delivered);
        });
        using var b = client.OnError(errors.Enqueue);
        await client.StartAsync();

        _server.Current.Raise(EventNames.DatabaseChange, Insert);
        Assert.True(entered.Wait(TimeSpan.FromSeconds(5)), "the first event reached its handler");
        for (var i = 0; i < 9; i++)
        {
            _server.Current.Raise(EventNames.DatabaseChange, Insert);
        }

        release.Set();
        await Eventually.Until(() => Volatile.Read(ref delivered) + errors.Count == 10, "every event is delivered or reported");
        await Task.Delay(100);

        Assert.Equal(4, delivered); // one in the handler, three in the queue
        Assert.Equal(6, errors.Count);
        Assert.All(errors, static e =>
        {
            Assert.Equal(RealtimeErrorKind.DispatchQueueFull, e.Kind);
            Assert.Contains("registration_number", e.RawText);
        });
    }

    [Fact]
    public async Task AFullDispatchQueueHoldsTheReaderInsteadOfDroppingWhileHandlersCatchUp()
    {
        var delivered = 0;
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = _server.CreateClient(o => o.DispatchQueueCapacity = 2);
        using var a = client.Vehicles().OnInserted(_ =>
        {
            Thread.Sleep(5);
            Interlocked.Increment(ref delivered);
        });
        using var b = client.OnError(errors.Enqueue);
        await client.StartAsync();

        // The "socket reader" here is this test's thread: it is held while the handlers catch up, and nothing is lost.
        for (var i = 0; i < 50; i++)
        {
            _server.Current.Raise(EventNames.DatabaseChange, Insert);
        }

        await Eventually.Until(() => Volatile.Read(ref delivered) == 50, "all fifty events are delivered");
        Assert.Empty(errors);
    }

    [Fact]
    public async Task ATokenRejectedOnReconnectIsAskedForAgainAndTheRoomsAreRejoined()
    {
        var tokens = 0;
        await using var client = _server.CreateClient(token: () => "token-" + Interlocked.Increment(ref tokens));
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Authenticate = static token => token == "token-2" ? "token expired" : null;

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Connected && _server.Connections.Count == 3, "the client reconnects with a third token");

        Assert.Equal(new[] { "token-1", "token-2", "token-3" }, _server.Connections.Select(static c => c.Token));
        await Eventually.Until(() => _server.Emits.Count(static e => e == (EventNames.JoinProject, "p1")) == 2, "p1 is joined again");
    }

    [Fact]
    public async Task RejectedTokensAreReportedEachTimeAndRetryingGoesOnUntilOneIsAccepted()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        var tokens = 0;
        await using var client = _server.CreateClient(token: () => "token-" + Interlocked.Increment(ref tokens));
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");
        _server.Authenticate = static token => token is "token-2" or "token-3" or "token-4" ? "token expired" : null;

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Connected && _server.Connections.Count == 5, "the fifth token is accepted");

        await Eventually.Until(() => errors.Count == 3, "each refusal is reported");
        Assert.All(errors, static error => Assert.Equal("token expired", Assert.IsType<SkaftinAuthenticationException>(error.Exception).ServerMessage));
        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "p1 is joined again");
    }

    [Fact]
    public async Task ATokenProviderThatThrowsIsReportedEachTimeAndRetried()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        var calls = 0;
        await using var client = _server.CreateClient(token: () => Interlocked.Increment(ref calls) is 2 or 3 ? throw new InvalidOperationException("vault down") : "token");
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Connected && _server.Connections.Count == 2, "the client reconnects once the provider recovers");

        await Eventually.Until(() => errors.Count == 2, "each provider failure is reported");
        Assert.All(errors, static error => Assert.Equal("vault down", error.Exception!.InnerException!.Message));
    }

    [Fact]
    public async Task APolicyDecidesToGiveUpAfterRefusedTokens()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = _server.CreateClient(o => o.RetryPolicy = new StopAfterRefusals(2));
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        _server.Authenticate = static _ => "invalid api key";

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Disconnected, "the policy gives up");

        Assert.Equal(3, _server.Connections.Count);
        await Eventually.Until(() => errors.Count == 3, "two refusals and the end are reported");
        Assert.Contains("Gave up reconnecting after 2 attempts", errors.Last().Exception!.Message);
    }

    [Fact]
    public async Task ARefusalThatIsNotAMiddlewaresIsNotTakenForRefusedCredentials()
    {
        var policy = new RecordingPolicy();
        await using var client = _server.CreateClient(o => o.RetryPolicy = policy);
        await client.StartAsync();
        _server.RefusalKind = ConnectRefusalKind.Namespace;
        _server.Authenticate = static _ => "Invalid namespace";

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => policy.Seen.Count(static c => c.Error is not null) >= 2, "the refused reconnects are retried");

        var refused = policy.Seen.First(static c => c.Error is not null);
        Assert.Equal(RetryReason.ConnectionRefused, refused.Reason);
        Assert.IsType<SkaftinConnectionRefusedException>(refused.Error);
        Assert.Contains("Invalid namespace", refused.Error!.Message);
        _server.Authenticate = static _ => null;
        await Eventually.Until(() => client.State == ConnectionState.Connected, "it reconnects once the server accepts");
    }

    private sealed class RecordingPolicy : IRetryPolicy
    {
        public ConcurrentQueue<RetryContext> Seen { get; } = new();

        public TimeSpan? NextRetryDelay(RetryContext context)
        {
            Seen.Enqueue(context);
            return TimeSpan.FromMilliseconds(10);
        }
    }

    private sealed class StopAfterRefusals(int limit) : IRetryPolicy
    {
        private int _refusals;

        public TimeSpan? NextRetryDelay(RetryContext context)
        {
            if (context.Reason == RetryReason.CredentialsRefused && ++_refusals >= limit)
            {
                return null;
            }

            return TimeSpan.FromMilliseconds(10);
        }
    }

    [Fact]
    public async Task AServerDisconnectIsNotCalledBack()
    {
        await using var client = _server.CreateClient();
        await client.StartAsync();

        _server.Current.Drop(DisconnectReason.ServerDisconnect);
        await Eventually.Until(() => client.State == ConnectionState.Disconnected, "the client is disconnected");
        await Task.Delay(200);

        Assert.Single(_server.Connections);
    }

    [Theory]
    [InlineData("ClientClose")]
    [InlineData("TransportClosed")]
    [InlineData("TransportError")]
    [InlineData("PingTimeout")]
    [InlineData("Unknown")]
    public async Task EveryOtherDisconnectIsALostConnectionThatIsCalledBack(string reason)
    {
        var policy = new RecordingPolicy();
        await using var client = _server.CreateClient(o => o.RetryPolicy = policy);
        await client.StartAsync();

        _server.Current.Drop(Enum.Parse<DisconnectReason>(reason));
        await Eventually.Until(() => client.State == ConnectionState.Connected && _server.Connections.Count == 2, "the client reconnects");

        Assert.Equal(RetryReason.ConnectionLost, policy.Seen.First().Reason);
    }

    [Fact]
    public async Task MaxAttemptsEndsReconnecting()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = _server.CreateClient(o =>
        {
            ((SkaftinRetryPolicy)o.RetryPolicy).MaxAttempts = 2;
            o.ConnectTimeout = TimeSpan.FromMilliseconds(100);
        });
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        _server.Unreachable = true;

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Disconnected, "the client gives up");
        // The state moves before the failure is dispatched to the handlers.
        await Eventually.Until(() => !errors.IsEmpty, "the end is reported");

        var error = Assert.Single(errors);
        Assert.Equal(RealtimeErrorKind.ConnectionFailed, error.Kind);
        Assert.Contains("2 attempts", error.Exception!.Message);
        Assert.Equal(3, _server.Connections.Count);
        Assert.All(_server.Connections, static c => Assert.True(c.Closed));
    }

    [Fact]
    public async Task TheWatchdogDeclaresASilentConnectionDead()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var states = new ConcurrentQueue<ConnectionStateChange>();
        await using var client = _server.CreateClient(o =>
        {
            o.TimeProvider = time;
            o.HeartbeatTimeout = TimeSpan.FromSeconds(45);
            ((SkaftinRetryPolicy)o.RetryPolicy).InitialDelay = TimeSpan.FromMinutes(10);
        });
        client.StateChanged += states.Enqueue;
        await client.StartAsync();

        for (var i = 0; i < 8; i++)
        {
            time.Advance(TimeSpan.FromSeconds(20));
            _server.Current.Ping();
        }

        Assert.Equal(ConnectionState.Connected, client.State);

        time.Advance(TimeSpan.FromSeconds(60));

        await Eventually.Until(() => client.State == ConnectionState.Reconnecting && !states.IsEmpty && states.Last().Reason == "heartbeat timeout", "the silent connection is declared dead");
        Assert.True(_server.Connections[0].Closed);
    }

    [Fact]
    public async Task TheHeartbeatWatchHoldsAClientOnlyFromItsFirstConnectUntilItIsDisposed()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UtcNow);
        var client = _server.CreateClient(o => o.TimeProvider = time);

        // A client never started is not in the process-wide watch (which would keep it alive if never disposed).
        Assert.False(HeartbeatWatch.Ticks(time));

        await client.StartAsync();
        Assert.True(HeartbeatWatch.Ticks(time));

        await client.DisposeAsync();
        Assert.False(HeartbeatWatch.Ticks(time));
    }

    [Fact]
    public void BackoffGrowsExponentiallyWithinItsBoundsAndJitter()
    {
        var policy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2), Jitter = 0.5 };
        var random = new Random(7);
        for (var attempt = 1; attempt <= 40; attempt++)
        {
            var ceiling = Math.Min(2000, 100 * Math.Pow(2, Math.Min(attempt - 1, 30)));
            var delay = policy.DelayFor(attempt, random).TotalMilliseconds;
            Assert.InRange(delay, ceiling * 0.5, ceiling);
        }

        var exact = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(2), Jitter = 0 };
        Assert.Equal(new[] { 100.0, 200, 400, 800, 1600, 2000, 2000 }, Enumerable.Range(1, 7).Select(a => exact.DelayFor(a, random).TotalMilliseconds));
    }

    [Fact]
    public async Task DisposeClosesTheConnectionAndEndsPendingJoins()
    {
        _server.AnswersJoins = false;
        var client = _server.CreateClient();
        await client.StartAsync();
        var join = client.JoinProjectAsync("p1");

        await client.DisposeAsync();

        await Assert.ThrowsAnyAsync<ObjectDisposedException>(() => join);
        Assert.True(_server.Current.Closed);
        Assert.Equal(ConnectionState.Disconnected, client.State);
        await Assert.ThrowsAsync<ObjectDisposedException>(() => client.StartAsync());
    }
}
