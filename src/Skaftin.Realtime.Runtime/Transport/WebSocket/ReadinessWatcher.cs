#if NET
using System;
using System.Collections.Generic;
using System.Net;
using System.Net.Sockets;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// One thread for the whole process that waits, with no timer and no time-out, until any of the quiet websocket
/// connections has data (or is closed), and then gives that connection a receive thread again
/// (<see cref="ReceiveThreads.Resume"/>). A connection with nothing to read thus holds no thread of its own and costs
/// no CPU: its waiting read is parked here (<see cref="BlockingSocketStream"/> parks it when its thread has waited
/// <see cref="ReceiveThreads.QuietAfter"/> with no data). The wait is <c>Socket.Select</c> over the parked
/// sockets plus a loopback datagram socket that wakes it when the set changes; Select never touches a socket's
/// blocking mode, so the blocking receive path stays as it is. Where no loopback datagram socket can be opened, there
/// is no watcher and every connection keeps its receive thread, as before.
/// </summary>
internal sealed class ReadinessWatcher
{
    private static readonly Lazy<ReadinessWatcher?> s_shared = new(Create, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly object _gate = new();
    private readonly Dictionary<Socket, ReceiveThreads> _parked = new();
    private readonly Socket _wake;
    private readonly EndPoint _wakeAt;
    private bool _wakePending;
    private bool _running;

    private ReadinessWatcher(Socket wake)
    {
        _wake = wake;
        _wakeAt = wake.LocalEndPoint!;
    }

    /// <summary>The process's watcher, or null where it cannot work (no loopback datagram socket).</summary>
    public static ReadinessWatcher? Shared => s_shared.Value;

    private long _resumed;

    /// <summary>How many parked reads were given a thread again so far (for benchmarks).</summary>
    public long Resumed => Interlocked.Read(ref _resumed);

    private long _pingsAnswered;

    /// <summary>How many pings the watcher answered itself so far, with no receive thread (for benchmarks).</summary>
    public long PingsAnswered => Interlocked.Read(ref _pingsAnswered);

    /// <summary>How many connections are parked now (for tests and benchmarks).</summary>
    public int ParkedCount
    {
        get
        {
            lock (_gate)
            {
                return _parked.Count;
            }
        }
    }

    /// <summary>Watches <paramref name="socket"/> until it can be read, then resumes <paramref name="threads"/> once.</summary>
    public void Add(Socket socket, ReceiveThreads threads)
    {
        bool wake;
        lock (_gate)
        {
            _parked[socket] = threads;
            if (!_running)
            {
                _running = true;
                new Thread(Run) { IsBackground = true, Name = "Skaftin watcher" }.Start();
            }

            wake = !_wakePending;
            _wakePending = true;
        }

        if (wake)
        {
            Wake();
        }
    }

    /// <summary>Stops watching <paramref name="socket"/> (it is being closed, or a thread took its read).</summary>
    public void Remove(Socket socket)
    {
        bool wake;
        lock (_gate)
        {
            wake = _parked.Remove(socket) && !_wakePending;
            _wakePending |= wake;
        }

        if (wake)
        {
            Wake();
        }
    }

    private static ReadinessWatcher? Create()
    {
        foreach (var loopback in new[] { IPAddress.Loopback, IPAddress.IPv6Loopback })
        {
            Socket? wake = null;
            try
            {
                wake = new Socket(loopback.AddressFamily, SocketType.Dgram, ProtocolType.Udp);
                wake.Bind(new IPEndPoint(loopback, 0));
                return new ReadinessWatcher(wake);
            }
            catch (SocketException)
            {
                wake?.Dispose();
            }
        }

        return null;
    }

    private void Wake()
    {
        try
        {
            _wake.SendTo([1], _wakeAt);
        }
        catch (SocketException)
        {
            // A full buffer means a wake-up is already queued.
        }
    }

    private void Run()
    {
        var readable = new List<Socket>();
        var failed = new List<Socket>();
        var ready = new List<ReceiveThreads>();
        var drain = new byte[64];
        while (true)
        {
            readable.Clear();
            failed.Clear();
            ready.Clear();
            readable.Add(_wake);
            lock (_gate)
            {
                foreach (var socket in _parked.Keys)
                {
                    readable.Add(socket);
                    failed.Add(socket);
                }
            }

            try
            {
                Socket.Select(readable, null, failed, -1); // no time-out: only data, a close or a wake-up ends it
            }
            catch (ObjectDisposedException)
            {
                // A parked socket was closed meanwhile (its close fails its read itself): it leaves the set.
                ResumeClosed(ready);
                continue;
            }
            catch (SocketException)
            {
                // The wait failed: every parked read gets its thread back (those with nothing to read park again).
                ResumeAll(ready);
                continue;
            }

            lock (_gate)
            {
                Take(readable, ready);
                Take(failed, ready);
                if (readable.Contains(_wake))
                {
                    _wakePending = false;
                    while (_wake.Available > 0)
                    {
                        _wake.Receive(drain);
                    }
                }
            }

            OnReadable(ready);
        }
    }

    // Each ready connection: a lone ping is answered here and the read stays watched; anything else is resumed.
    private void OnReadable(List<ReceiveThreads> ready)
    {
        var resumed = 0;
        var answered = 0;
        for (var i = 0; i < ready.Count; i++)
        {
            var threads = ready[i];
            try
            {
                if (threads.OnReadable())
                {
                    ready[answered++] = threads;
                }
                else
                {
                    resumed++;
                }
            }
            catch (Exception)
            {
                // No thread could be started (out of memory): that connection's read waits until it is closed. The
                // watcher itself must go on for the others.
            }
        }

        Interlocked.Add(ref _resumed, resumed);
        Interlocked.Add(ref _pingsAnswered, answered);
        if (answered > 0)
        {
            // Watched again from the next wait on (this thread builds that set, so no wake-up is needed).
            lock (_gate)
            {
                for (var i = 0; i < answered; i++)
                {
                    _parked[ready[i].Socket] = ready[i];
                }
            }
        }
    }

    // Under _gate: the parked connections among the ready sockets leave the set.
    private void Take(List<Socket> sockets, List<ReceiveThreads> ready)
    {
        foreach (var socket in sockets)
        {
            if (socket != _wake && _parked.Remove(socket, out var threads))
            {
                ready.Add(threads);
            }
        }
    }

    private void ResumeClosed(List<ReceiveThreads> ready)
    {
        lock (_gate)
        {
            foreach (var (socket, threads) in _parked)
            {
                if (socket.SafeHandle.IsClosed)
                {
                    ready.Add(threads);
                }
            }

            if (ready.Count == 0)
            {
                ready.AddRange(_parked.Values); // none found closed: resume all rather than fail the same way again
                _parked.Clear();
            }
            else
            {
                foreach (var threads in ready)
                {
                    _parked.Remove(threads.Socket);
                }
            }
        }

        Resume(ready);
    }

    private void ResumeAll(List<ReceiveThreads> ready)
    {
        lock (_gate)
        {
            ready.AddRange(_parked.Values);
            _parked.Clear();
        }

        Resume(ready);
    }

    private static void Resume(List<ReceiveThreads> ready)
    {
        foreach (var threads in ready)
        {
            try
            {
                threads.Resume();
            }
            catch (Exception)
            {
                // No thread could be started (out of memory): that connection's read waits until it is closed. The
                // watcher itself must go on for the others.
            }
        }
    }
}
#endif
