using System;
using System.Collections.Concurrent;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary><see cref="SkaftinRealtimeOptions.DispatchOnReceiveThread"/>: handlers on the receive thread, same order, same resync contract.</summary>
public sealed class ReceiveThreadDispatchTests
{
    [Fact]
    public async Task HandlersRunOnTheThreadThatReceivedTheEventBeforeItReturns()
    {
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.DispatchOnReceiveThread = true);
        var seen = new ConcurrentQueue<(string Registration, int Thread)>();
        using var a = client.Vehicles().OnInserted(v => seen.Enqueue((v.RegistrationNumber, Environment.CurrentManagedThreadId)));
        await client.StartAsync();
        await client.FlushAsync(); // the start's state changes are delivered: no other thread is delivering now

        for (var i = 0; i < 100; i++)
        {
            server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("v" + i));
            Assert.Equal(i + 1, seen.Count); // delivered before Raise returned: no queue in between
        }

        var thread = Environment.CurrentManagedThreadId;
        Assert.All(seen, s => Assert.Equal(thread, s.Thread));
        Assert.Equal(Enumerable.Range(0, 100).Select(static i => "v" + i), seen.Select(static s => s.Registration));
    }

    [Fact]
    public async Task WorkPostedWhileAHandlerRunsIsDeliveredByTheReceiveThreadAfterItNotByAThreadWaitingOnALock()
    {
        // No SDK lock is held while a handler runs: work another thread posts meanwhile joins the queue, and the
        // receive thread, which is delivering, delivers it after the handler returns (before its receive goes on).
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.DispatchOnReceiveThread = true);
        Task? flushed = null;
        await client.StartAsync();
        await client.FlushAsync();
        using var a = client.Vehicles().OnInserted(_ =>
        {
            var posting = Task.Factory.StartNew(() => client.FlushAsync(), CancellationToken.None, TaskCreationOptions.None, TaskScheduler.Default);
            Assert.True(posting.Wait(TimeSpan.FromSeconds(10)), "posting work must not wait for the running handler");
            flushed = posting.GetAwaiter().GetResult();
            Assert.False(flushed.IsCompleted); // it waits its turn, after this handler
        });

        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("v1"));

        Assert.NotNull(flushed);
        Assert.True(flushed!.IsCompleted, "delivered by the receive thread before Raise returned");
    }

    [Fact]
    public async Task TheDefaultHandsEventsToTheDispatchTask()
    {
        var server = new FakeSocketServer();
        await using var client = server.CreateClient();
        var thread = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
        using var a = client.Vehicles().OnInserted(_ => thread.TrySetResult(Environment.CurrentManagedThreadId));
        await client.StartAsync();

        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("queued"));

        Assert.NotEqual(Environment.CurrentManagedThreadId, await thread.Task.WaitAsync(TimeSpan.FromSeconds(10)));
    }

    [Fact]
    public async Task AnUnrecoveredReconnectStillSignalsResyncBeforeTheNextEvent()
    {
        var server = new FakeSocketServer();
        await using var client = server.CreateClient(o => o.DispatchOnReceiveThread = true);
        var log = new ConcurrentQueue<string>();
        using var a = client.Vehicles().OnInserted(v => log.Enqueue("insert " + v.RegistrationNumber));
        using var b = client.Vehicles().OnResync(r => log.Enqueue("resync " + r.Reason));
        await client.StartAsync();
        await using var membership = await client.JoinProjectAsync("p1");

        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("before"));
        server.Current.Drop(DisconnectReason.TransportClosed);
        await Eventually.Until(() => log.Count == 2 && client.State == ConnectionState.Connected, "the insert and the resync signal arrive");

        server.Current.Raise(EventNames.DatabaseChange, Fixtures.VehicleInsert("after"));

        Assert.Equal(new[] { "insert before", "resync ConnectionRestored", "insert after" }, log);
    }

    [Fact]
    public void CannotBeCombinedWithAHandlerContext()
    {
        var server = new FakeSocketServer();

        var error = Assert.Throws<ArgumentException>(() => server.CreateClient(o =>
        {
            o.DispatchOnReceiveThread = true;
            o.HandlerContext = new SynchronizationContext();
        }));

        Assert.Contains("HandlerContext", error.Message);
    }
}
