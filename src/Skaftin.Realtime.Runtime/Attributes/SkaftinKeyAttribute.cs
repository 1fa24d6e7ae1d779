using System;

namespace Skaftin.Realtime;

/// <summary>
/// Marks the member that holds a row's primary key. Delete events are decoded to this key.
/// Without it, a member named <c>Id</c> is the key.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Parameter, AllowMultiple = false, Inherited = false)]
public sealed class SkaftinKeyAttribute : Attribute
{
}
