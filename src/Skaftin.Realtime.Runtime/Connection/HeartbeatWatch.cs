using System;
using System.Collections.Generic;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// One heartbeat check for every client on the same clock: a single timer per <see cref="TimeProvider"/>, ticking at
/// the shortest period any of its clients asked for, that runs each client's check in turn. A timer per client would
/// wake the thread pool once per client per period (200 idle clients: about 18 times a second); this wakes it once per
/// period for all of them, and not at all while no client has asked for a period. The timer goes away with the last
/// client, so a clock of a test does not keep one.
/// </summary>
internal sealed class HeartbeatWatch
{
    private static readonly object s_gate = new();
    private static readonly Dictionary<TimeProvider, HeartbeatWatch> s_watches = new();

    private readonly TimeProvider _clock;
    private readonly HashSet<Member> _members = new();
    // How many members ask for each period (in ticks): the smallest key is the timer's period.
    private readonly SortedDictionary<long, int> _periods = new();
    private ITimer? _timer;
    private long _tickingEvery;

    private HeartbeatWatch(TimeProvider clock) => _clock = clock;

    /// <summary>Whether a timer ticks for <paramref name="clock"/> now (for tests).</summary>
    internal static bool Ticks(TimeProvider clock)
    {
        lock (s_gate)
        {
            return s_watches.TryGetValue(clock, out var watch) && watch._timer is not null && watch._tickingEvery != 0;
        }
    }

    /// <summary>
    /// Adds <paramref name="check"/> to the watch of <paramref name="clock"/>. It runs only once the member asks for a
    /// period (<see cref="Member.CheckEvery"/>), on a timer thread, and must return at once.
    /// </summary>
    public static Member Join(TimeProvider clock, Action check)
    {
        lock (s_gate)
        {
            if (!s_watches.TryGetValue(clock, out var watch))
            {
                watch = new HeartbeatWatch(clock);
                s_watches.Add(clock, watch);
            }

            var member = new Member(watch, check);
            watch._members.Add(member);
            return member;
        }
    }

    // Under s_gate. Changes the timer only when its period changes: re-arming it on every join would push its next
    // tick away each time, and a steady trickle of joins would then keep it from ever firing.
    private void Retime()
    {
        var shortest = 0L;
        foreach (var entry in _periods)
        {
            shortest = entry.Key;
            break;
        }

        if (shortest == _tickingEvery)
        {
            return;
        }

        _tickingEvery = shortest;
        var period = shortest == 0 ? Timeout.InfiniteTimeSpan : TimeSpan.FromTicks(shortest);
        if (_timer is null)
        {
            if (shortest == 0)
            {
                return;
            }

            _timer = _clock.CreateTimer(static s => ((HeartbeatWatch)s!).Tick(), this, period, period);
            return;
        }

        _timer.Change(period, period);
    }

    private void Tick()
    {
        Member[] members;
        lock (s_gate)
        {
            members = new Member[_members.Count];
            _members.CopyTo(members);
        }

        foreach (var member in members)
        {
            member.Check();
        }
    }

    /// <summary>A client's place in a <see cref="HeartbeatWatch"/>; disposing it leaves.</summary>
    internal sealed class Member : IDisposable
    {
        private readonly HeartbeatWatch _watch;
        private readonly Action _check;
        private long _every;
        private bool _left;

        public Member(HeartbeatWatch watch, Action check)
        {
            _watch = watch;
            _check = check;
        }

        /// <summary>Asks for the check to run at least every <paramref name="period"/> from now on.</summary>
        public void CheckEvery(TimeSpan period)
        {
            lock (s_gate)
            {
                if (_left || period.Ticks == _every)
                {
                    return;
                }

                Forget();
                _every = period.Ticks;
                _watch._periods[_every] = _watch._periods.TryGetValue(_every, out var count) ? count + 1 : 1;
                _watch.Retime();
            }
        }

        public void Dispose()
        {
            lock (s_gate)
            {
                if (_left)
                {
                    return;
                }

                _left = true;
                Forget();
                _watch._members.Remove(this);
                _watch.Retime();
                if (_watch._members.Count == 0)
                {
                    _watch._timer?.Dispose();
                    s_watches.Remove(_watch._clock);
                }
            }
        }

        internal void Check()
        {
            if (Volatile.Read(ref _every) == 0)
            {
                return;
            }

            try
            {
                _check();
            }
            catch (Exception)
            {
                // A client's check reports through its own state; one client's failure must not skip the others.
            }
        }

        // Under s_gate: this member's period no longer counts.
        private void Forget()
        {
            if (_every == 0)
            {
                return;
            }

            if (_watch._periods[_every] == 1)
            {
                _watch._periods.Remove(_every);
            }
            else
            {
                _watch._periods[_every]--;
            }

            _every = 0;
        }
    }
}
