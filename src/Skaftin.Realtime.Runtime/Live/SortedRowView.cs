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

    /// <summary>Applies one edit; <paramref name="raise"/> (when given) gets each step's notification after the step.</summary>
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
                lock (_sync)
                {
                    _items.Clear();
                    _byKey.Clear();
                    foreach (var row in edit.Rows!)
                    {
                        _byKey[_key(row)] = row;
                    }

                    _items.AddRange(_byKey.Values.OrderBy(static row => row, _order));
                }

                raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
                break;
        }
    }

    private void Upsert(TKey key, TRow row, Action<NotifyCollectionChangedEventArgs>? raise)
    {
        int index;
        TRow? previous;
        lock (_sync)
        {
            if (!_byKey.TryGetValue(key, out previous))
            {
                index = InsertionPoint(row);
                _items.Insert(index, row);
                _byKey[key] = row;
            }
            else
            {
                index = IndexOf(previous);
                _items[index] = row;
                _byKey[key] = row;
            }
        }

        if (previous is null)
        {
            raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Add, row, index));
            return;
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Replace, row, previous, index));

        // The new row may sort elsewhere: move it there, as a view moves one item.
        int target;
        lock (_sync)
        {
            if (InPlace(index))
            {
                return;
            }

            _items.RemoveAt(index);
            target = InsertionPoint(row);
            _items.Insert(target, row);
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Move, row, target, index));
    }

    private void Delete(TKey key, Action<NotifyCollectionChangedEventArgs>? raise)
    {
        int index;
        TRow? previous;
        lock (_sync)
        {
            if (!_byKey.TryGetValue(key, out previous))
            {
                return;
            }

            index = IndexOf(previous);
            _items.RemoveAt(index);
            _byKey.Remove(key);
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Remove, previous, index));
    }

    // Under the lock.
    private bool InPlace(int index) =>
        (index == 0 || _order.Compare(_items[index - 1], _items[index]) < 0)
        && (index == _items.Count - 1 || _order.Compare(_items[index], _items[index + 1]) < 0);

    // Under the lock. A comparer that does not keep its word (one that reads mutable state) still finds the row.
    private int IndexOf(TRow row)
    {
        var index = _items.BinarySearch(row, _order);
        if (index >= 0 && ReferenceEquals(_items[index], row))
        {
            return index;
        }

        return _items.FindIndex(item => ReferenceEquals(item, row));
    }

    // Under the lock: where a row whose key is not in the list goes.
    private int InsertionPoint(TRow row)
    {
        var index = _items.BinarySearch(row, _order);
        return index >= 0 ? index : ~index;
    }
}
