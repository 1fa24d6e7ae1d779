using System;
using System.Collections.Concurrent;
using System.Threading;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// A stand-in for a UI thread (or a Blazor circuit's renderer): one dedicated thread, whose current context is this one,
/// that runs what is sent or posted to it in order.
/// </summary>
internal sealed class SingleThreadContext : SynchronizationContext, IDisposable
{
    private readonly BlockingCollection<(SendOrPostCallback Callback, object? State, ManualResetEventSlim? Done)> _work = new();
    private readonly Thread _thread;
    private int _sends;

    public SingleThreadContext()
    {
        _thread = new Thread(() =>
        {
            SetSynchronizationContext(this);
            foreach (var (callback, state, done) in _work.GetConsumingEnumerable())
            {
                callback(state);
                done?.Set();
            }
        }) { IsBackground = true };
        _thread.Start();
    }

    public int ThreadId => _thread.ManagedThreadId;

    /// <summary>Work waiting for the thread.</summary>
    public int Queued => _work.Count;

    public override void Post(SendOrPostCallback d, object? state) => _work.Add((d, state, null));

    /// <summary>How many times work was sent (a caller blocked until it ran) rather than posted.</summary>
    public int Sends => Volatile.Read(ref _sends);

    public override void Send(SendOrPostCallback d, object? state)
    {
        Interlocked.Increment(ref _sends);
        using var done = new ManualResetEventSlim();
        _work.Add((d, state, done));
        done.Wait();
    }

    /// <summary>Runs <paramref name="work"/> on the thread and returns its result.</summary>
    public T Run<T>(Func<T> work)
    {
        T result = default!;
        Exception? failure = null;
        Send(_ =>
        {
            try
            {
                result = work();
            }
            catch (Exception ex)
            {
                failure = ex;
            }
        }, null);
        return failure is null ? result : throw failure;
    }

    public void Dispose() => _work.CompleteAdding();
}
