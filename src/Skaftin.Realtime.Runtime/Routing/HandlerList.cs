using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// A copy-on-write list of handlers: adding and removing take a lock, reading is one volatile load, so the
/// dispatch path never locks and a handler that unsubscribes during dispatch does not disturb the loop.
/// </summary>
internal sealed class HandlerList<T>
    where T : class
{
    private readonly object _gate = new();
    private T[] _handlers = Array.Empty<T>();

    public T[] Snapshot => Volatile.Read(ref _handlers);

    public bool IsEmpty => Snapshot.Length == 0;

    public IDisposable Add(T handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        lock (_gate)
        {
            var next = new T[_handlers.Length + 1];
            _handlers.CopyTo(next, 0);
            next[^1] = handler;
            Volatile.Write(ref _handlers, next);
        }

        return new Subscription(this, handler);
    }

    private void Remove(T handler)
    {
        lock (_gate)
        {
            var index = Array.IndexOf(_handlers, handler);
            if (index < 0)
            {
                return;
            }

            var next = new T[_handlers.Length - 1];
            Array.Copy(_handlers, 0, next, 0, index);
            Array.Copy(_handlers, index + 1, next, index, _handlers.Length - index - 1);
            Volatile.Write(ref _handlers, next);
        }
    }

    private sealed class Subscription(HandlerList<T> owner, T handler) : IDisposable
    {
        private HandlerList<T>? _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Remove(handler);
    }
}
