using System;
using System.Collections.Generic;
using System.Collections.Specialized;

namespace Skaftin.Realtime;

/// <summary>
/// The rows a live table shows, sorted by its <see cref="RowOrder{TRow, TKey}"/>. One writer applies edits step by
/// step and is told each step's notification right after the step, with the real indices, so a handler that reads the
/// view sees exactly the state its notification describes. Readers on other threads see whole steps. The rows are kept
/// in a <see cref="CountedRowTree{T}"/>, so an insert, delete or move costs O(log n) at any size, and a reset builds it
/// in O(n) once the rows are sorted.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class SortedRowView<TRow, TKey>
    where TRow : class
    where TKey : notnull
{
    private readonly object _sync = new();
    private readonly RowOrder<TRow, TKey> _order;
    private readonly Func<TRow, TKey> _key;
    private readonly CountedRowTree<TRow> _items;
    private Dictionary<TKey, TRow> _byKey = new();

    /// <summary>Creates an empty view.</summary>
    /// <param name="order">The rows' total order.</param>
    /// <param name="key">Reads a row's key.</param>
    /// <param name="leafCapacity">The rows one leaf of the tree holds at most (small only in tests).</param>
    /// <param name="branchCapacity">The children one branch of the tree holds at most (small only in tests).</param>
    public SortedRowView(
        RowOrder<TRow, TKey> order,
        Func<TRow, TKey> key,
        int leafCapacity = CountedRowTree<TRow>.DefaultLeafCapacity,
        int branchCapacity = CountedRowTree<TRow>.DefaultBranchCapacity)
    {
        _order = order;
        _key = key;
        _items = new CountedRowTree<TRow>(leafCapacity, branchCapacity);
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
            var list = new List<TRow>(_items.Count);
            _items.AddTo(list);
            return list;
        }
    }

    /// <summary>The first broken rule of the tree's shape, or null (for tests; the writer's, or with no writer running).</summary>
    /// <returns>What is wrong, or null.</returns>
    internal string? FindBrokenInvariant()
    {
        lock (_sync)
        {
            return _items.FindBrokenInvariant() ?? (_items.Count == _byKey.Count ? null : $"{_items.Count} rows shown, {_byKey.Count} keys");
        }
    }

    /// <summary>
    /// Applies one edit; <paramref name="raise"/> (when given) gets each step's notification after the step. Only the
    /// one writer calls it, so it reads the rows without the lock: the app's comparer runs outside it, and the lock is
    /// held only while a step changes the rows.
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
                Reset(edit.Rows!);
                raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Reset));
                break;
        }
    }

    private void Reset(IReadOnlyList<TRow> rows)
    {
        var byKey = new Dictionary<TKey, TRow>(rows.Count);
        foreach (var row in rows)
        {
            byKey[_key(row)] = row;
        }

        // The dictionary's values come in the order their keys were first added: rows a loader returns in order (a
        // REST call ordered by key) need no sort, only the one pass that sees they are in order.
        var sorted = new TRow[byKey.Count];
        byKey.Values.CopyTo(sorted, 0);
        if (!InOrder(sorted))
        {
            _order.Sort(sorted);
        }

        lock (_sync)
        {
            _items.Load(sorted);
            _byKey = byKey;
        }
    }

    private void Upsert(TKey key, TRow row, Action<NotifyCollectionChangedEventArgs>? raise)
    {
        if (!_byKey.TryGetValue(key, out var previous))
        {
            var at = _items.LowerBound(row, _order);
            lock (_sync)
            {
                _items.Insert(at, row);
                _byKey[key] = row;
            }

            raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Add, row, at));
            return;
        }

        // Where the new row goes among the others is looked for while the rows are still in order (before the
        // Replace): the rows less than it, less the previous one when that is among them.
        var index = IndexOf(previous);
        var below = _items.LowerBound(row, _order);
        var target = below > index ? below - 1 : below;
        lock (_sync)
        {
            _items.Set(index, row);
            _byKey[key] = row;
        }

        raise?.Invoke(new NotifyCollectionChangedEventArgs(NotifyCollectionChangedAction.Replace, row, previous, index));

        // The new row may sort elsewhere: move it there, as a view moves one item.
        if (target == index)
        {
            return;
        }

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

    // The writer's, without the lock: whether each row sorts before the next.
    private bool InOrder(TRow[] rows)
    {
        for (var i = 1; i < rows.Length; i++)
        {
            if (_order.Compare(rows[i - 1], rows[i]) >= 0)
            {
                return false;
            }
        }

        return true;
    }

    // The writer's, without the lock. A comparer that does not keep its word (one that reads mutable state) still finds
    // the row, by a walk through every row.
    private int IndexOf(TRow row)
    {
        var index = _items.LowerBound(row, _order);
        if (index < _items.Count && ReferenceEquals(_items[index], row))
        {
            return index;
        }

        return _items.IndexOfReference(row);
    }
}
