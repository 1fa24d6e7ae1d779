using System;

namespace Skaftin.Realtime;

/// <summary>
/// Excludes a settable property from row decoding. <c>System.Text.Json.Serialization.JsonIgnoreAttribute</c>
/// is honoured the same way.
/// </summary>
[AttributeUsage(AttributeTargets.Property, AllowMultiple = false, Inherited = false)]
public sealed class SkaftinIgnoreAttribute : Attribute
{
}
