namespace Skaftin.Realtime;

/// <summary>
/// A row was updated and the server sent only some of its columns, with no whole previous row to complete them from.
/// A <see cref="LiveTable{TRow, TKey}"/> completes it from the row it holds; an app that keeps rows does the same with
/// <see cref="RowPatch{TRow, TKey}.TryApplyTo"/>.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Key">The updated row's key (default when the row type has none: see <see cref="RowPatch{TRow, TKey}.HasKey"/>).</param>
/// <param name="Patch">The columns that came, typed.</param>
public sealed record RowPatched<TRow, TKey>(TKey Key, RowPatch<TRow, TKey> Patch) : RowChange<TRow, TKey>
    where TRow : class
{
    /// <inheritdoc />
    public override DatabaseChangeType Type => DatabaseChangeType.Update;
}
