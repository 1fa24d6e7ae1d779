using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Events a connection receives together wait for its receive loop to go idle and are delivered on the thread it
/// leaves (one hand-over per run instead of a wake-up per event), in order, without a slow handler holding the loop.
/// </summary>
public sealed class ReceiveIdleDispatchTests
{
    [Fact]
    public async Task EventsReceivedTogetherAreDeliveredOnTheThreadTheIdleReceiveLoopLeaves()
    {
        var server = new FakeSocketServer { SignalsReceiveIdle = true };
        await using var client = server.CreateClient();
        var seen = new ConcurrentQueue<(string Registration, int Thread)>();
        using var a = client.Vehicles().OnInserted(v => seen.Enqueue((v.RegistrationNumber, Environment.CurrentManagedThreadId)));
        await client.StartAsync();

        // From here on no await: this thread plays the receive loop throughout.
        var thread = Environment.CurrentManagedThreadId;

        // The state changes of the connect are delivered by a drain of their own; once a marker event is delivered
        // here, nothing else is being delivered or scheduled, and the next run is ours alone.
        for (var i = 0; !seen.Any(s => s.Thread == thread); i++)
        {
            Assert.True(i < 500, "the pump never went idle");
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("marker"));
            server.Current.RaiseIdle();
            Thread.Sleep(i == 0 ? 0 : 10);
        }

        var before = seen.Count;
        for (var i = 0; i < 5; i++)
        {
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("v" + i));
        }

        server.Current.RaiseIdle();

        var run = seen.Skip(before).ToArray();
        Assert.Equal(Enumerable.Range(0, 5).Select(static i => "v" + i), run.Select(static s => s.Registration));
        Assert.All(run, s => Assert.Equal(thread, s.Thread));
    }

    [Fact]
    public async Task ALongRunIsDeliveredWhileTheReceiveLoopIsStillBusy()
    {
        var server = new FakeSocketServer { SignalsReceiveIdle = true };
        await using var client = server.CreateClient();
        var seen = new ConcurrentQueue<string>();
        using var a = client.Vehicles().OnInserted(v => seen.Enqueue(v.RegistrationNumber));
        await client.StartAsync();

        // A receive loop that never goes idle (a stream at full speed): the events must not wait for it.
        for (var i = 0; i < 100; i++)
        {
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("v" + i));
        }

        await Eventually.Until(() => seen.Count >= 96, "a long run is delivered without the loop going idle");
        Assert.Equal(Enumerable.Range(0, seen.Count).Select(static i => "v" + i), seen);
    }

    [Fact]
    public async Task AHandlerThatBlocksOnTheIdleThreadLeavesTheReceiveLoopFreeAndKeepsTheOrder()
    {
        var server = new FakeSocketServer { SignalsReceiveIdle = true };
        await using var client = server.CreateClient();
        var seen = new ConcurrentQueue<string>();
        using var gate = new ManualResetEventSlim();
        using var blocked = new ManualResetEventSlim();
        using var a = client.Vehicles().OnInserted(v =>
        {
            if (v.RegistrationNumber == "first")
            {
                blocked.Set();
                gate.Wait(TimeSpan.FromSeconds(30));
            }

            seen.Enqueue(v.RegistrationNumber);
        });
        await client.StartAsync();

        var firstRun = Task.Run(() =>
        {
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("first"));
            server.Current.RaiseIdle();
        });
        Assert.True(blocked.Wait(TimeSpan.FromSeconds(10)), "the first handler runs");

        // The next run comes in on another thread while the first handler blocks: the loop hands it over and goes on.
        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("second"));
        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("third"));
        server.Current.RaiseIdle();
        Assert.Empty(seen);

        gate.Set();
        await firstRun.WaitAsync(TimeSpan.FromSeconds(10));
        await Eventually.Until(() => seen.Count == 3, "the three events are delivered");
        Assert.Equal(new[] { "first", "second", "third" }, seen);
    }
}
