using System;
using System.Threading;

namespace Skaftin.Realtime;

/// <summary>
/// A list of handlers read without locks. Each subscription is an entry in an array published with its count as
/// one immutable view; reading is one volatile load, so the dispatch path never locks. Adding appends in place into
/// spare capacity (doubling when full); removing clears the entry in place (readers skip cleared entries) and
/// compacts into a fresh array once half the entries are cleared. So n subscribes or n disposes cost O(n) in total,
/// not a copy of the whole array each. A handler disposed during dispatch is not called after its disposal.
/// </summary>
internal sealed class HandlerList<T>
    where T : class
{
    private const int MinimumCapacity = 4;
    private readonly object _gate = new();
    private View _view = View.Empty;
    private int _cleared;

    /// <summary>The handlers at this moment, in subscription order (enumerate it with <c>foreach</c>).</summary>
    public Handlers Snapshot => new(Volatile.Read(ref _view));

    public bool IsEmpty
    {
        get
        {
            var view = Volatile.Read(ref _view);
            return view.Count == Volatile.Read(ref view.Cleared);
        }
    }

    public IDisposable Add(T handler)
    {
        if (handler is null)
        {
            throw new ArgumentNullException(nameof(handler));
        }

        var entry = new Entry(this, handler);
        lock (_gate)
        {
            var view = _view;
            var items = view.Items;
            if (view.Count == items.Length)
            {
                items = new Entry[Math.Max(MinimumCapacity, view.Count * 2)];
                Array.Copy(view.Items, items, view.Count);
            }

            // The slot is past every published view's count, so no reader sees it before the new view.
            items[view.Count] = entry;
            Volatile.Write(ref _view, new View(items, view.Count + 1, _cleared));
        }

        return entry;
    }

    private void Remove(Entry entry)
    {
        lock (_gate)
        {
            Volatile.Write(ref entry.Handler, null);
            _cleared++;
            var view = _view;
            if (_cleared * 2 < view.Count)
            {
                Volatile.Write(ref view.Cleared, _cleared);
                return;
            }

            // Half the entries are cleared: the live ones go to a fresh array (readers may be iterating the current one).
            var live = view.Count - _cleared;
            var items = live == 0 ? Array.Empty<Entry>() : new Entry[Math.Max(MinimumCapacity, live * 2)];
            var next = 0;
            for (var i = 0; i < view.Count; i++)
            {
                if (view.Items[i].Handler is not null)
                {
                    items[next++] = view.Items[i];
                }
            }

            _cleared = 0;
            Volatile.Write(ref _view, live == 0 ? View.Empty : new View(items, live, 0));
        }
    }

    /// <summary>The live handlers of one view.</summary>
    public readonly struct Handlers
    {
        private readonly View _view;

        internal Handlers(View view) => _view = view;

        public Enumerator GetEnumerator() => new(_view);
    }

    /// <summary>Enumerates a view, skipping entries disposed meanwhile.</summary>
    public struct Enumerator
    {
        private readonly View _view;
        private int _index;
        private T? _current;

        internal Enumerator(View view)
        {
            _view = view;
            _index = -1;
            _current = null;
        }

        public readonly T Current => _current!;

        public bool MoveNext()
        {
            while (++_index < _view.Count)
            {
                _current = Volatile.Read(ref _view.Items[_index].Handler);
                if (_current is not null)
                {
                    return true;
                }
            }

            return false;
        }
    }

    internal sealed class View(Entry[] items, int count, int cleared)
    {
        public static readonly View Empty = new(Array.Empty<Entry>(), 0, 0);

        public readonly Entry[] Items = items;

        public readonly int Count = count;

        // Entries of this view cleared so far (for IsEmpty).
        public int Cleared = cleared;
    }

    internal sealed class Entry(HandlerList<T> owner, T handler) : IDisposable
    {
        private HandlerList<T>? _owner = owner;

        public T? Handler = handler;

        public void Dispose() => Interlocked.Exchange(ref _owner, null)?.Remove(this);
    }
}
