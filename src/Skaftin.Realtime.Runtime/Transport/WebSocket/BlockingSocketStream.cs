#if NET
using System;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;
using System.Threading.Tasks.Sources;

namespace Skaftin.Realtime;

/// <summary>
/// The TCP connection under the websocket (<see cref="SkaftinWebSocket"/> gives it to the HTTP handler that opens the
/// websocket), over a socket kept in blocking mode, so that a receive costs what it costs Node: the thread that waits
/// for the network is the one the kernel wakes, with no epoll thread and no thread-pool work item between them.
/// <para>
/// A read on a <see cref="ReceiveThreads"/> thread that would wait for the network does not block at once: it returns
/// a pending read, so the websocket's receive chain unwinds to the thread's loop, which first lets the client deliver
/// what it received (the receive-idle hand-over) and then performs the read itself
/// (<see cref="TryPerformWaitingRead"/>); whoever performs it runs the receive loop on from there. Any other read (the
/// HTTP upgrade, the TLS handshake, a receive that finds data waiting) simply blocks until the data is there.
/// </para>
/// <para>
/// A thread that performs the waiting read waits at most the quiet time it was given (<see cref="ReceiveOn"/>; the
/// socket's own receive time-out, set once, so a read costs no extra system call): when no data came by then, the read
/// is parked (<see cref="ReceiveThreads.OnParked"/>: the thread ends and <see cref="ReadinessWatcher"/> waits for data
/// on the connection's behalf), and <see cref="TryPerformParkedRead"/> performs it when data comes.
/// </para>
/// <para>
/// One read is outstanding at a time, from the moment it is asked for until its result is taken; a read asked for
/// meanwhile waits its turn (see <c>BlockingSocketStream.Queued.cs</c>: the websocket asks for one while it closes).
/// </para>
/// </summary>
internal sealed partial class BlockingSocketStream : Stream, IValueTaskSource<int>
{
    private const int NoRead = 0;
    private const int Waiting = 1;
    private const int Claimed = 2;
    private const int Parked = 3;
    private const int Preparing = 4; // ReadAsync is setting a read up (it holds the stream's one read)
    private const int Completed = 5; // performed; its result not yet taken (GetResult), so the read is still outstanding

    private readonly Socket _socket;
    private readonly TimeSpan _sendTimeout;
    private readonly object _writeGate = new();
    private WebSocketFrameBoundary? _frames; // set before the first byte is received (FollowFrames), then read only
    private ManualResetValueTaskSourceCore<int> _read; // continuations run on the thread that performs the read
    private Memory<byte> _readInto;
    private int _readState;
    private long _waitingSince;
    private ReceiveThreads? _threads;
    private int _pollMicroseconds = -1; // where the receive time-out cannot be used (Windows): a poll bounds the wait
    private bool _quietEnds;
    private bool _afterPing; // the last frame handled was a ping (FrameWasPing); on the receiving thread only
    private int _disposed;

    private BlockingSocketStream(Socket socket, TimeSpan sendTimeout, TimeProvider clock)
    {
        _socket = socket;
        _sendTimeout = sendTimeout;
        Clock = clock;
        _socket.SendTimeout = TimeoutMilliseconds(sendTimeout);
    }

    /// <summary>
    /// The client's clock (<see cref="SkaftinRealtimeOptions.TimeProvider"/>): what the write deadline, a read's waiting
    /// time and the receive threads' take-over check are measured by. The socket's own receive and send time-outs
    /// (<c>SO_RCVTIMEO</c>, <c>SO_SNDTIMEO</c>) are kernel waits on the wall clock.
    /// </summary>
    public TimeProvider Clock { get; }

    /// <summary>Whether a read waits for a thread to perform it.</summary>
    public bool HasWaitingRead => Volatile.Read(ref _readState) == Waiting;

    /// <summary>Whether a read waits parked, with no thread, for data (see <see cref="ReadinessWatcher"/>).</summary>
    public bool HasParkedRead => Volatile.Read(ref _readState) == Parked;

    /// <summary>The socket, for <see cref="ReadinessWatcher"/> to wait on.</summary>
    public Socket Socket => _socket;

    /// <summary>How long the waiting read has waited for a thread, or zero when none waits.</summary>
    public TimeSpan WaitingFor =>
        HasWaitingRead ? Clock.GetElapsedTime(Volatile.Read(ref _waitingSince)) : TimeSpan.Zero;

    public override bool CanRead => true;

    public override bool CanSeek => false;

    public override bool CanWrite => true;

    public override long Length => throw new NotSupportedException();

    public override long Position
    {
        get => throw new NotSupportedException();
        set => throw new NotSupportedException();
    }

    /// <summary>
    /// Resolves and connects on a thread of its own (a blocking socket must never have had an asynchronous operation,
    /// or .NET emulates its blocking calls through the epoll thread); <paramref name="cancellationToken"/> ends the
    /// wait at once and closes the socket.
    /// </summary>
    public static async ValueTask<BlockingSocketStream> ConnectAsync(DnsEndPoint endpoint, TimeSpan sendTimeout, CancellationToken cancellationToken, TimeProvider? clock = null)
    {
        var addresses = await Dns.GetHostAddressesAsync(endpoint.Host, cancellationToken).ConfigureAwait(false);
        var socket = new Socket(SocketType.Stream, ProtocolType.Tcp) { NoDelay = true };
        try
        {
            using (cancellationToken.Register(static s => ((Socket)s!).Dispose(), socket))
            {
                await Task.Factory.StartNew(
                    () => socket.Connect(addresses, endpoint.Port),
                    cancellationToken,
                    TaskCreationOptions.LongRunning | TaskCreationOptions.DenyChildAttach,
                    TaskScheduler.Default).WaitAsync(cancellationToken).ConfigureAwait(false);
            }

            return new BlockingSocketStream(socket, sendTimeout, clock ?? TimeProvider.System);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>
    /// From now on, reads on <paramref name="threads"/>' threads that would wait are performed by them, each waiting at
    /// most <paramref name="quietAfter"/> for data before it is parked (<see cref="Timeout.InfiniteTimeSpan"/>: never).
    /// </summary>
    public void ReceiveOn(ReceiveThreads threads, TimeSpan quietAfter)
    {
        if (quietAfter != Timeout.InfiniteTimeSpan)
        {
            if (OperatingSystem.IsWindows())
            {
                // Windows leaves a connection whose blocking receive timed out in an undefined state: poll first there.
                _pollMicroseconds = (int)Math.Min(quietAfter.Ticks / 10, int.MaxValue);
            }
            else
            {
                // SO_RCVTIMEO: a receive with no data by then fails with EAGAIN and leaves the connection as it was.
                _socket.ReceiveTimeout = TimeoutMilliseconds(quietAfter);
            }

            _quietEnds = true;
        }

        Volatile.Write(ref _threads, threads);
    }

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (Volatile.Read(ref _threads) is not { } threads)
        {
            return new ValueTask<int>(Receive(buffer.Span));
        }

        // One read at a time: a read asked for while another is outstanding waits its turn (ReadAfterOutstanding).
        return TryClaimRead() ? ReadClaimed(buffer, threads) : ReadAfterOutstanding(buffer);
    }

    // The caller holds the stream's one read (Preparing).
    private ValueTask<int> ReadClaimed(Memory<byte> buffer, ReceiveThreads threads)
    {
        // A zero-byte read (SslStream's, before it rents its buffer) waits for data like any other: it is one too.
        if (Available() > 0)
        {
            try
            {
                return new ValueTask<int>(Receive(buffer.Span));
            }
            finally
            {
                ReleaseRead();
            }
        }

        _read.Reset();
        _readInto = buffer;
        Volatile.Write(ref _waitingSince, Clock.GetTimestamp());
        Volatile.Write(ref _readState, Waiting);
        var pending = new ValueTask<int>(this, _read.Version);
        threads.OnReadWaiting();
        return pending;
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Receive(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Receive(buffer);

    /// <summary>
    /// Performs the waiting read on the calling thread, blocking until data comes; the websocket's receive chain then
    /// goes on on this thread. False when no read waits, another thread took it, or no data came within the quiet
    /// time (the read is then parked and the calling thread is free to end).
    /// </summary>
    public bool TryPerformWaitingRead() => TryPerform(Waiting);

    /// <summary>As <see cref="TryPerformWaitingRead"/>, for a read that was parked (data came, or the stream closes).</summary>
    public bool TryPerformParkedRead() => TryPerform(Parked);

    private bool TryPerform(int state)
    {
        if (Interlocked.CompareExchange(ref _readState, Claimed, state) != state)
        {
            return false;
        }

        var into = _readInto;
        int received;
        try
        {
            if (!TryReceiveBeforeQuiet(into.Span, out received))
            {
                Park();
                return false;
            }
        }
        catch (Exception ex)
        {
            Complete(0, ex);
            return true;
        }

        Complete(received, null);
        return true;
    }

    // Hands the performed read's outcome over. The read stays the stream's outstanding one until its result is taken
    // (GetResult): its awaiter may not have looked yet, and a new read set up meanwhile would invalidate its token. The
    // continuation usually runs right here, takes the result and asks for the next read on this very thread.
    private void Complete(int received, Exception? error)
    {
        _readInto = default;
        Volatile.Write(ref _readState, Completed);
        if (error is null)
        {
            _read.SetResult(received);
        }
        else
        {
            _read.SetException(error);
        }
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    int IValueTaskSource<int>.GetResult(short token)
    {
        var current = token == _read.Version;
        try
        {
            return _read.GetResult(token);
        }
        finally
        {
            // Taken: the stream's read is free for the next one (a waiting one first).
            if (current && Interlocked.CompareExchange(ref _readState, NoRead, Completed) == Completed)
            {
                StartQueued();
            }
        }
    }

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _read.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _read.OnCompleted(continuation, state, token, flags);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            ReadinessWatcher.Shared?.Remove(_socket);
            Shutdown();
            _socket.Dispose();
            // A read nobody performs yet (waiting, or parked) fails now, off the disposing thread (its continuation
            // ends the receive loop).
            if (Volatile.Read(ref _readState) is Waiting or Parked)
            {
                FailUnperformedRead();
            }

            FailQueuedReads();
        }

        base.Dispose(disposing);
    }

    private void FailUnperformedRead() =>
        ThreadPool.UnsafeQueueUserWorkItem(static stream => _ = stream.TryPerformWaitingRead() || stream.TryPerformParkedRead(), this, preferLocal: false);

    // The thread waited the quiet time with no data: the read waits on with no thread (ReceiveThreads.OnParked). The
    // state is published before the closed check, and Dispose marks closed before it reads the state, so a close at
    // the same moment still fails the read (twice at worst; only one claim succeeds).
    private void Park()
    {
        Interlocked.Exchange(ref _readState, Parked);
        if (Volatile.Read(ref _disposed) == 1)
        {
            FailUnperformedRead();
            return;
        }

        _threads!.OnParked();
    }

    // False when the quiet time passed with no data (only when ReceiveOn gave one).
    private bool TryReceiveBeforeQuiet(Span<byte> into, out int received)
    {
        received = 0;
        try
        {
            if (_quietEnds && _afterPing && !DataSoonAfterPing())
            {
                return false;
            }

            if (_pollMicroseconds >= 0 && !_socket.Poll(_pollMicroseconds, SelectMode.SelectRead))
            {
                return false;
            }

            // The overload that reports instead of throwing: a quiet time-out is the normal way out, not an error.
            received = _socket.Receive(into, SocketFlags.None, out var error);
            if (error == SocketError.Success)
            {
                _frames?.Observe(into[..received]);
                return true;
            }

            if (_quietEnds && error is SocketError.TimedOut or SocketError.WouldBlock)
            {
                received = 0;
                return false;
            }

            var failure = new SocketException((int)error);
            throw new IOException("The connection could not be read from: " + failure.Message, failure);
        }
        catch (SocketException ex)
        {
            throw new IOException("The connection could not be read from: " + ex.Message, ex);
        }
    }

    private static int TimeoutMilliseconds(TimeSpan timeout) => (int)Math.Clamp(Math.Ceiling(timeout.TotalMilliseconds), 1, int.MaxValue);

    // Wakes a thread blocked in a receive (or a send) on this socket; later operations fail at once.
    private void Shutdown()
    {
        try
        {
            _socket.Shutdown(SocketShutdown.Both);
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            // Never connected, already reset, or closed.
        }
    }

    private int Available()
    {
        try
        {
            return _socket.Available;
        }
        catch (Exception ex) when (ex is SocketException or ObjectDisposedException)
        {
            return 0; // the receive reports it
        }
    }

    private int Receive(Span<byte> into)
    {
        try
        {
            var received = _socket.Receive(into, SocketFlags.None);
            _frames?.Observe(into[..received]);
            return received;
        }
        catch (SocketException ex)
        {
            throw new IOException("The connection could not be read from: " + ex.Message, ex);
        }
    }
}
#endif
