using System;
using System.Collections.Concurrent;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>What the receive-thread tests share: a receive loop run as SkaftinWebSocket runs it, and a bounded take.</summary>
internal static class ReceiveLoops
{
    private static readonly TimeSpan Deadline = TimeSpan.FromSeconds(10);

    /// <summary>Runs the loop on the receive threads, as SkaftinWebSocket does, and hands back its task.</summary>
    public static Task Start(ReceiveThreads threads, Func<Task> loop) => Start<bool>(threads, async () =>
    {
        await loop();
        return true;
    });

    /// <summary>Runs the loop on the receive threads and hands back its task and result.</summary>
    public static Task<T> Start<T>(ReceiveThreads threads, Func<Task<T>> loop)
    {
        var done = new TaskCompletionSource<Task<T>>(TaskCreationOptions.RunContinuationsAsynchronously);
        threads.Start(() =>
        {
            var task = loop();
            done.TrySetResult(task);
            return task;
        });
        return done.Task.Unwrap();
    }

    /// <summary>The next item, failing the test when none comes within 10 s.</summary>
    public static T Take<T>(BlockingCollection<T> items)
    {
        Assert.True(items.TryTake(out var item, Deadline), "nothing arrived in time");
        return item;
    }
}
