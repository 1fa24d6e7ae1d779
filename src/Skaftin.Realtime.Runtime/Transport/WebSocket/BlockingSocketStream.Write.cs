#if NET
using System;
using System.IO;
using System.Net.Sockets;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

// The write side of the stream: every write bounded by the send timeout, a timed-out write closing the connection.
internal sealed partial class BlockingSocketStream
{
    public override void Write(byte[] buffer, int offset, int count) => Write(buffer.AsSpan(offset, count));

    /// <summary>
    /// Writes it all within the send timeout, or fails. A peer that stops reading fills the kernel's buffers and a
    /// blocking send waits for room with no end; the socket's send timeout bounds each send, and the whole write gets
    /// no more than the timeout in all. A write that runs out of time leaves a torn frame on the wire: the connection
    /// is dead, so it is shut down (the receive waiting on it wakes and ends the receive loop, and the client
    /// reconnects) and every later write fails at once.
    /// </summary>
    public override void Write(ReadOnlySpan<byte> buffer)
    {
        lock (_writeGate)
        {
            WriteUnderGate(buffer);
        }
    }

    // Write's body, under _writeGate: writes stay whole and in order whoever writes (the websocket, or the watcher's
    // pong in TryAnswerLonePing).
    private void WriteUnderGate(ReadOnlySpan<byte> buffer)
    {
        var started = Clock.GetTimestamp();
        var shortened = false;
        try
        {
            // The socket's own timeout (set once) bounds each send; only a write that needs several sends (the buffers
            // were nearly full) gets the time left for the next one.
            buffer = buffer[_socket.Send(buffer, SocketFlags.None)..];
            while (!buffer.IsEmpty)
            {
                var left = _sendTimeout - Clock.GetElapsedTime(started);
                if (left <= TimeSpan.Zero)
                {
                    throw new SocketException((int)SocketError.TimedOut);
                }

                _socket.SendTimeout = TimeoutMilliseconds(left);
                shortened = true;
                buffer = buffer[_socket.Send(buffer, SocketFlags.None)..];
            }

            if (shortened)
            {
                _socket.SendTimeout = TimeoutMilliseconds(_sendTimeout);
            }
        }
        catch (SocketException ex) when (ex.SocketErrorCode is SocketError.TimedOut or SocketError.WouldBlock)
        {
            Shutdown();
            throw new IOException(
                $"The server did not take the data within {_sendTimeout.TotalSeconds:0.###} s (SendTimeout): it or a proxy stopped reading; the connection is closed.",
                new TimeoutException(ex.Message, ex));
        }
        catch (SocketException ex)
        {
            throw new IOException("The connection could not be written to: " + ex.Message, ex);
        }
        catch (ObjectDisposedException ex)
        {
            throw new IOException("The connection is closed.", ex);
        }
    }

    // The write blocks the calling thread for at most the send timeout (see Write); the token is checked first only:
    // a send cut half-way would tear the frame, and the caller's own wait honours its token above this stream.
    public override ValueTask WriteAsync(ReadOnlyMemory<byte> buffer, CancellationToken cancellationToken = default)
    {
        if (cancellationToken.IsCancellationRequested)
        {
            return ValueTask.FromCanceled(cancellationToken);
        }

        try
        {
            Write(buffer.Span);
            return default;
        }
        catch (Exception ex)
        {
            return ValueTask.FromException(ex);
        }
    }

    public override Task WriteAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        WriteAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override void Flush()
    {
    }

    public override Task FlushAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
#endif
