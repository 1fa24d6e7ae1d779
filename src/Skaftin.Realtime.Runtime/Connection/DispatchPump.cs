using System;
using System.Collections.Concurrent;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// Hands everything the app hears to its handlers, one at a time and in order, through one path: server events,
/// resync signals, connection state changes and connection failures alike, off the socket's receive loop (or the
/// app's <see cref="SkaftinRealtimeOptions.HandlerContext"/>), or with <see cref="SkaftinRealtimeOptions.DispatchOnReceiveThread"/>
/// on the socket's receive thread. Only server events count against <see cref="SkaftinRealtimeOptions.DispatchQueueCapacity"/>:
/// a signal about the connection is never refused.
/// </summary>
/// <remarks>
/// What it costs per event is mostly waking threads, not running handlers. So events a connection receives together
/// are queued without a wake-up, and drained in one go when the receive loop waits for more
/// (<see cref="OnReceiveIdle"/>), on the thread it leaves: the loop has already asked for the next frames and goes
/// on elsewhere when they come, so a handler that blocks never stops the socket. Only a long run of events (or a
/// connection that never says it is idle) wakes a thread-pool thread to drain, once per run, not per event.
/// </remarks>
internal sealed class DispatchPump
{
    // A run of events this long is drained alongside the receive loop rather than after it.
    private const int RunLength = 32;

    private const int Idle = 0;
    private const int Draining = 1;

    private readonly ClientSettings _options;
    private readonly SkaftinEventRouter _router;
    private readonly Action<ConnectionStateChange> _deliverStateChange;
    private readonly ConcurrentQueue<DispatchItem> _queue = new();
    private readonly SemaphoreSlim _room;
    private readonly CancellationTokenSource _closing = new();
    private readonly TaskCompletionSource<bool> _completed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    // The pump whose handlers run on this thread right now: a handler that waits for the client's dispose would wait
    // for its own return (the drain it runs in is what the dispose waits for).
    [ThreadStatic]
    private static DispatchPump? t_delivering;
    private readonly int _runLength;
    private readonly WaitCallback _drainOnPool;
    private readonly SendOrPostCallback _drainOnContext;

    private int _state;
    private int _closed;
    private int _undrainedEvents;

    public DispatchPump(ClientSettings options, SkaftinEventRouter router, Action<ConnectionStateChange> deliverStateChange)
    {
        _options = options;
        _router = router;
        _deliverStateChange = deliverStateChange;
        _room = new SemaphoreSlim(options.DispatchQueueCapacity, options.DispatchQueueCapacity);
        _runLength = Math.Min(RunLength, options.DispatchQueueCapacity);
        _drainOnPool = static state => ((DispatchPump)state!).DrainWhileQueued();
        _drainOnContext = static state => ((DispatchPump)state!).DrainOnContext();
    }

    public SkaftinEventRouter Router => _router;

    private enum ItemKind
    {
        ServerEvent,
        Resync,
        StateChange,
        ConnectionFailure,
        FrameRejected,
        Injected,
    }

    /// <summary>A server event, from the socket's receive thread: only cheap work here.</summary>
    /// <param name="name">The event's name.</param>
    /// <param name="payload">Its first argument as UTF-8 JSON.</param>
    /// <param name="drainedWhenIdle">
    /// Whether the connection calls <see cref="OnReceiveIdle"/> after the events it receives together: then the event
    /// waits for that (or for a long run) instead of waking a thread of its own.
    /// </param>
    public void PostEvent(string name, ReadOnlyMemory<byte> payload, bool drainedWhenIdle = false)
    {
        if (!_room.Wait(0))
        {
            // The handlers are behind: make sure they are being run before holding the reader.
            ScheduleDrain();
            if (!WaitForRoom())
            {
                _router.ReportQueueFull(name, payload);
                return;
            }
        }

        if (Volatile.Read(ref _closed) == 1)
        {
            _room.Release(); // the client is closing: nothing is delivered any more
            return;
        }

        _queue.Enqueue(new DispatchItem(ItemKind.ServerEvent, name, payload, System.Diagnostics.Stopwatch.GetTimestamp(), null));
        if (_options.DispatchOnReceiveThread)
        {
            // Delivered here and now, after anything queued before it (a resync signal, a state change), unless another
            // thread is delivering at this moment: that one takes it, in order. No lock is held while handlers run.
            TryDrain();
        }
        else if (!drainedWhenIdle || Interlocked.Increment(ref _undrainedEvents) >= _runLength)
        {
            ScheduleDrain();
        }
    }

    /// <summary>
    /// The connection's receive loop has handed over every event it received together and waits for more; the
    /// calling thread is free (the loop goes on elsewhere), so it delivers what is queued.
    /// </summary>
    public void OnReceiveIdle()
    {
        if (!_queue.IsEmpty)
        {
            TryDrain();
        }
    }

    /// <summary>In order with the events: handlers see the signal after everything received before it.</summary>
    public void PostResync(ResyncRequired signal) => PostSignal(ItemKind.Resync, signal);

    public void PostStateChange(ConnectionStateChange change) => PostSignal(ItemKind.StateChange, change);

    public void PostConnectionFailure(Exception error) => PostSignal(ItemKind.ConnectionFailure, error);

    /// <summary>A frame the frame reader refused, reported in order with the events around it.</summary>
    public void PostFrameRejected(FrameRejection rejection) => PostSignal(ItemKind.FrameRejected, rejection);

    /// <summary>
    /// Work handed in from outside the socket (Skaftin.Realtime.Testing's typed pushes), run in order with the events
    /// and signals around it, on the same thread or context as their handlers.
    /// </summary>
    public void PostInjected(Action work) => PostSignal(ItemKind.Injected, work);

    /// <summary>Whether the calling thread is running one of this pump's handlers (or state, error or injected work).</summary>
    public bool IsDeliveringOnCurrentThread => t_delivering == this;

    /// <summary>Delivers what is queued, then ends; waits for that.</summary>
    public Task CompleteAsync()
    {
        Complete();
        return _completed.Task;
    }

    /// <summary>Delivers what is queued, then ends, without waiting (a synchronous dispose must never wait on the handler context).</summary>
    public void Complete()
    {
        if (Interlocked.Exchange(ref _closed, 1) == 0)
        {
            _closing.Cancel();
            ScheduleDrain();
        }
    }

    private void PostSignal(ItemKind kind, object signal)
    {
        if (Volatile.Read(ref _closed) == 1)
        {
            // After the final drain: deliver here rather than lose it.
            Dispatch(new DispatchItem(kind, null, ReadOnlyMemory<byte>.Empty, 0, signal));
            return;
        }

        _queue.Enqueue(new DispatchItem(kind, null, ReadOnlyMemory<byte>.Empty, System.Diagnostics.Stopwatch.GetTimestamp(), signal));
        ScheduleDrain();
    }

    // The handlers are behind: hold the socket's reader (a thread of its own) until there is room, so the server is
    // slowed through TCP rather than events dropped, but never long enough to miss the server's pings.
    private bool WaitForRoom()
    {
        var wait = _options.DispatchQueueFullWait;
        if (wait <= TimeSpan.Zero)
        {
            return false;
        }

        try
        {
            return _room.Wait(wait, _closing.Token);
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    // One thread-pool wake-up (or one callback posted to the app's HandlerContext), unless a drain is already under
    // way (it takes what is queued before it stops).
    private void ScheduleDrain()
    {
        if (Interlocked.CompareExchange(ref _state, Draining, Idle) == Idle)
        {
            if (_options.HandlerContext is { } context)
            {
                PostToContext(context);
            }
            else
            {
                ThreadPool.UnsafeQueueUserWorkItem(_drainOnPool, this);
            }
        }
    }

    private void TryDrain()
    {
        if (_options.HandlerContext is not null)
        {
            ScheduleDrain(); // the handlers run on the app's context, never on the calling thread
        }
        else if (Interlocked.CompareExchange(ref _state, Draining, Idle) == Idle)
        {
            DrainWhileQueued();
        }
    }

    // With a HandlerContext, a run of what is queued is delivered by one callback posted to it; no thread blocks waiting
    // for the context (no Send), and the app's loop gets its turn between runs.
    private void PostToContext(SynchronizationContext context)
    {
        try
        {
            context.Post(_drainOnContext, this);
        }
        catch (Exception ex)
        {
            // The app's context takes no more work (a UI loop that has ended): what is queued is reported, not lost silently.
            while (_queue.TryDequeue(out var item))
            {
                if (item.Kind == ItemKind.ServerEvent)
                {
                    _room.Release();
                }

                _router.ReportHandlerContextFailure(item.Name ?? item.Kind.ToString(), item.Payload, ex);
            }

            Interlocked.Exchange(ref _state, Idle);
            if (Volatile.Read(ref _closed) == 1)
            {
                _completed.TrySetResult(true);
            }
        }
    }

    // On the app's HandlerContext, with _state Draining: one run, then the next run is posted if more came.
    private void DrainOnContext()
    {
        Drain(_runLength);
        Interlocked.Exchange(ref _state, Idle);
        if (_queue.IsEmpty)
        {
            if (Volatile.Read(ref _closed) == 1)
            {
                _completed.TrySetResult(true);
            }

            return;
        }

        ScheduleDrain();
    }

    // Runs with _state Draining; leaves it Idle, unless something came in after it let go and it took over again.
    private void DrainWhileQueued()
    {
        while (true)
        {
            Drain();

            Interlocked.Exchange(ref _state, Idle);
            if (_queue.IsEmpty)
            {
                if (Volatile.Read(ref _closed) == 1)
                {
                    _completed.TrySetResult(true);
                }

                return;
            }

            if (Interlocked.CompareExchange(ref _state, Draining, Idle) != Idle)
            {
                return; // another thread drains now
            }
        }
    }

    private void Drain(int max = int.MaxValue)
    {
        Volatile.Write(ref _undrainedEvents, 0);
        for (var taken = 0; taken < max && _queue.TryDequeue(out var item); taken++)
        {
            if (item.Kind == ItemKind.ServerEvent)
            {
                _room.Release();
                RecordLag(item.ArrivedAt);
            }

            Dispatch(item);
        }
    }

    private void RecordLag(long arrivedAt)
    {
        if (_router.Metrics.DispatchLag.Enabled)
        {
            var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - arrivedAt;
            _router.Metrics.DispatchLag.Record(elapsed * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
        }
    }

    private void Dispatch(DispatchItem item)
    {
        var outer = t_delivering;
        t_delivering = this;
        try
        {
            DispatchCore(item);
        }
        finally
        {
            t_delivering = outer;
        }
    }

    private void DispatchCore(DispatchItem item)
    {
        switch (item.Kind)
        {
            case ItemKind.ServerEvent:
                DispatchEvent(item.Name!, item.Payload);
                break;
            case ItemKind.Resync:
                _router.RequestResync((ResyncRequired)item.Signal!);
                break;
            case ItemKind.StateChange:
                _deliverStateChange((ConnectionStateChange)item.Signal!);
                break;
            case ItemKind.ConnectionFailure:
                _router.ReportConnectionFailure((Exception)item.Signal!);
                break;
            case ItemKind.FrameRejected:
                _router.ReportFrameRejected((FrameRejection)item.Signal!);
                break;
            case ItemKind.Injected:
                ((Action)item.Signal!)();
                break;
        }
    }

    private void DispatchEvent(string name, ReadOnlyMemory<byte> payload)
    {
        if (name == EventNames.DatabaseChange)
        {
            _router.DispatchDatabaseChange(payload);
        }
        else if (name == EventNames.ProjectEvent)
        {
            _router.DispatchProjectEvent(payload);
        }
    }

    private readonly record struct DispatchItem(ItemKind Kind, string? Name, ReadOnlyMemory<byte> Payload, long ArrivedAt, object? Signal);
}
