using Skaftin.Realtime;

namespace LiveDashboard.Models;

/// <summary>A row of the <c>drivers</c> table; the dashboard counts them and refreshes when they change.</summary>
/// <param name="Id">The key.</param>
/// <param name="Name">The driver's name.</param>
[SkaftinTable("drivers")]
public sealed record Driver([property: SkaftinKey] long Id, string Name);
