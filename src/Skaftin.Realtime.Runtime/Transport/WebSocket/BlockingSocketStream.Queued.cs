#if NET
using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

// One read at a time, whoever asks. The websocket reads one frame after another, but while it closes it may ask for a
// second read before the first is over (ManagedWebSocket waits for the server to close the connection with a read of
// its own, from the close it sends and from the close it receives, which can cross). The stream's read is a single
// reusable source (_read), so a second read set up over the first would invalidate the first's awaiter (which then
// throws where it registers, on a thread-pool thread: the process ends). Instead, a read asked for while another is
// outstanding waits in a queue and is started when the outstanding one is over (its result taken): bytes go to reads in
// the order they are started, none lost, none read twice.
internal sealed partial class BlockingSocketStream
{
    private readonly ConcurrentQueue<QueuedRead> _queued = new();

    /// <summary>How many reads wait for their turn now (for tests).</summary>
    internal int QueuedReads => _queued.Count;

    // Takes the stream's one read, when none is outstanding (the last one's result was taken).
    private bool TryClaimRead() => Interlocked.CompareExchange(ref _readState, Preparing, NoRead) == NoRead;

    // The read taken by TryClaimRead is over without having waited (it found data, or failed): the next may start.
    private void ReleaseRead()
    {
        Volatile.Write(ref _readState, NoRead);
        StartQueued();
    }

    private ValueTask<int> ReadAfterOutstanding(Memory<byte> buffer)
    {
        var queued = new QueuedRead(buffer);
        _queued.Enqueue(queued);

        // The outstanding read may have ended between the claim that failed and the enqueue.
        if (Volatile.Read(ref _readState) == NoRead)
        {
            StartQueued();
        }

        return new ValueTask<int>(queued.Task);
    }

    // Starts the oldest waiting read if the stream's read is free.
    private void StartQueued()
    {
        while (!_queued.IsEmpty && Interlocked.CompareExchange(ref _readState, Preparing, NoRead) == NoRead)
        {
            if (_queued.TryDequeue(out var next))
            {
                _ = RelayAsync(next);
                return;
            }

            // Another thread took it first: give the read back and look again (one may have come meanwhile).
            Volatile.Write(ref _readState, NoRead);
        }
    }

    // Closed: no read waits for a turn any more (one whose predecessor's result is never taken would wait for good).
    private void FailQueuedReads()
    {
        while (_queued.TryDequeue(out var queued))
        {
            queued.TrySetException(new ObjectDisposedException(nameof(BlockingSocketStream), "The connection was closed."));
        }
    }

    private async Task RelayAsync(QueuedRead queued)
    {
        try
        {
            queued.TrySetResult(await ReadClaimed(queued.Buffer, Volatile.Read(ref _threads)!).ConfigureAwait(false));
        }
        catch (Exception ex)
        {
            queued.TrySetException(ex);
        }
    }

    private sealed class QueuedRead(Memory<byte> buffer) : TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously)
    {
        public Memory<byte> Buffer { get; } = buffer;
    }
}
#endif
