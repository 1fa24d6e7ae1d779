using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// A list of handlers read without locks: adding and removing take a lock and publish a new immutable view
/// (array + count), reading is one volatile load, so the dispatch path never locks and a handler that unsubscribes
/// during dispatch does not disturb the loop. Adding appends in place into spare capacity (doubling when full), so
/// subscribing n handlers costs O(n) in total rather than a copy of the whole array per subscription.
/// </summary>
internal sealed class HandlerList<T>
    where T : class
{
    private const int MinimumCapacity = 4;
    private readonly object _gate = new();
    private View _view = View.Empty;

    /// <summary>The handlers at this moment, in subscription order.</summary>
    public ReadOnlySpan<T> Snapshot
    {
        get
        {
            var view = Volatile.Read(ref _view);
            return new ReadOnlySpan<T>(view.Items, 0, view.Count);
        }
    }

    public bool IsEmpty => Volatile.Read(ref _view).Count == 0;

    public IDisposable Add(T handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        lock (_gate)
        {
            var view = _view;
            var items = view.Items;
            if (view.Count == items.Length)
            {
                items = new T[Math.Max(MinimumCapacity, view.Count * 2)];
                Array.Copy(view.Items, items, view.Count);
            }

            items[view.Count] = handler;
            Volatile.Write(ref _view, new View(items, view.Count + 1));
        }

        return new Subscription(this, handler);
    }

    private void Remove(T handler)
    {
        lock (_gate)
        {
            var view = _view;
            var index = Array.IndexOf(view.Items, handler, 0, view.Count);
            if (index < 0)
            {
                return;
            }

            // Readers may be iterating the current array: the remaining handlers go to a fresh one. (So a slot past
            // a view's count was never published, and Add may fill it in place.)
            var count = view.Count - 1;
            var capacity = count <= view.Items.Length / 4 ? Math.Max(MinimumCapacity, view.Items.Length / 2) : view.Items.Length;
            var items = count == 0 ? Array.Empty<T>() : new T[capacity];
            Array.Copy(view.Items, 0, items, 0, index);
            Array.Copy(view.Items, index + 1, items, index, count - index);
            Volatile.Write(ref _view, count == 0 ? View.Empty : new View(items, count));
        }
    }

    private sealed class View(T[] items, int count)
    {
        public static readonly View Empty = new(Array.Empty<T>(), 0);

        public T[] Items { get; } = items;

        public int Count { get; } = count;
    }

    private sealed class Subscription(HandlerList<T> owner, T handler) : IDisposable
    {
        private HandlerList<T>? _owner = owner;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Remove(handler);
    }
}
