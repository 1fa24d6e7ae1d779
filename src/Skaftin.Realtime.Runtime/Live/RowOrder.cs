using System;
using System.Collections.Generic;
using System.Linq;

namespace Skaftin.Realtime;

/// <summary>
/// The total order of a live table's rows: the app's comparer (when it gives one), then the key, so two rows the
/// app's comparer calls equal still have one fixed place.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class RowOrder<TRow, TKey> : IComparer<TRow>
    where TRow : class
    where TKey : notnull
{
    private readonly IComparer<TRow>? _order;
    private readonly Func<TRow, TKey> _key;
    private readonly IComparer<TKey> _keys = Comparer<TKey>.Default;

    public RowOrder(IComparer<TRow>? order, Func<TRow, TKey> key)
    {
        _order = order;
        _key = key;
    }

    /// <summary>
    /// Sorts <paramref name="rows"/> (distinct keys) in this order. With no app comparer the keys are read once and
    /// sorted with the rows as their items (no delegate call per comparison); with one, as <c>OrderBy</c> sorts.
    /// </summary>
    /// <param name="rows">The rows, sorted in place.</param>
    public void Sort(TRow[] rows)
    {
        if (_order is null)
        {
            var keys = new TKey[rows.Length];
            for (var i = 0; i < rows.Length; i++)
            {
                keys[i] = _key(rows[i]);
            }

            Array.Sort(keys, rows, _keys);
            return;
        }

        var sorted = rows.OrderBy(static row => row, this).ToArray();
        Array.Copy(sorted, rows, rows.Length);
    }

    public int Compare(TRow? x, TRow? y)
    {
        if (ReferenceEquals(x, y))
        {
            return 0;
        }

        if (x is null || y is null)
        {
            return x is null ? -1 : 1;
        }

        var byApp = _order?.Compare(x, y) ?? 0;
        return byApp != 0 ? byApp : _keys.Compare(_key(x), _key(y));
    }
}
