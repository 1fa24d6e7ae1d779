using System;
using System.Collections.Concurrent;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// On the system clock the take-over check runs on the process's one take-over thread, not a timer per connection:
/// a read held by a busy handler is still taken over (the socket keeps being read), the connection is armed there only
/// while a thread hands over to the handlers, and not at all once it is closed.
/// </summary>
public sealed class TakeOverWatchTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task ABusyHandlersReadIsTakenOverByTheProcesssTakeOverThread_AndTheCheckDisarmsOnceNoReadWaits()
    {
        using var loopback = new LoopbackConnections();
        var (stream, server) = await loopback.ConnectAsync();
        using var blocked = new ManualResetEventSlim();
        var release = new ManualResetEventSlim(); // not disposed: the receive thread may still be in its Wait
        var first = 1;
        var received = new BlockingCollection<(byte Value, Thread Thread)>();
        var threads = new ReceiveThreads(stream, () =>
        {
            if (Interlocked.Exchange(ref first, 0) == 1)
            {
                blocked.Set();
                release.Wait(Deadline); // an app's handler that blocks on the receive thread
            }
        }, quietAfter: Timeout.InfiniteTimeSpan);
        threads.Start(async () =>
        {
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                received.Add((one[0], Thread.CurrentThread));
            }
        });

        try
        {
            Assert.True(blocked.Wait(Deadline), "the first hand-over runs");
            Assert.True(TakeOverWatch.Shared.Watches(threads), "armed while the handler runs");
            await server.GetStream().WriteAsync(new byte[] { 7 });

            Assert.True(received.TryTake(out var taken, Deadline), "the read was taken over while the handler still blocks");
            Assert.Equal(7, taken.Value);
            Assert.Equal("Skaftin receive", taken.Thread.Name);
            Assert.False(release.IsSet);
        }
        finally
        {
            release.Set();
        }

        // The taken-over thread now blocks in the kernel with no read waiting: the next check disarms the connection.
        await Until(() => !TakeOverWatch.Shared.Watches(threads), "the check disarmed itself");

        // Data again: delivered, handed over (armed), then disarmed once the thread waits in the kernel again.
        await server.GetStream().WriteAsync(new byte[] { 8 });
        Assert.True(received.TryTake(out var next, Deadline));
        Assert.Equal(8, next.Value);
        await Until(() => !TakeOverWatch.Shared.Watches(threads), "disarmed again");

        threads.Dispose();
        stream.Dispose();
        Assert.False(TakeOverWatch.Shared.Watches(threads));
    }

    private static async Task Until(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, what);
            await Task.Delay(20);
        }
    }
}
