using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Receive threads are reused: a connection that goes quiet gives its thread back to the process's spares, and the
/// next wake-up takes a spare instead of starting a thread; at most <see cref="SpareReceiveThreads.MaxSpare"/> wait,
/// and one with no work for <see cref="SpareReceiveThreads.SpareFor"/> ends. These tests read the process's thread
/// counts, so they run alone.
/// </summary>
[Collection(SpareThreadsCollection.Name)]
public sealed class SpareReceiveThreadTests
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task AParkedConnectionsNextDataRunsOnASpareThreadNotANewOne()
    {
        using var loopback = new LoopbackConnections();
        var (stream, server) = await loopback.ConnectAsync();
        var received = new BlockingCollection<Thread>();
        using var threads = new ReceiveThreads(stream, idle: null, TimeSpan.FromMilliseconds(100));
        var started = new TaskCompletionSource<Task>();
        threads.Start(() =>
        {
            var task = Loop();
            started.TrySetResult(task);
            return task;
        });

        async Task Loop()
        {
            var one = new byte[1];
            while (await stream.ReadAsync(one) == 1)
            {
                received.Add(Thread.CurrentThread);
            }
        }

        var loop = await started.Task;
        await Eventually(() => stream.HasParkedRead && SpareReceiveThreads.Count >= 1, "the quiet thread went back to the spares");
        var before = SpareReceiveThreads.Started;

        for (byte i = 1; i <= 3; i++)
        {
            await server.GetStream().WriteAsync(new[] { i });
            Assert.True(received.TryTake(out var thread, Deadline), $"byte {i} arrived");
            Assert.Equal(SpareReceiveThreads.ReceiveName, thread!.Name);
            await Eventually(() => stream.HasParkedRead && thread.Name == SpareReceiveThreads.SpareName, $"parked again after byte {i}, its thread a spare");
        }

        Assert.Equal(before, SpareReceiveThreads.Started);
        server.Client.Shutdown(SocketShutdown.Send);
        await loop.WaitAsync(Deadline);
    }

    [Fact]
    public async Task NoMoreThanMaxSpareWaitAndAnIdleSpareEnds()
    {
        var spareFor = SpareReceiveThreads.SpareFor;
        SpareReceiveThreads.SpareFor = TimeSpan.FromMilliseconds(300);
        try
        {
            // Spares of earlier tests, if any, take some of these work items (there are more items than spares).
            var many = SpareReceiveThreads.MaxSpare + 3;
            using var release = new ManualResetEventSlim();
            var running = new ConcurrentBag<Thread>();
            for (var i = 0; i < many; i++)
            {
                SpareReceiveThreads.Run(() =>
                {
                    running.Add(Thread.CurrentThread);
                    release.Wait(Deadline);
                });
            }

            await Eventually(() => running.Count == many, "every work item runs at once, each on a thread of its own");
            Assert.Equal(many, running.Distinct().Count());
            release.Set();

            await Eventually(() => running.Count(t => t.IsAlive) <= SpareReceiveThreads.MaxSpare, "the threads past MaxSpare ended");
            Assert.True(SpareReceiveThreads.Count <= SpareReceiveThreads.MaxSpare);

            await Eventually(() => running.All(t => !t.IsAlive) && SpareReceiveThreads.Count == 0, "the idle spares ended after SpareFor");
        }
        finally
        {
            SpareReceiveThreads.SpareFor = spareFor;
        }
    }

    private static async Task Eventually(Func<bool> condition, string what)
    {
        var until = DateTime.UtcNow + Deadline;
        while (!condition())
        {
            Assert.True(DateTime.UtcNow < until, what);
            await Task.Delay(10);
        }
    }
}

[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class SpareThreadsCollection
{
    public const string Name = "spare receive threads";
}
