using System;

namespace Skaftin.Realtime;

/// <summary>
/// A typed change to one row of a declared table: <see cref="RowInserted{TRow, TKey}"/>,
/// <see cref="RowUpdated{TRow, TKey}"/>, <see cref="RowPatched{TRow, TKey}"/> (an update that carried only some
/// columns) or <see cref="RowDeleted{TRow, TKey}"/>.
/// </summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type, or <see cref="SkaftinNoKey"/>.</typeparam>
public abstract record RowChange<TRow, TKey> : IDatabaseEvent
    where TRow : class
{
    private protected RowChange()
    {
    }

    /// <summary>The change's type: insert, update or delete.</summary>
    public abstract DatabaseChangeType Type { get; }

    /// <summary>The project the change belongs to.</summary>
    public required string ProjectId { get; init; }

    /// <summary>The table's wire name.</summary>
    public required string TableName { get; init; }

    /// <summary>
    /// When the server says it made the change: its clock, data for the app, not an ordering key (changes arrive in
    /// order); null when the event carried none.
    /// </summary>
    public required DateTimeOffset? Timestamp { get; init; }
}

/// <summary>A row was inserted.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Row">The new row.</param>
public sealed record RowInserted<TRow, TKey>(TRow Row) : RowChange<TRow, TKey>
    where TRow : class
{
    /// <inheritdoc />
    public override DatabaseChangeType Type => DatabaseChangeType.Insert;
}

/// <summary>A row was updated.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Row">The row as it is now.</param>
/// <param name="OldRow">The row as it was, or null when the server sent no complete <c>oldData</c>.</param>
public sealed record RowUpdated<TRow, TKey>(TRow Row, TRow? OldRow) : RowChange<TRow, TKey>
    where TRow : class
{
    /// <inheritdoc />
    public override DatabaseChangeType Type => DatabaseChangeType.Update;

    /// <summary>
    /// The columns the server sent, when it sent only some and <see cref="Row"/> was completed from <see cref="OldRow"/>;
    /// null when it sent the whole row.
    /// </summary>
    public RowPatch<TRow, TKey>? Patch { get; init; }
}

/// <summary>A row was deleted.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
/// <param name="Key">The deleted row's key (default when the row type has none: see <see cref="HasKey"/>).</param>
/// <param name="Row">The deleted row, when the server sent a complete one; null when it sent only the key.</param>
public sealed record RowDeleted<TRow, TKey>(TKey Key, TRow? Row) : RowChange<TRow, TKey>
    where TRow : class
{
    /// <inheritdoc />
    public override DatabaseChangeType Type => DatabaseChangeType.Delete;

    /// <summary>Whether <see cref="Key"/> was read from the event (false only for tables without a key).</summary>
    public bool HasKey { get; init; } = true;
}
