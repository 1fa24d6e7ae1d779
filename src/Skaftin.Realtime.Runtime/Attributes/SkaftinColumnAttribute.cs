using System;

namespace Skaftin.Realtime;

/// <summary>
/// Sets the column name a member is read from, overriding the snake_case default
/// (<c>RegistrationNumber</c> is read from <c>registration_number</c> unless renamed).
/// <c>System.Text.Json.Serialization.JsonPropertyNameAttribute</c> is honoured the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SkaftinColumnAttribute : Attribute
{
    /// <summary>Creates the attribute.</summary>
    /// <param name="name">The column's name on the wire.</param>
    public SkaftinColumnAttribute(string name) => Name = name;

    /// <summary>The column's name on the wire.</summary>
    public string Name { get; }
}
