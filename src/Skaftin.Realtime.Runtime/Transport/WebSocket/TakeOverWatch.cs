#if NET
using System;
using System.Collections.Generic;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// The take-over check of every connection on the system clock (<see cref="ReceiveThreads"/>), on one thread of the
/// process instead of a timer per connection. While a connection's thread runs its handlers the check is armed, and
/// every <see cref="ReceiveThreads.TakeOverAfter"/> this thread asks each armed connection whether its read has waited
/// that long. A timer would run each check as a thread-pool work item: at a steady stream of events (a hand-over per
/// event, so always armed) that woke a pool worker five times a second per connection, and a woken worker spins before
/// it sleeps again, which cost more than the check. This thread sleeps in between and waits with no time-out while no
/// connection is armed, so it costs nothing when nothing is received. A client with a clock of its own
/// (<see cref="SkaftinRealtimeOptions.TimeProvider"/>) keeps a timer on that clock instead, which the clock drives.
/// </summary>
internal sealed class TakeOverWatch
{
    private readonly object _gate = new();
    private readonly HashSet<ReceiveThreads> _armed = new();
    private ReceiveThreads[] _snapshot = new ReceiveThreads[8];
    private bool _running;

    private TakeOverWatch()
    {
    }

    /// <summary>The process's watch.</summary>
    public static TakeOverWatch Shared { get; } = new();

    /// <summary>Whether <paramref name="threads"/> is armed here now (for tests).</summary>
    public bool Watches(ReceiveThreads threads)
    {
        lock (_gate)
        {
            return _armed.Contains(threads);
        }
    }

    /// <summary>Checks <paramref name="threads"/> from the next tick on, until <see cref="Remove"/>.</summary>
    public void Add(ReceiveThreads threads)
    {
        lock (_gate)
        {
            if (!_armed.Add(threads))
            {
                return;
            }

            if (!_running)
            {
                _running = true;
                new Thread(Run) { IsBackground = true, Name = "Skaftin take-over" }.Start();
            }
            else if (_armed.Count == 1)
            {
                Monitor.Pulse(_gate); // it waited with nothing armed
            }
        }
    }

    /// <summary>Stops checking <paramref name="threads"/>.</summary>
    public void Remove(ReceiveThreads threads)
    {
        lock (_gate)
        {
            _armed.Remove(threads);
        }
    }

    private void Run()
    {
        while (true)
        {
            lock (_gate)
            {
                while (_armed.Count == 0)
                {
                    Monitor.Wait(_gate); // nothing armed: no wake-up until a connection arms
                }
            }

            Thread.Sleep(ReceiveThreads.TakeOverAfter);
            int count;
            lock (_gate)
            {
                count = _armed.Count;
                if (_snapshot.Length < count)
                {
                    _snapshot = new ReceiveThreads[Math.Max(count, _snapshot.Length * 2)];
                }

                _armed.CopyTo(_snapshot);
            }

            // Outside the lock: a check may start a thread, or disarm itself (Remove).
            for (var i = 0; i < count; i++)
            {
                var threads = _snapshot[i];
                _snapshot[i] = null!;
                try
                {
                    threads.CheckTakeOver();
                }
                catch (Exception)
                {
                    // One connection's check must not stop the others'; it reports its own failures.
                }
            }
        }
    }
}
#endif
