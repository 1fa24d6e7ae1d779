#if NET
using System;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// The threads a websocket over a <see cref="BlockingSocketStream"/> receives on. While data comes, one thread does
/// all of it: it runs the receive loop until the next read has to wait for the network, lets the client deliver what
/// came (<c>idle</c>: the app's handlers, with nothing else to do on this thread), then performs that read, blocking
/// in the kernel until data comes, and runs the loop on. When no data comes for <see cref="QuietAfter"/>, the thread
/// gives the connection back: the read is parked with the process's <see cref="ReadinessWatcher"/> and the thread goes
/// back to the process's spare receive threads (<see cref="SpareReceiveThreads"/>), so an idle connection holds no
/// thread and runs no timer; when data comes, a spare thread (or a new one) takes the read (<see cref="Resume"/>),
/// unless it is only the server's ping, which the watcher answers itself (<see cref="OnReadable"/>). A handler that
/// takes long must not stop the socket (the server's pings must still be answered): a read left waiting for
/// <see cref="TakeOverAfter"/> while its thread is still busy is taken by a new thread, which goes on receiving; the
/// busy one ends when its handlers return. That check is armed when a thread hands over to the handlers and disarms
/// itself the first time it finds no read waiting, so a connection whose thread is blocked in the kernel, or that is
/// parked, is not checked. The checks run on the process's <see cref="TakeOverWatch"/> thread (on a timer of the
/// client's clock when it has one of its own).
/// </summary>
internal sealed class ReceiveThreads : IDisposable
{
    /// <summary>
    /// How long a read may wait for its thread to come back from the handlers before another thread takes it (checked
    /// as often, only while the connection is armed, so a read is taken over within twice this): well inside any ping
    /// timeout. Events read meanwhile wait behind the slow handler anyway.
    /// </summary>
    public static readonly TimeSpan TakeOverAfter = TimeSpan.FromMilliseconds(200);

    /// <summary>
    /// How long a receive thread waits with no data before it gives the connection back (the read parks and the
    /// thread ends): long enough that a steady stream, even a slow one, keeps its thread (a thread start per burst
    /// would cost more than the wait), short enough that a server's pings (every 25 s by default) do not keep one.
    /// Settable for the scale benchmark's baseline only (<see cref="Timeout.InfiniteTimeSpan"/>: a thread per
    /// connection for good, as before), read when a connection opens.
    /// </summary>
    public static TimeSpan QuietAfter { get; set; } = TimeSpan.FromSeconds(1);

    [ThreadStatic]
    private static ReceiveThreads? t_driving;

    private readonly BlockingSocketStream _stream;
    private readonly Action? _idle;
    private readonly TimeSpan _quietAfter;
    private readonly ReadinessWatcher? _watcher;
    private readonly ITimer? _watchdog; // only on a clock of the client's own; on the system clock: TakeOverWatch
    private readonly object _armGate = new();
    private int _armed;
    private int _disposed;

    /// <param name="stream">The connection.</param>
    /// <param name="idle">Run on the receive thread before each read that must wait.</param>
    /// <param name="quietAfter">Overrides <see cref="QuietAfter"/> (tests); <see cref="Timeout.InfiniteTimeSpan"/>:
    /// the thread never gives the connection back.</param>
    public ReceiveThreads(BlockingSocketStream stream, Action? idle, TimeSpan? quietAfter = null)
    {
        _stream = stream;
        _idle = idle;
        _watcher = ReadinessWatcher.Shared;
        _quietAfter = _watcher is null ? Timeout.InfiniteTimeSpan : quietAfter ?? QuietAfter;
        // By the client's clock (the stream's), as is how long a read has waited (BlockingSocketStream.WaitingFor): on
        // the system clock the process's one take-over thread checks it; a clock of the client's own drives a timer.
        _watchdog = stream.Clock == TimeProvider.System
            ? null
            : stream.Clock.CreateTimer(static s => ((ReceiveThreads)s!).CheckTakeOver(), this, Timeout.InfiniteTimeSpan, Timeout.InfiniteTimeSpan);
    }

    /// <summary>The connection's socket (the watcher's key).</summary>
    public Socket Socket => _stream.Socket;

    /// <summary>Starts the first thread, which runs <paramref name="receiveLoop"/>.</summary>
    public void Start(Func<Task> receiveLoop)
    {
        _stream.ReceiveOn(this, _quietAfter);
        StartThread(() =>
        {
            _ = receiveLoop(); // runs here until its first read waits (or it ends); it catches its own errors
            Drive(performFirst: false);
        });
    }

    /// <summary>
    /// A read now waits for a thread. On one of ours, the thread's loop performs it once the receive chain has
    /// unwound; anywhere else (a continuation that ran off our threads), a new thread is started for it.
    /// </summary>
    public void OnReadWaiting()
    {
        if (t_driving != this)
        {
            StartThread(() => Drive(performFirst: false));
        }
    }

    /// <summary>
    /// The read waited <see cref="QuietAfter"/> with no data and is parked; its thread ends and the watcher waits for
    /// data. (The take-over check, if still armed, finds no read waiting and disarms itself.)
    /// </summary>
    public void OnParked() => _watcher!.Add(_stream.Socket, this);

    /// <summary>
    /// Raised on the watcher's thread when it answered the server's ping on the parked connection itself (see
    /// <see cref="OnReadable"/>): the connection is alive, though no frame went up to the websocket. Set before
    /// <see cref="Start"/>; it must return at once (it must not block the watcher).
    /// </summary>
    public Action? PingAnswered { get; init; }

    /// <summary>
    /// The watcher saw the parked connection readable (or closed). A lone ping is answered there and then, and the
    /// read parks again (true: the watcher keeps watching it); anything else gets a receive thread
    /// (<see cref="Resume"/>; false).
    /// </summary>
    public bool OnReadable()
    {
        if (_stream.TryAnswerLonePing(out var parkAgain))
        {
            try
            {
                PingAnswered?.Invoke();
            }
            catch (Exception)
            {
                // The heartbeat's own bookkeeping; whatever it threw, the watcher goes on.
            }
        }

        if (parkAgain)
        {
            return true;
        }

        Resume();
        return false;
    }

    /// <summary>Data came (or the connection closed) on a parked read: a thread performs it and receives on.</summary>
    public void Resume() => StartThread(() =>
    {
        if (_stream.TryPerformParkedRead())
        {
            Drive(performFirst: false);
        }
    });

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            if (_watchdog is null)
            {
                lock (_armGate)
                {
                    TakeOverWatch.Shared.Remove(this);
                }
            }
            else
            {
                _watchdog.Dispose();
            }
        }
    }

    private void Drive(bool performFirst)
    {
        while (_stream.HasWaitingRead)
        {
            if (!performFirst)
            {
                // The read waits (its state was published before this fence): the check must be armed while the
                // handlers run. A full fence per hand-over, a timer change only when it had disarmed itself.
                Interlocked.MemoryBarrier();
                if (Volatile.Read(ref _armed) == 0)
                {
                    Arm();
                }

                Idle();
            }

            performFirst = false;
            if (!_stream.TryPerformWaitingRead())
            {
                return; // another thread took the read over and receives now, or the read parked
            }
        }

        // The loop ended, or it awaits something other than the network and will go on elsewhere.
    }

    private void Idle()
    {
        try
        {
            _idle?.Invoke();
        }
        catch (Exception)
        {
            // The dispatch pump reports its handlers' errors itself; whatever escaped, the read below must still happen.
        }
    }

    /// <summary>
    /// The take-over check (armed while a thread hands over to the handlers): a read that has waited
    /// <see cref="TakeOverAfter"/> gets a new thread; when no read waits, the check disarms itself.
    /// </summary>
    public void CheckTakeOver()
    {
        if (Volatile.Read(ref _disposed) != 0)
        {
            return;
        }

        if (_stream.WaitingFor >= TakeOverAfter)
        {
            StartThread(() => Drive(performFirst: true));
            return;
        }

        // No read waits (its thread is in the kernel, or it is parked): disarm until a thread hands over again. The
        // flag goes down before the state is read again (both fenced), so a hand-over that raced this either sees the
        // flag down and arms, or is seen here and keeps the check armed.
        lock (_armGate)
        {
            Interlocked.Exchange(ref _armed, 0);
            if (_stream.HasWaitingRead)
            {
                Volatile.Write(ref _armed, 1);
                return;
            }

            Change(Timeout.InfiniteTimeSpan);
        }
    }

    private void Arm()
    {
        lock (_armGate)
        {
            if (Volatile.Read(ref _armed) == 0 && Volatile.Read(ref _disposed) == 0)
            {
                Volatile.Write(ref _armed, 1);
                Change(TakeOverAfter);
            }
        }
    }

    // Under _armGate: arms (every TakeOverAfter) or disarms the check.
    private void Change(TimeSpan period)
    {
        if (_watchdog is null)
        {
            if (period == Timeout.InfiniteTimeSpan)
            {
                TakeOverWatch.Shared.Remove(this);
            }
            else
            {
                TakeOverWatch.Shared.Add(this);
            }

            return;
        }

        try
        {
            _watchdog.Change(period, period);
        }
        catch (ObjectDisposedException)
        {
            // Closed: nothing to check any more.
        }
    }

    // A spare receive thread of the process if one waits, else a new one (see SpareReceiveThreads).
    private void StartThread(Action run) => SpareReceiveThreads.Run(() =>
    {
        t_driving = this;
        try
        {
            run();
        }
        finally
        {
            t_driving = null;
        }
    });
}
#endif
