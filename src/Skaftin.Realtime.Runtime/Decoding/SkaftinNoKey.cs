using System;

namespace Skaftin.Realtime;

/// <summary>
/// The key type of a table whose row type declares no key (no <see cref="SkaftinKeyAttribute"/>
/// and no member named <c>Id</c>). Delete events of such a table carry a row only when the server
/// sent a full one.
/// </summary>
public readonly struct SkaftinNoKey : IEquatable<SkaftinNoKey>
{
    /// <inheritdoc />
    public bool Equals(SkaftinNoKey other) => true;

    /// <inheritdoc />
    public override bool Equals(object? obj) => obj is SkaftinNoKey;

    /// <inheritdoc />
    public override int GetHashCode() => 0;

    /// <inheritdoc />
    public override string ToString() => "(no key)";
}
