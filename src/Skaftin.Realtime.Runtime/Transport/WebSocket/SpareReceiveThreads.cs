#if NET
using System;
using System.Collections.Generic;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// The receive threads of the process that have nothing to do, kept to be reused: a parked connection whose data
/// comes, or a read taken over from a busy handler, gets one of them instead of a new thread (a thread start costs
/// far more than waking a waiting one). A thread whose work ends goes back here, up to <see cref="MaxSpare"/>
/// waiting at once (past that it ends), and ends after <see cref="SpareFor"/> with no work, so a process that
/// went quiet does not keep them. A spare thread is named <c>Skaftin spare</c> (a working one <c>Skaftin
/// receive</c>), so what is receiving can be told from what waits to.
/// </summary>
internal static class SpareReceiveThreads
{
    /// <summary>The name of a thread that receives for a connection.</summary>
    public const string ReceiveName = "Skaftin receive";

    /// <summary>The name of a thread that waits here for work.</summary>
    public const string SpareName = "Skaftin spare";

    private static readonly object s_gate = new();
    private static readonly Stack<Spare> s_spares = new();
    private static long s_started;

    /// <summary>
    /// How many threads may wait here at once (default: one per core, enough for the wake-ups that overlap). Zero: no
    /// reuse, every work item starts a thread that ends with it. Settable for the scale benchmark's variants only.
    /// </summary>
    public static int MaxSpare { get; set; } = Environment.ProcessorCount;

    /// <summary>How long a spare thread waits for work before it ends.</summary>
    public static TimeSpan SpareFor { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How many threads were started so far (for tests and benchmarks).</summary>
    public static long Started => Interlocked.Read(ref s_started);

    /// <summary>How many threads wait here now (for tests and benchmarks).</summary>
    public static int Count
    {
        get
        {
            lock (s_gate)
            {
                return s_spares.Count;
            }
        }
    }

    /// <summary>Runs <paramref name="work"/> on a spare thread, or on a new one when none waits.</summary>
    public static void Run(Action work)
    {
        Spare? spare = null;
        lock (s_gate)
        {
            s_spares.TryPop(out spare);
        }

        if (spare is not null)
        {
            spare.Give(work);
            return;
        }

        Interlocked.Increment(ref s_started);
        var created = new Spare(work);
        new Thread(created.Loop) { IsBackground = true, Name = ReceiveName }.Start();
    }

    // Under no lock: true when the thread may wait here for more work.
    private static bool TryKeep(Spare spare)
    {
        lock (s_gate)
        {
            if (s_spares.Count >= MaxSpare)
            {
                return false;
            }

            s_spares.Push(spare);
            return true;
        }
    }

    // A spare thread that waited SpareFor with no work leaves, unless Run just took it (then its work is coming).
    private static bool TryLeave(Spare spare)
    {
        lock (s_gate)
        {
            if (!s_spares.Contains(spare))
            {
                return false;
            }

            var kept = s_spares.ToArray();
            s_spares.Clear();
            for (var i = kept.Length - 1; i >= 0; i--)
            {
                if (kept[i] != spare)
                {
                    s_spares.Push(kept[i]);
                }
            }

            return true;
        }
    }

    private sealed class Spare(Action first)
    {
        private readonly object _gate = new();
        private Action? _work = first;

        public void Give(Action work)
        {
            lock (_gate)
            {
                _work = work;
                Monitor.Pulse(_gate);
            }
        }

        public void Loop()
        {
            while (true)
            {
                Action work;
                lock (_gate)
                {
                    work = _work!;
                    _work = null;
                }

                try
                {
                    work();
                }
                catch (Exception)
                {
                    // The receive work reports its own errors; a thread must never take the process down.
                }

                if (!TryKeep(this))
                {
                    return;
                }

                Thread.CurrentThread.Name = SpareName;
                if (!WaitForWork())
                {
                    return;
                }

                Thread.CurrentThread.Name = ReceiveName;
            }
        }

        // Bounded: a thread with no work for SpareFor leaves (false). By the system's clock: the spares belong to the
        // process, not to any one client (whose TimeProvider times its own connections' waits).
        private bool WaitForWork()
        {
            lock (_gate)
            {
                while (_work is null)
                {
                    if (!Monitor.Wait(_gate, SpareFor) && _work is null && TryLeave(this))
                    {
                        return false;
                    }
                }

                return true;
            }
        }
    }
}
#endif
