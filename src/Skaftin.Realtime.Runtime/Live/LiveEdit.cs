using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>What happened to a live table's rows, queued in order until it is shown to the app's view.</summary>
internal enum LiveEditKind
{
    /// <summary>A row was inserted or replaced.</summary>
    Upsert,

    /// <summary>A row was deleted.</summary>
    Delete,

    /// <summary>Every row was loaded again.</summary>
    Reset,

    /// <summary>A load started or ended.</summary>
    LoadingChanged,

    /// <summary>The table's <see cref="LiveTableStatus"/> (or its error) changed.</summary>
    StatusChanged,
}

/// <summary>One queued change of a live table, applied to its <see cref="SortedRowView{TRow, TKey}"/> on the notification context.</summary>
/// <typeparam name="TRow">The row type.</typeparam>
/// <typeparam name="TKey">The key type.</typeparam>
internal sealed class LiveEdit<TRow, TKey>
    where TRow : class
    where TKey : notnull
{
    private LiveEdit(LiveEditKind kind, TKey key, TRow? row, IReadOnlyList<TRow>? rows, LiveTableStatus status = default, Exception? error = null)
    {
        Kind = kind;
        Key = key;
        Row = row;
        Rows = rows;
        Status = status;
        Error = error;
    }

    /// <summary>What happened.</summary>
    public LiveEditKind Kind { get; }

    /// <summary>The row's key (<see cref="LiveEditKind.Upsert"/>, <see cref="LiveEditKind.Delete"/>).</summary>
    public TKey Key { get; }

    /// <summary>The new row (<see cref="LiveEditKind.Upsert"/>).</summary>
    public TRow? Row { get; }

    /// <summary>Every row (<see cref="LiveEditKind.Reset"/>).</summary>
    public IReadOnlyList<TRow>? Rows { get; }

    /// <summary>The new status (<see cref="LiveEditKind.StatusChanged"/>).</summary>
    public LiveTableStatus Status { get; }

    /// <summary>The error that made the table stale (<see cref="LiveEditKind.StatusChanged"/>).</summary>
    public Exception? Error { get; }

    /// <summary>Whether the edit changes rows (<see cref="LiveEditKind.Upsert"/>, <see cref="LiveEditKind.Delete"/>, <see cref="LiveEditKind.Reset"/>).</summary>
    public bool ChangesRows => Kind is LiveEditKind.Upsert or LiveEditKind.Delete or LiveEditKind.Reset;

    public static LiveEdit<TRow, TKey> Upsert(TKey key, TRow row) => new(LiveEditKind.Upsert, key, row, null);

    public static LiveEdit<TRow, TKey> Delete(TKey key) => new(LiveEditKind.Delete, key, null, null);

    public static LiveEdit<TRow, TKey> Reset(IReadOnlyList<TRow> rows) => new(LiveEditKind.Reset, default!, null, rows);

    public static LiveEdit<TRow, TKey> LoadingChanged() => new(LiveEditKind.LoadingChanged, default!, null, null);

    public static LiveEdit<TRow, TKey> StatusChanged(LiveTableStatus status, Exception? error) => new(LiveEditKind.StatusChanged, default!, null, null, status, error);
}
