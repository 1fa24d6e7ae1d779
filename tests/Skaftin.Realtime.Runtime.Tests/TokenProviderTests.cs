using System;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The app's <see cref="SkaftinRealtimeOptions.AccessTokenProvider"/> runs outside the SDK's locks and its wait has a
/// bound: a provider that never returns cannot hold up a stop or a dispose, one that calls into the client does not
/// deadlock, and one slower than <see cref="SkaftinRealtimeOptions.ConnectTimeout"/> fails that attempt by name.
/// </summary>
public sealed class TokenProviderTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(10);
    private readonly FakeSocketServer _server = new();

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public async Task AProviderThatNeverReturnsAndIgnoresItsTokenDoesNotHoldUpStopOrDispose(bool dispose)
    {
        var asked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var never = new TaskCompletionSource<string>();
        var client = _server.CreateClient(o => o.AccessTokenProvider = _ =>
        {
            asked.TrySetResult();
            return new ValueTask<string>(never.Task); // ignores the token it is given
        });
        var start = client.StartAsync();
        await asked.Task.WaitAsync(Bound);

        if (dispose)
        {
            await client.DisposeAsync().AsTask().WaitAsync(Bound);
        }
        else
        {
            await client.StopAsync().WaitAsync(Bound);
            await client.DisposeAsync();
        }

        await Assert.ThrowsAnyAsync<Exception>(() => start.WaitAsync(Bound));
        Assert.Empty(_server.Connections);
    }

    [Fact]
    public async Task AProviderThatStopsTheClientItselfDoesNotDeadlock()
    {
        SkaftinRealtimeClient? self = null;
        var stopped = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var client = _server.CreateClient(o => o.AccessTokenProvider = async _ =>
        {
            await self!.StopAsync(); // e.g. an app that gives up when its identity provider says the user signed out
            stopped.TrySetResult();
            return "token-123";
        });
        self = client;

        var start = client.StartAsync();

        await stopped.Task.WaitAsync(Bound);
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => start.WaitAsync(Bound));
        Assert.Equal(ConnectionState.Disconnected, client.State);
    }

    [Fact]
    public async Task AProviderSlowerThanTheConnectTimeoutFailsTheAttemptSayingSo()
    {
        await using var client = _server.CreateClient(o =>
        {
            o.ConnectTimeout = TimeSpan.FromMilliseconds(200);
            o.RetryInitialConnection = false;
            o.AccessTokenProvider = async token =>
            {
                await Task.Delay(Timeout.Infinite, token);
                return "token-123";
            };
        });

        var failure = await Assert.ThrowsAnyAsync<SkaftinConnectionException>(() => client.StartAsync().WaitAsync(Bound));

        Assert.Contains("AccessTokenProvider did not return a token within ConnectTimeout (0.2 s)", failure.Message, StringComparison.Ordinal);
        Assert.Empty(_server.Connections);
    }
}
