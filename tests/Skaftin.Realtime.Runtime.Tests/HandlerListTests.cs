using System;
using System.Collections.Generic;
using System.Linq;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>The lock-free handler list: the same contents as a plain list under any mix of adds and removes, and views already taken never change.</summary>
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

            Assert.Equal(expected, list.Snapshot.ToArray());
            Assert.Equal(expected.Count == 0, list.IsEmpty);
        }
    }

    [Fact]
    public void AViewAlreadyTakenIsNotChangedByLaterAddsOrRemoves()
    {
        var list = new HandlerList<object>();
        var first = new object();
        var second = new object();
        using var a = list.Add(first);
        var b = list.Add(second);

        var before = list.Snapshot;
        b.Dispose();
        var afterRemove = list.Snapshot;
        using var c = list.Add(new object());
        using var d = list.Add(new object());

        Assert.Equal(new[] { first, second }, before.ToArray());
        Assert.Equal(new[] { first }, afterRemove.ToArray());
        Assert.Equal(3, list.Snapshot.Length);
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

        Assert.Equal(new[] { handler }, list.Snapshot.ToArray());
    }
}
