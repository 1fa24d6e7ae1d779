using System;
using System.Threading;
using System.Threading.Channels;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// Hands everything the app hears to its handlers, one at a time and in order, through one path: server events,
/// resync signals, connection state changes and connection failures alike, on the client's dispatch task (or the
/// app's <see cref="SkaftinRealtimeOptions.HandlerContext"/>), or with <see cref="SkaftinRealtimeOptions.DispatchOnReceiveThread"/>
/// on the socket's receive thread. Only server events count against <see cref="SkaftinRealtimeOptions.DispatchQueueCapacity"/>:
/// a signal about the connection is never refused.
/// </summary>
internal sealed class DispatchPump
{
    private readonly SkaftinRealtimeOptions _options;
    private readonly SkaftinEventRouter _router;
    private readonly Action<ConnectionStateChange> _deliverStateChange;
    private readonly Channel<DispatchItem> _queue = Channel.CreateUnbounded<DispatchItem>(new UnboundedChannelOptions { SingleReader = true });
    private readonly SemaphoreSlim _room;
    private readonly CancellationTokenSource _closing = new();

    // With DispatchOnReceiveThread: the receive thread and the dispatch task (for queued signals) take turns.
    private readonly object _inlineGate = new();
    private readonly Task _loop;

    public DispatchPump(SkaftinRealtimeOptions options, SkaftinEventRouter router, Action<ConnectionStateChange> deliverStateChange)
    {
        _options = options;
        _router = router;
        _deliverStateChange = deliverStateChange;
        _room = new SemaphoreSlim(options.DispatchQueueCapacity, options.DispatchQueueCapacity);
        _loop = Task.Run(LoopAsync);
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
    public void PostEvent(string name, ReadOnlyMemory<byte> payload)
    {
        if (_options.DispatchOnReceiveThread)
        {
            // Anything queued before (a resync signal, a state change) goes first, then this event.
            lock (_inlineGate)
            {
                Drain();
                DispatchEvent(name, payload);
            }

            return;
        }

        if (!_room.Wait(0) && !WaitForRoom())
        {
            _router.ReportQueueFull(name, payload);
            return;
        }

        if (!_queue.Writer.TryWrite(new DispatchItem(ItemKind.ServerEvent, name, payload, System.Diagnostics.Stopwatch.GetTimestamp(), null)))
        {
            _room.Release(); // the client is closing: nothing is delivered any more
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

    /// <summary>Delivers what is queued, then ends; waits for that.</summary>
    public Task CompleteAsync()
    {
        Complete();
        return _loop;
    }

    /// <summary>Delivers what is queued, then ends, without waiting (a synchronous dispose must never wait on the handler context).</summary>
    public void Complete()
    {
        if (_queue.Writer.TryComplete())
        {
            _closing.Cancel();
        }
    }

    private void PostSignal(ItemKind kind, object signal)
    {
        if (!_queue.Writer.TryWrite(new DispatchItem(kind, null, ReadOnlyMemory<byte>.Empty, System.Diagnostics.Stopwatch.GetTimestamp(), signal)))
        {
            // After the final drain: deliver here rather than lose it.
            Dispatch(new DispatchItem(kind, null, ReadOnlyMemory<byte>.Empty, 0, signal));
        }
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

    private async Task LoopAsync()
    {
        while (await _queue.Reader.WaitToReadAsync().ConfigureAwait(false))
        {
            if (_options.DispatchOnReceiveThread)
            {
                lock (_inlineGate)
                {
                    Drain();
                }
            }
            else
            {
                Drain();
            }
        }
    }

    private void Drain()
    {
        while (_queue.Reader.TryRead(out var item))
        {
            if (item.Kind == ItemKind.ServerEvent)
            {
                _room.Release();
                RecordLag(item.ArrivedAt);
            }

            if (_options.HandlerContext is { } context)
            {
                context.Send(static state => ((Work)state!).Run(), new Work(this, item));
            }
            else
            {
                Dispatch(item);
            }
        }
    }

    private static void RecordLag(long arrivedAt)
    {
        if (SkaftinTelemetry.DispatchLag.Enabled)
        {
            var elapsed = System.Diagnostics.Stopwatch.GetTimestamp() - arrivedAt;
            SkaftinTelemetry.DispatchLag.Record(elapsed * 1000.0 / System.Diagnostics.Stopwatch.Frequency);
        }
    }

    private void Dispatch(DispatchItem item)
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

    private sealed class Work(DispatchPump pump, DispatchItem item)
    {
        public void Run() => pump.Dispatch(item);
    }
}
