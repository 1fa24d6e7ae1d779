#if NET
using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// The threads a websocket over a <see cref="BlockingSocketStream"/> receives on. One thread normally does all of it:
/// it runs the receive loop until the next read has to wait for the network, lets the client deliver what came
/// (<c>idle</c>: the app's handlers, with nothing else to do on this thread), then performs that read, blocking in the
/// kernel until data comes, and runs the loop on. A handler that takes long must not stop the socket (the server's
/// pings must still be answered): a read left waiting for <see cref="TakeOverAfter"/> while its thread is still busy
/// is taken by a new thread, which goes on receiving; the busy one ends when its handlers return.
/// </summary>
internal sealed class ReceiveThreads : IDisposable
{
    /// <summary>
    /// How long a read may wait for its thread to come back from the handlers before another thread takes it (checked
    /// as often): well inside any ping timeout, and rare enough that the check's own thread-pool wake-ups (five a
    /// second) cost nothing next to the events. Events read meanwhile wait behind the slow handler anyway.
    /// </summary>
    public static readonly TimeSpan TakeOverAfter = TimeSpan.FromMilliseconds(200);

    [ThreadStatic]
    private static ReceiveThreads? t_driving;

    private readonly BlockingSocketStream _stream;
    private readonly Action? _idle;
    private readonly Timer _watchdog;
    private int _disposed;

    public ReceiveThreads(BlockingSocketStream stream, Action? idle)
    {
        _stream = stream;
        _idle = idle;
        _watchdog = new Timer(static s => ((ReceiveThreads)s!).TakeOverStuckRead(), this, Timeout.Infinite, Timeout.Infinite);
    }

    /// <summary>Starts the first thread, which runs <paramref name="receiveLoop"/>.</summary>
    public void Start(Func<Task> receiveLoop)
    {
        _stream.ReceiveOn(this);
        _watchdog.Change(TakeOverAfter, TakeOverAfter);
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

    public void Dispose()
    {
        if (Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            _watchdog.Dispose();
        }
    }

    private void Drive(bool performFirst)
    {
        while (_stream.HasWaitingRead)
        {
            if (!performFirst)
            {
                Idle();
            }

            performFirst = false;
            if (!_stream.TryPerformWaitingRead())
            {
                return; // another thread took the read over and receives now
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

    private void TakeOverStuckRead()
    {
        if (Volatile.Read(ref _disposed) == 0 && _stream.WaitingFor >= TakeOverAfter)
        {
            StartThread(() => Drive(performFirst: true));
        }
    }

    private void StartThread(Action run) =>
        new Thread(() =>
        {
            t_driving = this;
            run();
        })
        { IsBackground = true, Name = "Skaftin receive" }.Start();
}
#endif
