using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>Settings of a <see cref="LiveTable{TRow, TKey}"/> that orders its rows with the app's comparer.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
public sealed class LiveTableOptions<TRow> : LiveTableOptions
    where TRow : class
{
    /// <summary>
    /// How rows are ordered, such as by name; rows it calls equal are ordered by key. Null (default) orders by key
    /// alone, with <see cref="Comparer{T}.Default"/> of the key type. It must give the same answer for the same two rows
    /// every time (compare immutable values). An update that moves a row raises Replace at its old index, then Move.
    /// </summary>
    public IComparer<TRow>? Order { get; set; }
}
