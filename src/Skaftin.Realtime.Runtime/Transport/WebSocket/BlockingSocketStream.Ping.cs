#if NET
using System;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Threading;

namespace Skaftin.Realtime;

// The server's ping on a parked connection, answered by the watcher with no receive thread (see TryAnswerLonePing).
internal sealed partial class BlockingSocketStream
{
    // An Engine.IO ping as a server sends it over a websocket: an unmasked, final text frame of one byte, "2".
    private static ReadOnlySpan<byte> LonePing => [0x81, 0x01, (byte)'2'];

    /// <summary>
    /// Whether the watcher may answer a lone ping itself (<see cref="TryAnswerLonePing"/>). Settable for the scale
    /// benchmark's variants only; read when a connection starts following its frames.
    /// </summary>
    public static bool AnswerPingsWhenParked { get; set; } = true;

    /// <summary>
    /// How long a receive thread waits for more data after a frame that was the server's ping, before its read parks
    /// (instead of the whole quiet time): a ping is answered and nothing follows it, so the thread need not linger.
    /// Settable for the scale benchmark's variants only (<see cref="Timeout.InfiniteTimeSpan"/>: the whole quiet time).
    /// </summary>
    public static TimeSpan QuietAfterPing { get; set; } = TimeSpan.FromMilliseconds(20);

    /// <summary>
    /// Says whether the frame the websocket just handled was the server's ping (called for every frame, on the thread
    /// that receives): after a ping the next read waits only <see cref="QuietAfterPing"/> before it parks.
    /// </summary>
    public void FrameWasPing(bool ping) => _afterPing = ping;

    /// <summary>
    /// From the next byte received on (call it before the HTTP upgrade), follows the websocket's frames so that a lone
    /// ping on a parked read can be answered without a receive thread. Only for a plain websocket: under TLS the
    /// bytes are not frames (and the follower turns itself off at the first byte anyway).
    /// </summary>
    public void FollowFrames()
    {
        if (AnswerPingsWhenParked)
        {
            _frames = new WebSocketFrameBoundary();
        }
    }

    /// <summary>
    /// On a parked read whose connection became readable: when what waits is exactly one Engine.IO ping frame and the
    /// websocket above expects a new frame, takes it off the connection and writes the pong ("3", masked as a client's
    /// frame must be) at once, on the calling thread, without waking a receive thread or the library above. The pong
    /// goes out only if no other write is under way (writes stay whole and in order) and the socket can take it now
    /// (so the caller never blocks; the send timeout bounds it regardless). The read stays parked.
    /// </summary>
    /// <param name="parkAgain">
    /// True when the ping was answered and nothing else waits to be read: the read can go on waiting with no thread.
    /// False otherwise: the caller resumes the read the ordinary way (which also finds a closed connection).
    /// </param>
    /// <returns>Whether a ping was taken off and answered (the connection showed it is alive).</returns>
    public bool TryAnswerLonePing(out bool parkAgain)
    {
        parkAgain = false;
        if (_frames is not { } frames || Interlocked.CompareExchange(ref _readState, Claimed, Parked) != Parked)
        {
            return false;
        }

        var answered = false;
        try
        {
            answered = frames.AtBoundary && TryAnswer(frames);
            parkAgain = answered && Available() == 0;
        }
        catch (Exception)
        {
            // Whatever it was (a closed or failed connection, mostly), the claim must be given back below and the
            // ordinary read finds out what is wrong with the connection and reports it.
            parkAgain = false;
        }

        // Parked again, as before the claim. A close that came meanwhile saw the read claimed and failed nothing: the
        // state is published before the closed check (Dispose marks closed before it reads the state), so the caller
        // is told to resume the read, which then fails.
        Interlocked.Exchange(ref _readState, Parked);
        if (Volatile.Read(ref _disposed) == 1)
        {
            parkAgain = false;
        }

        return answered;
    }

    // After a ping, the quiet time is short (see QuietAfterPing): true when data came within it.
    private bool DataSoonAfterPing()
    {
        _afterPing = false;
        var wait = QuietAfterPing;
        // A kernel wait (poll), by the system's clock like the socket's receive time-out it stands in for.
        return wait == Timeout.InfiniteTimeSpan || _socket.Poll((int)Math.Min(wait.Ticks / 10, int.MaxValue), SelectMode.SelectRead);
    }

    private bool TryAnswer(WebSocketFrameBoundary frames)
    {
        Span<byte> ping = stackalloc byte[4];
        if (_socket.Available != LonePing.Length
            || _socket.Receive(ping, SocketFlags.Peek) != LonePing.Length
            || !ping[..LonePing.Length].SequenceEqual(LonePing))
        {
            return false;
        }

        if (!Monitor.TryEnter(_writeGate))
        {
            return false; // a write is under way: the ordinary path answers after it
        }

        try
        {
            if (!_socket.Poll(0, SelectMode.SelectWrite))
            {
                return false; // no room to send now: the ordinary path answers, bounded by the send timeout
            }

            var taken = _socket.Receive(ping[..LonePing.Length], SocketFlags.None);
            frames.Observe(ping[..taken]);
            if (taken != LonePing.Length)
            {
                return false; // cannot happen: the bytes were there (peeked), and a stream socket returns what it has
            }

            Span<byte> pong = stackalloc byte[7];
            pong[0] = 0x81; // final text frame
            pong[1] = 0x81; // masked, 1 byte
            RandomNumberGenerator.Fill(pong.Slice(2, 4));
            pong[6] = (byte)('3' ^ pong[2]);
            WriteUnderGate(pong);
            return true;
        }
        finally
        {
            Monitor.Exit(_writeGate);
        }
    }
}
#endif
