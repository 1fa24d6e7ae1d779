using Skaftin.Realtime;

namespace LiveDashboard.Models;

/// <summary>A row of the <c>associations</c> table; the dashboard counts them and refreshes when they change.</summary>
/// <param name="Id">The key.</param>
/// <param name="Name">The taxi association's name.</param>
/// <param name="Location">Where it operates, when known.</param>
[SkaftinTable("associations")]
public sealed record Association([property: SkaftinKey] long Id, string Name, string? Location);
