using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>
/// The columns an update carried when the server sent only some of them (the seed's "new/updated data"), each read
/// by the table's generated reader as strictly as a whole row. The generated <c>{Type}Patch</c> class derives from
/// this and has one <see cref="PatchValue{T}"/> property per member; a patch is applied to a whole row with
/// <see cref="TryApplyTo"/>, and never stands in for a row by itself.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type, or <see cref="SkaftinNoKey"/>.</typeparam>
public abstract class RowPatch<TRow, TKey>
    where TRow : class
{
    private readonly SkaftinRowReader<TRow, TKey> _reader;

    /// <summary>Creates a patch. Called by generated code.</summary>
    /// <param name="reader">The table's reader, which merges the patch into rows.</param>
    /// <param name="columns">The wire names of the columns that came, in the row type's member order.</param>
    /// <param name="memberCount">How many columns the row type has.</param>
    /// <param name="key">The row's key, when <paramref name="hasKey"/>.</param>
    /// <param name="hasKey">Whether the key column came.</param>
#pragma warning disable RS0022 // Generated patch classes derive from this type by design.
    protected RowPatch(SkaftinRowReader<TRow, TKey> reader, IReadOnlyList<string> columns, int memberCount, TKey key, bool hasKey)
#pragma warning restore RS0022
    {
        _reader = reader ?? throw new ArgumentNullException(nameof(reader));
        Columns = columns ?? throw new ArgumentNullException(nameof(columns));
        IsComplete = columns.Count == memberCount;
        Key = key;
        HasKey = hasKey;
    }

    /// <summary>The key of the row the patch changes, when <see cref="HasKey"/>.</summary>
    public TKey Key { get; }

    /// <summary>Whether the key column came.</summary>
    public bool HasKey { get; }

    /// <summary>The wire names of the columns that came, in the row type's member order.</summary>
    public IReadOnlyList<string> Columns { get; }

    /// <summary>Whether every column of the row type came (then <see cref="ToRow"/> gives the whole row).</summary>
    public bool IsComplete { get; }

    /// <summary>Whether the column with this wire name came.</summary>
    /// <param name="column">The column's wire name.</param>
    /// <returns>Whether it is in the patch.</returns>
    public bool Contains(string column)
    {
        foreach (var name in Columns)
        {
            if (string.Equals(name, column, StringComparison.Ordinal))
            {
                return true;
            }
        }

        return false;
    }

    /// <summary>The whole row, when every column came.</summary>
    /// <returns>The row.</returns>
    /// <exception cref="InvalidOperationException">The patch is not <see cref="IsComplete"/>.</exception>
    public TRow ToRow() =>
        (IsComplete ? _reader.Merge(this, null) : null)
        ?? throw new InvalidOperationException($"The patch of table '{_reader.TableName}' holds {Columns.Count} columns, not the whole row.");

    /// <summary>
    /// The row <paramref name="row"/> becomes with the patch's columns: the columns that came take their new values,
    /// the others keep <paramref name="row"/>'s. False (and no row) when the row type has a member the patch lacks
    /// and whose value cannot be read back from a row (a constructor parameter without a readable property).
    /// </summary>
    /// <param name="row">The whole row before the change.</param>
    /// <param name="merged">The whole row after the change.</param>
    /// <returns>Whether the row could be completed.</returns>
    public bool TryApplyTo(TRow row, out TRow merged)
    {
        if (row is null)
        {
            throw new ArgumentNullException(nameof(row));
        }

        var result = _reader.Merge(this, row);
        merged = result!;
        return result is not null;
    }

    /// <inheritdoc />
    public override string ToString() => $"patch of {_reader.TableName}: {string.Join(", ", Columns)}";
}
