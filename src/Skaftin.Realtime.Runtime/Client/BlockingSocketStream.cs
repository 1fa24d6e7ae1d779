#if NET
using System;
using System.Diagnostics;
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
/// </summary>
internal sealed class BlockingSocketStream : Stream, IValueTaskSource<int>
{
    private const int NoRead = 0;
    private const int Waiting = 1;
    private const int Claimed = 2;

    private readonly Socket _socket;
    private ManualResetValueTaskSourceCore<int> _read; // continuations run on the thread that performs the read
    private Memory<byte> _readInto;
    private int _readState;
    private long _waitingSince;
    private ReceiveThreads? _threads;
    private int _disposed;

    private BlockingSocketStream(Socket socket) => _socket = socket;

    /// <summary>Whether a read waits for a thread to perform it.</summary>
    public bool HasWaitingRead => Volatile.Read(ref _readState) == Waiting;

    /// <summary>How long the waiting read has waited for a thread, or zero when none waits.</summary>
    public TimeSpan WaitingFor =>
        HasWaitingRead ? Stopwatch.GetElapsedTime(Volatile.Read(ref _waitingSince)) : TimeSpan.Zero;

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
    public static async ValueTask<BlockingSocketStream> ConnectAsync(DnsEndPoint endpoint, CancellationToken cancellationToken)
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

            return new BlockingSocketStream(socket);
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    /// <summary>From now on, reads on <paramref name="threads"/>' threads that would wait are performed by them.</summary>
    public void ReceiveOn(ReceiveThreads threads) => Volatile.Write(ref _threads, threads);

    public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default)
    {
        // A zero-byte read (SslStream's, before it rents its buffer) waits for data like any other: it is one too.
        if (Volatile.Read(ref _threads) is { } threads && Available() == 0)
        {
            _read.Reset();
            _readInto = buffer;
            Volatile.Write(ref _waitingSince, Stopwatch.GetTimestamp());
            Volatile.Write(ref _readState, Waiting);
            var pending = new ValueTask<int>(this, _read.Version);
            threads.OnReadWaiting();
            return pending;
        }

        return new ValueTask<int>(Receive(buffer.Span));
    }

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override int Read(byte[] buffer, int offset, int count) => Receive(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Receive(buffer);

    /// <summary>
    /// Performs the waiting read on the calling thread, blocking until data comes; the websocket's receive chain then
    /// goes on on this thread. False when no read waits or another thread took it.
    /// </summary>
    public bool TryPerformWaitingRead()
    {
        if (Interlocked.CompareExchange(ref _readState, Claimed, Waiting) != Waiting)
        {
            return false;
        }

        var into = _readInto;
        _readInto = default;
        int received;
        try
        {
            received = Receive(into.Span);
        }
        catch (Exception ex)
        {
            Volatile.Write(ref _readState, NoRead);
            _read.SetException(ex);
            return true;
        }

        // Free before the continuation runs: it asks for the next read on this very thread.
        Volatile.Write(ref _readState, NoRead);
        _read.SetResult(received);
        return true;
    }

    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    public override void Write(ReadOnlySpan<byte> buffer)
    {
        try
        {
            while (!buffer.IsEmpty)
            {
                buffer = buffer[_socket.Send(buffer, SocketFlags.None)..];
            }
        }
        catch (SocketException ex)
        {
            throw new IOException("The connection could not be written to: " + ex.Message, ex);
        }
    }

    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        Write(buffer.Span);
        return default;
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();

    public override void SetLength(long value) => throw new NotSupportedException();

    int IValueTaskSource<int>.GetResult(short token) => _read.GetResult(token);

    ValueTaskSourceStatus IValueTaskSource<int>.GetStatus(short token) => _read.GetStatus(token);

    void IValueTaskSource<int>.OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _read.OnCompleted(continuation, state, token, flags);

    protected override void Dispose(bool disposing)
    {
        if (disposing && Interlocked.Exchange(ref _disposed, 1) == 0)
        {
            try
            {
                _socket.Shutdown(SocketShutdown.Both); // wakes a thread blocked in a receive
            }
            catch (SocketException)
            {
                // Never connected, or already reset.
            }

            _socket.Dispose();
            // A read nobody performs yet fails now, off the disposing thread (its continuation ends the receive loop).
            if (HasWaitingRead)
            {
                ThreadPool.UnsafeQueueUserWorkItem(static stream => stream.TryPerformWaitingRead(), this, preferLocal: false);
            }
        }

        base.Dispose(disposing);
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
            return _socket.Receive(into, SocketFlags.None);
        }
        catch (SocketException ex)
        {
            throw new IOException("The connection could not be read from: " + ex.Message, ex);
        }
    }
}
#endif
