using System;

namespace Skaftin.Realtime;

/// <summary>
/// One column of a <see cref="RowPatch{TRow, TKey}"/>: its typed value when the server sent the column, else absent.
/// An absent column has no value to read (never a default standing in for one).
/// </summary>
/// <typeparam name="T">The member's type.</typeparam>
public readonly struct PatchValue<T>
{
    private readonly T _value;

    /// <summary>A column that came with this value.</summary>
    /// <param name="value">The value as the generated reader read it.</param>
    public PatchValue(T value)
    {
        _value = value;
        IsPresent = true;
    }

    /// <summary>Whether the server sent the column.</summary>
    public bool IsPresent { get; }

    /// <summary>The column's value.</summary>
    /// <exception cref="InvalidOperationException">The server did not send the column.</exception>
    public T Value => IsPresent ? _value : throw new InvalidOperationException("The column is not in the patch: the server did not send it.");

    /// <summary>Gets the column's value when the server sent it.</summary>
    /// <param name="value">The value, when present.</param>
    /// <returns>Whether the server sent the column.</returns>
    public bool TryGetValue(out T value)
    {
        value = _value;
        return IsPresent;
    }

    /// <inheritdoc />
    public override string ToString() => IsPresent ? _value?.ToString() ?? "null" : "(absent)";
}
