using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// A CONNECT_ERROR reaches the retry policy and <see cref="SkaftinRealtimeClient.OnError"/> classified (refused
/// credentials, another refusal, a refusal without reason), and what follows is the policy's decision alone.
/// </summary>
public sealed class RefusalPolicyTests
{
    private readonly FakeSocketServer _server = new();

    [Theory]
    [InlineData("invalid api key", RetryReason.CredentialsRefused, typeof(SkaftinAuthenticationException))]
    [InlineData("rate limit exceeded", RetryReason.ConnectionRefused, typeof(SkaftinConnectionRefusedException))]
    [InlineData("Invalid namespace", RetryReason.ConnectionRefused, typeof(SkaftinConnectionRefusedException))]
    [InlineData("", RetryReason.UnexplainedRefusal, typeof(SkaftinConnectionRefusedException))]
    public async Task EachKindOfRefusalReachesThePolicyAndOnErrorAsItsOwnReason(string message, RetryReason reason, Type error)
    {
        var policy = new RecordingPolicy(static _ => TimeSpan.FromMilliseconds(10));
        var errors = new ConcurrentQueue<RealtimeError>();
        await using var client = _server.CreateClient(o => o.RetryPolicy = policy);
        using var e = client.OnError(errors.Enqueue);
        await client.StartAsync();
        _server.Authenticate = _ => message;

        _server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => policy.Seen.Count(static c => c.Error is not null) >= 2, "two refused attempts reach the policy");

        var refused = policy.Seen.First(static c => c.Error is not null);
        Assert.Equal(reason, refused.Reason);
        Assert.IsType(error, refused.Error);
        await Eventually.Until(() => errors.Count >= 2, "each refusal is reported");
        Assert.All(errors, x => Assert.IsType(error, x.Exception));
        if (refused.Error is SkaftinConnectionRefusedException other)
        {
            Assert.Equal(message.Length == 0 ? null : message, other.ServerMessage);
        }

        _server.Authenticate = static _ => null;
        await Eventually.Until(() => client.State == ConnectionState.Connected, "it reconnects once the server accepts");
    }

    [Theory]
    [InlineData(RetryReason.CredentialsRefused, "invalid api key")]
    [InlineData(RetryReason.ConnectionRefused, "rate limit exceeded")]
    [InlineData(RetryReason.UnexplainedRefusal, "")]
    public async Task APolicyThatStopsOnARefusalEndsTheFirstConnection(RetryReason stopOn, string message)
    {
        var policy = new RecordingPolicy(c => c.Reason == stopOn ? null : TimeSpan.FromMilliseconds(10));
        _server.Authenticate = _ => message;
        await using var client = _server.CreateClient(o => o.RetryPolicy = policy);

        var error = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync());

        Assert.Equal(ConnectionState.Disconnected, client.State);
        Assert.Single(_server.Connections);
        Assert.Equal(stopOn, Assert.Single(policy.Seen).Reason);
        Assert.Same(policy.Seen.Single().Error, error);
    }

    [Fact]
    public async Task ThePolicyDecidesNotARuleOfStrikes()
    {
        // Refused credentials many times in a row: the default policy keeps trying until the server takes them.
        var refusals = 6;
        _server.Authenticate = _ => System.Threading.Interlocked.Decrement(ref refusals) >= 0 ? "invalid api key" : null;
        await using var client = _server.CreateClient();

        await client.StartAsync();

        Assert.Equal(7, _server.Connections.Count);
        Assert.Equal(ConnectionState.Connected, client.State);
    }

    private sealed class RecordingPolicy(Func<RetryContext, TimeSpan?> decide) : IRetryPolicy
    {
        public ConcurrentQueue<RetryContext> Seen { get; } = new();

        public TimeSpan? NextRetryDelay(RetryContext context)
        {
            Seen.Enqueue(context);
            return decide(context);
        }
    }
}
