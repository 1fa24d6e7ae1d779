using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;

namespace Skaftin.Realtime;

/// <summary>
/// The rows a live table shows, sorted by its <see cref="RowOrder{TRow, TKey}"/>. One writer applies edits step by
/// step and is told each step's notification right after the step, with the real indices, so a handler that reads the
/// view sees exactly the state its notification describes. Readers on other threads see whole steps.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class SortedRowView<TRow, TKey>
    where TRow : class
    where TKey : notnull
{
    private readonly object _sync = new();
    private readonly IComparer<TRow> _order;
    private readonly Func<TRow, TKey> _key;
    private readonly List<TRow> _items = new();
    private readonly Dictionary<TKey, TRow> _byKey = new();

    public SortedRowView(IComparer<TRow> order, Func<TRow, TKey> key)
    {
        _order = order;
        _key = key;
    }

    public int Count
    {
        get
        {
            lock (_sync)
            {
                return _items.Count;
            }
        }
    }

    public TRow this[int index]
    {
        get
        {
            lock (_sync)
            {
                return _items[index];
            }
        }
    }

    public bool TryGet(TKey key, out TRow row)
    {
        lock (_sync)
        {
            return _byKey.TryGetValue(key, out row!);
        }
    }

    public List<TRow> ToList()
    {
        lock (_sync)
        {
            return new List<TRow>(_items);
        }
    }

    /// <summary>
    /// Applies one edit; <paramref name="raise"/> (when given) gets each step's notification after the step. Only the
    /// one writer calls it, so it reads the list without the lock: the app's comparer runs outside it, and the lock is
    /// held only while a step changes the list.
    /// </summary>
    /// <param name="edit">The edit.</param>
    /// <param name="raise">Gets each step's notification; null to apply silently.</param>
    public void Apply(LiveEdit<TRow, TKey> edit, Action<NotifyCollectionChangedEventArgs>? raise)
    {
        switch (edit.Kind)
        {
            case LiveEditKind.Upsert:
                Upsert(edit.Key, edit.Row!, raise);
                break;
            case LiveEditKind.Delete:
                Delete(edit.Key, raise);
                break;
            case LiveEditKind.Reset:
                var byKey = new Dictionary<TKey, TRow>();
                foreach (var row in edit.Rows!)
                {
                    byKey[_key(row)] = row;
                }

                var sorted = byKey.Values.OrderBy(static row => row, _order).ToList();
                lock (_sync)
                {
                    _items.Clear();
                    _items.AddRange(sorted);
                    _byKey.Clear();
                    foreach (var pair in byKey)
                    {
                        _byKey.Add(pair.Key, pair.Value);
                    }
                }

                raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
                break;
        }
    }

    private void Upsert(TKey key, TRow row, Action<NotifyCollectionChangedEventArgs>? raise)
    {
        if (!_byKey.TryGetValue(key, out var previous))
        {
            var at = InsertionPoint(row, 0, _items.Count);
            lock (_sync)
            {
                _items.Insert(at, row);
                _byKey[key] = row;
            }

            raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Add, row, at));
            return;
        }

        var index = IndexOf(previous);
        lock (_sync)
        {
            _items[index] = row;
            _byKey[key] = row;
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Replace, row, previous, index));

        // The new row may sort elsewhere: move it there, as a view moves one item. Its place among the others is
        // looked for on the side it goes to (the list without it is the same there, but for the shift after it).
        if (InPlace(index))
        {
            return;
        }

        var target = index > 0 && _order.Compare(_items[index - 1], row) >= 0
            ? InsertionPoint(row, 0, index)
            : InsertionPoint(row, index + 1, _items.Count - index - 1) - 1;
        lock (_sync)
        {
            _items.RemoveAt(index);
            _items.Insert(target, row);
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Move, row, target, index));
    }

    private void Delete(TKey key, Action<NotifyCollectionChangedEventArgs>? raise)
    {
        if (!_byKey.TryGetValue(key, out var previous))
        {
            return;
        }

        var index = IndexOf(previous);
        lock (_sync)
        {
            _items.RemoveAt(index);
            _byKey.Remove(key);
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Remove, previous, index));
    }

    // The writer's, without the lock: whether the row at index is between its neighbours.
    private bool InPlace(int index) =>
        (index == 0 || _order.Compare(_items[index - 1], _items[index]) < 0)
        && (index == _items.Count - 1 || _order.Compare(_items[index], _items[index + 1]) < 0);

    // The writer's, without the lock. A comparer that does not keep its word (one that reads mutable state) still finds the row.
    private int IndexOf(TRow row)
    {
        var index = _items.BinarySearch(row, _order);
        if (index >= 0 && ReferenceEquals(_items[index], row))
        {
            return index;
        }

        return _items.FindIndex(item => ReferenceEquals(item, row));
    }

    // The writer's, without the lock: where a row whose key is not among items [start, start + count) goes.
    private int InsertionPoint(TRow row, int start, int count)
    {
        var index = _items.BinarySearch(start, count, row, _order);
        return index >= 0 ? index : ~index;
    }
}
