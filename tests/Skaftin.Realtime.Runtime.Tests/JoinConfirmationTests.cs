using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Joins against servers that confirm them and servers that never do (<see cref="JoinConfirmation"/>), on the first
/// connection and every later one.
/// </summary>
public sealed class JoinConfirmationTests
{
    // Far longer than any test may run: a join that waited for it would fail the test by its deadline.
    private static readonly TimeSpan Forever = TimeSpan.FromMinutes(10);

    private readonly FakeSocketServer _server = new() { AnswersJoins = false };

    private SkaftinRealtimeClient OnEmitClient() => _server.CreateClient(static o =>
    {
        o.JoinConfirmation = JoinConfirmation.OnEmit;
        o.RequestTimeout = Forever;
    });

    [Fact]
    public async Task WithOnEmitAJoinCompletesOnceSentThoughTheServerNeverAnswers()
    {
        await using var client = OnEmitClient();
        await client.StartAsync();

        await using var membership = await client.JoinProjectAsync("p1").WaitAsync(TimeSpan.FromSeconds(5));

        Assert.Contains("p1", _server.Current.Rooms);
        await using var second = await client.JoinProjectAsync("p1").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(2, client.GetJoinedProjects()["p1"]);
        Assert.Single(_server.Emits, static e => e == (EventNames.JoinProject, "p1"));
    }

    [Fact]
    public async Task WithOnEmitAReconnectDoesNotWaitForAnswersThatNeverCome()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = OnEmitClient();
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        await using var a = await client.JoinProjectAsync("p1");
        await using var b = await client.JoinProjectAsync("p2");

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Connected && _server.Connections.Count == 2, "the client is connected again");

        Assert.Equal(new[] { "p1", "p2" }, _server.Current.Rooms.Order());
        Assert.Empty(errors);
    }

    [Theory]
    [InlineData(JoinConfirmation.ServerAnswer)]
    [InlineData(JoinConfirmation.OnEmit)]
    public async Task AJoinBeforeConnectingIsRememberedAndSentOnConnectWithEitherSetting(JoinConfirmation confirmation)
    {
        _server.AnswersJoins = confirmation == JoinConfirmation.ServerAnswer;
        await using var client = _server.CreateClient(o => o.JoinConfirmation = confirmation);

        await using var membership = await client.JoinProjectAsync("p1");
        Assert.Empty(_server.Emits);
        await client.StartAsync();

        Assert.Contains("p1", _server.Current.Rooms);
        Assert.Equal(1, client.GetJoinedProjects()["p1"]);
    }

    [Fact]
    public async Task WithOnEmitARefusalThatStillComesIsReported()
    {
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = OnEmitClient();
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p2");

        _server.Current.Raise(EventNames.JoinProjectError, """{"projectId":"p2","message":"api key does not grant project p2"}""");

        await Eventually.Until(() => !errors.IsEmpty, "the refusal is reported");
        var refusal = Assert.IsType<SkaftinJoinException>(Assert.Single(errors).Exception);
        Assert.Equal(("p2", "api key does not grant project p2"), (refusal.ProjectId, refusal.ServerMessage));
    }

    [Fact]
    public async Task WithOnEmitARefusalThatComesBeforeTheSendCompletesFailsTheJoin()
    {
        _server.RefusedProjects.Add("p2");
        await using var client = OnEmitClient();
        await client.StartAsync();

        var refusal = await Assert.ThrowsAsync<SkaftinJoinException>(() => client.JoinProjectAsync("p2"));

        Assert.Equal(("p2", "refused"), (refusal.ProjectId, refusal.ServerMessage));
        Assert.Empty(client.GetJoinedProjects());
    }

    [Fact]
    public async Task WithServerAnswerTheRejoinsOfANewConnectionWaitOneTimeoutTogetherNotOneEach()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        var errors = new ConcurrentQueue<RealtimeError>();
        _server.AnswersJoins = true;
        await using var client = _server.CreateClient(o =>
        {
            o.TimeProvider = time;
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            o.ConnectTimeout = Forever;
            o.HeartbeatTimeout = Forever;
            o.RetryPolicy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromMilliseconds(100), Jitter = 0 };
        });
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        var memberships = await Task.WhenAll(new[] { "p1", "p2", "p3" }.Select(p => client.JoinProjectAsync(p)));
        _server.AnswersJoins = false;

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => client.State == ConnectionState.Reconnecting, "the client is reconnecting");

        // The retry wait's timer may start just after the state moved: step the clock until the new connection is made.
        await Eventually.Until(
            () =>
            {
                if (_server.Connections.Count < 2)
                {
                    time.Advance(TimeSpan.FromMilliseconds(100));
                }

                return _server.Connections.Count == 2 && _server.Current.Rooms.Count == 3;
            },
            "every room is joined again, unanswered");
        time.Advance(TimeSpan.FromSeconds(10));

        await Eventually.Until(() => client.State == ConnectionState.Connected, "one timeout later the connection is live");
        await Eventually.Until(() => errors.Count == 3, "each unanswered rejoin is reported");
        foreach (var membership in memberships)
        {
            await membership.DisposeAsync();
        }
    }
    [Fact]
    public async Task WithAutoASilentServerIsTakenForOneOnceAndLaterJoinsCompleteWhenSent()
    {
        var time = new FakeTimeProvider(DateTimeOffset.UnixEpoch);
        await using var client = _server.CreateClient(o =>
        {
            o.TimeProvider = time;
            o.RequestTimeout = TimeSpan.FromSeconds(10);
            o.ConnectTimeout = Forever;
            o.HeartbeatTimeout = Forever;
        });
        Assert.Equal(JoinConfirmation.Auto, new SkaftinRealtimeOptions().JoinConfirmation);
        await client.StartAsync();

        var first = client.JoinProjectAsync("p1");
        await Eventually.Until(() => _server.Current.Rooms.Contains("p1"), "the join is sent");
        Assert.False(first.IsCompleted);
        Assert.False(client.JoinsConfirmedOnEmit);
        // Advanced until the join gives up waiting (its timer starts once the send completed, on another thread).
        await Eventually.Until(() =>
        {
            time.Advance(TimeSpan.FromSeconds(10));
            return first.IsCompleted;
        }, "the join stops waiting for an answer");
        await using var one = await first;

        Assert.True(client.JoinsConfirmedOnEmit);
        await using var two = await client.JoinProjectAsync("p2").WaitAsync(TimeSpan.FromSeconds(5));
        Assert.Equal(new[] { "p1", "p2" }, _server.Current.Rooms.Order());
    }

    [Fact]
    public async Task WithAutoAServerThatAnsweredAJoinIsNotTakenForOneThatNeverAnswers()
    {
        _server.AnswersJoins = true;
        await using var client = _server.CreateClient(static o => o.RequestTimeout = TimeSpan.FromMilliseconds(200));
        await client.StartAsync();
        await using var answered = await client.JoinProjectAsync("p1");
        _server.AnswersJoins = false;

        var timeout = await Assert.ThrowsAsync<TimeoutException>(() => client.JoinProjectAsync("p2"));

        Assert.StartsWith("join-project 'p2' was not confirmed within 0.2 s", timeout.Message);
        Assert.False(client.JoinsConfirmedOnEmit);
        Assert.Equal(new[] { "p1" }, client.GetJoinedProjects().Keys);
    }
}
