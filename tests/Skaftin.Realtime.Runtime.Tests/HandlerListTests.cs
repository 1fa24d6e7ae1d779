using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The lock-free handler list: the same contents as a plain list under any mix of adds and removes; views already taken never gain handlers and skip disposed ones.</summary>
public sealed class HandlerListTests
{
    [Fact]
    public void AnyMixOfAddsAndRemovesKeepsTheHandlersInSubscriptionOrder()
    {
        var list = new HandlerList<object>();
        var expected = new List<object>();
        var subscriptions = new List<(object Handler, IDisposable Subscription)>();
        var random = new Random(7);

        for (var step = 0; step < 5_000; step++)
        {
            if (subscriptions.Count == 0 || random.Next(3) != 0)
            {
                var handler = new object();
                subscriptions.Add((handler, list.Add(handler)));
                expected.Add(handler);
            }
            else
            {
                // From the end (the common using/dispose order), the front or anywhere.
                var index = random.Next(3) switch
                {
                    0 => subscriptions.Count - 1,
                    1 => 0,
                    _ => random.Next(subscriptions.Count),
                };
                subscriptions[index].Subscription.Dispose();
                expected.Remove(subscriptions[index].Handler);
                subscriptions.RemoveAt(index);
            }

            Assert.Equal(expected, Items(list.Snapshot));
            Assert.Equal(expected.Count == 0, list.IsEmpty);
        }
    }

    [Fact]
    public void AViewAlreadyTakenNeverGainsHandlersAndSkipsDisposedOnes()
    {
        var list = new HandlerList<object>();
        var handlers = Enumerable.Range(0, 10).Select(static _ => new object()).ToArray();
        var subscriptions = handlers.Select(list.Add).ToArray();

        var before = list.Snapshot;
        subscriptions[3].Dispose();
        using var added = list.Add(new object());
        for (var i = 4; i < 9; i++)
        {
            subscriptions[i].Dispose(); // enough to compact the live entries into a new array
        }

        Assert.Equal(new[] { handlers[0], handlers[1], handlers[2], handlers[9] }, Items(before));
        Assert.Equal(5, Items(list.Snapshot).Length);
    }

    [Fact]
    public void AHandlerDisposedDuringEnumerationIsNotCalledAfterwards()
    {
        var list = new HandlerList<object>();
        var first = new object();
        var second = new object();
        using var a = list.Add(first);
        var b = list.Add(second);

        var seen = new List<object>();
        foreach (var handler in list.Snapshot)
        {
            seen.Add(handler);
            b.Dispose();
        }

        Assert.Equal(new[] { first }, seen);
        Assert.False(list.IsEmpty);
    }

    [Fact]
    public void DisposingTwiceRemovesOnce()
    {
        var list = new HandlerList<object>();
        var handler = new object();
        var first = list.Add(handler);
        using var second = list.Add(handler);

        first.Dispose();
        first.Dispose();

        Assert.Equal(new[] { handler }, Items(list.Snapshot));
    }

    private static object[] Items(HandlerList<object>.Handlers handlers)
    {
        var items = new List<object>();
        foreach (var handler in handlers)
        {
            items.Add(handler);
        }

        return items.ToArray();
    }
}
