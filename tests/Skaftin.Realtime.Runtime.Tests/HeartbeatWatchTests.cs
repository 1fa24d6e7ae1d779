using System;
using System.Threading;
using Microsoft.Extensions.Time.Testing;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// The process's heartbeat check: one timer per clock for every client on it, at the shortest period asked for,
/// gone with the last client; joins never push a tick away; one client's failing check does not skip the others.
/// Each test has a clock of its own, so the watches of other tests (on the system clock) do not count here.
/// </summary>
public sealed class HeartbeatWatchTests
{
    private static readonly TimeSpan Period = TimeSpan.FromSeconds(10);

    [Fact]
    public void EveryClientOnAClockIsCheckedByOneTimerOncePerPeriod()
    {
        var clock = new FakeTimeProvider();
        int a = 0, b = 0;
        using var first = HeartbeatWatch.Join(clock, () => a++);
        using var second = HeartbeatWatch.Join(clock, () => b++);
        first.CheckEvery(Period);
        second.CheckEvery(Period);

        clock.Advance(Period);
        Assert.Equal((1, 1), (a, b));
        clock.Advance(Period * 3);
        Assert.Equal((4, 4), (a, b));
    }

    [Fact]
    public void AClientThatAskedForNoPeriodIsNeverChecked_AndAClockWithNoPeriodHasNoTimer()
    {
        var clock = new FakeTimeProvider();
        var checks = 0;
        using var member = HeartbeatWatch.Join(clock, () => checks++);

        clock.Advance(TimeSpan.FromHours(1));

        Assert.Equal(0, checks);
        Assert.False(HeartbeatWatch.Ticks(clock));
    }

    [Fact]
    public void AJoinDoesNotPushTheNextTickAway()
    {
        var clock = new FakeTimeProvider();
        var checks = 0;
        using var first = HeartbeatWatch.Join(clock, () => checks++);
        first.CheckEvery(Period);

        // Clients keep joining every 6 s, each asking for the same period: the first client is still checked every 10 s.
        var joined = new HeartbeatWatch.Member[5];
        for (var i = 0; i < joined.Length; i++)
        {
            clock.Advance(TimeSpan.FromSeconds(6));
            joined[i] = HeartbeatWatch.Join(clock, () => { });
            joined[i].CheckEvery(Period);
        }

        Assert.Equal(3, checks); // 30 s passed
        foreach (var member in joined)
        {
            member.Dispose();
        }
    }

    [Fact]
    public void TheTimerTicksAtTheShortestPeriodAskedFor_AndSlowsAgainWhenThatClientLeaves()
    {
        var clock = new FakeTimeProvider();
        var slow = 0;
        using var slowMember = HeartbeatWatch.Join(clock, () => slow++);
        slowMember.CheckEvery(Period);
        var fast = HeartbeatWatch.Join(clock, () => { });
        fast.CheckEvery(TimeSpan.FromSeconds(1));

        clock.Advance(TimeSpan.FromSeconds(5));
        Assert.Equal(5, slow); // checked at least as often as it asked, here every second

        fast.Dispose();
        clock.Advance(TimeSpan.FromSeconds(9));
        Assert.Equal(5, slow);
        clock.Advance(TimeSpan.FromSeconds(1));
        Assert.Equal(6, slow);
    }

    [Fact]
    public void AThrowingCheckDoesNotSkipTheOtherClients()
    {
        var clock = new FakeTimeProvider();
        var checks = 0;
        using var failing = HeartbeatWatch.Join(clock, () => throw new InvalidOperationException("broken check"));
        using var healthy = HeartbeatWatch.Join(clock, () => checks++);
        failing.CheckEvery(Period);
        healthy.CheckEvery(Period);

        clock.Advance(Period * 2);

        Assert.Equal(2, checks);
    }

    [Fact]
    public void TheLastClientToLeaveTakesTheTimerAway_AndALeftClientIsNotCheckedAgain()
    {
        var clock = new FakeTimeProvider();
        var checks = 0;
        var member = HeartbeatWatch.Join(clock, () => checks++);
        member.CheckEvery(Period);
        Assert.True(HeartbeatWatch.Ticks(clock));

        member.Dispose();
        member.Dispose(); // twice is harmless
        clock.Advance(Period * 2);

        Assert.Equal(0, checks);
        Assert.False(HeartbeatWatch.Ticks(clock));
        member.CheckEvery(Period); // after leaving: ignored, no timer comes back
        Assert.False(HeartbeatWatch.Ticks(clock));
    }

    [Fact]
    public void ManyClientsJoiningAndLeavingOnManyThreadsLeaveNoWatchBehind()
    {
        var clock = new FakeTimeProvider();
        var threads = new Thread[4];
        for (var t = 0; t < threads.Length; t++)
        {
            threads[t] = new Thread(() =>
            {
                for (var i = 0; i < 500; i++)
                {
                    using var member = HeartbeatWatch.Join(clock, () => { });
                    member.CheckEvery(TimeSpan.FromSeconds(1 + (i % 7)));
                }
            });
            threads[t].Start();
        }

        foreach (var thread in threads)
        {
            Assert.True(thread.Join(TimeSpan.FromSeconds(30)), "joins and leaves finished");
        }

        Assert.False(HeartbeatWatch.Ticks(clock));
    }
}
