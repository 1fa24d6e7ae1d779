namespace LiveDashboard.Realtime;

/// <summary>Which project the dashboard shows (<c>LiveDashboard:Project</c>, default <c>demo</c>).</summary>
/// <param name="Project">The project id.</param>
public sealed record DashboardOptions(string Project);
