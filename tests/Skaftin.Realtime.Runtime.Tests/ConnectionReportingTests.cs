using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// What the client reports about its connection to operators: the failed-attempt log wording (2004) and the health
/// check's "not connected since" clock.
/// </summary>
public sealed class ConnectionReportingTests
{
    [Fact]
    public async Task AFailedFirstConnectionIsLoggedAsTheFirstAttemptNotAsReconnectAttemptZero()
    {
        var server = new FakeSocketServer { Authenticate = static _ => "invalid api key" };
        var logs = new LogLines();
        await using var client = server.CreateClient(o =>
        {
            o.RetryInitialConnection = false;
            o.LoggerFactory = logs;
        });

        await Assert.ThrowsAsync<SkaftinAuthenticationException>(() => client.StartAsync());

        var failed = Assert.Single(logs.Lines, static l => l.StartsWith("[2004]", StringComparison.Ordinal));
        Assert.StartsWith("[2004] Warning The first connection attempt failed: ", failed, StringComparison.Ordinal);
        Assert.DoesNotContain(logs.Lines, static l => l.Contains("attempt 0", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARetriedFirstConnectionLogsItsRetriesAsNumberedAttempts()
    {
        var refusals = 2;
        var server = new FakeSocketServer { Authenticate = _ => Interlocked.Decrement(ref refusals) >= 0 ? "not yet" : null };
        var logs = new LogLines();
        await using var client = server.CreateClient(o => o.LoggerFactory = logs);

        await client.StartAsync().WaitAsync(TimeSpan.FromSeconds(10));

        var failed = logs.Lines.Where(static l => l.StartsWith("[2004]", StringComparison.Ordinal)).ToArray();
        Assert.Equal(2, failed.Length);
        Assert.StartsWith("[2004] Warning The first connection attempt failed: ", failed[0], StringComparison.Ordinal);
        Assert.StartsWith("[2004] Warning Reconnect attempt 1 failed: ", failed[1], StringComparison.Ordinal);
    }

    [Fact]
    public async Task NotConnectedSinceIsStampedWhenTheConnectionDropsEvenWhileAHandlerBlocksTheDispatchPath()
    {
        var server = new FakeSocketServer();
        await using var client = server.CreateClient();
        using var release = new ManualResetEventSlim();
        var handlerBlocked = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        client.StateChanged += change =>
        {
            if (change.Current == ConnectionState.Connected)
            {
                handlerBlocked.TrySetResult();
                release.Wait(TimeSpan.FromSeconds(10)); // a slow handler: the dispatch path is busy until released
            }
        };

        try
        {
            await client.StartAsync();
            await handlerBlocked.Task.WaitAsync(TimeSpan.FromSeconds(5));
            Assert.Null(client.NotConnectedSince);

            server.Unreachable = true;
            server.Current.Drop(DisconnectReason.TransportClosed);
            await Eventually.Until(() => client.State != ConnectionState.Connected, "the connection is lost");

            // The state moved; the health check must see the outage now, not when the blocked handler returns.
            await Eventually.Until(() => client.NotConnectedSince is not null, "the outage is stamped");
            Assert.True(client.NotConnectedSince <= client.TimeProvider.GetUtcNow());
        }
        finally
        {
            release.Set();
        }
    }

    /// <summary>Each log line as "[id] Level message".</summary>
    private sealed class LogLines : ILoggerFactory, ILogger
    {
        public ConcurrentQueue<string> Lines { get; } = new();

        public ILogger CreateLogger(string categoryName) => this;

        public void AddProvider(ILoggerProvider provider)
        {
        }

        public void Dispose()
        {
        }

        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Lines.Enqueue($"[{eventId.Id}] {logLevel} {formatter(state, exception)}");
    }
}
