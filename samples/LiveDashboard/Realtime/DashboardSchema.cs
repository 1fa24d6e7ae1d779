using System.Threading;
using System.Threading.Tasks;
using Skaftin.Realtime.DevServer;

namespace LiveDashboard.Realtime;

/// <summary>
/// The three tables the dashboard reads, created on the bundled dev server. The browser test compiles this same file,
/// so the sample and its test cannot disagree about the schema.
/// </summary>
public static class DashboardSchema
{
    /// <summary>Creates <c>vehicles</c>, <c>drivers</c> and <c>associations</c> in <paramref name="project"/>.</summary>
    /// <param name="api">The dev server's HTTP API.</param>
    /// <param name="project">The project to create them in.</param>
    /// <param name="cancellationToken">Abandons the calls.</param>
    /// <returns>A task that completes when the tables exist.</returns>
    public static async Task CreateAsync(SkaftinDevServerApi api, string project, CancellationToken cancellationToken = default)
    {
        await api.CreateTableAsync(project, "vehicles", new[]
        {
            new DevColumn("id", "integer", PrimaryKey: true),
            new DevColumn("registration_number", "text", Nullable: false),
            new DevColumn("status", "text", Nullable: false),
            new DevColumn("capacity", "integer"),
        }, cancellationToken);
        await api.CreateTableAsync(project, "drivers", new[]
        {
            new DevColumn("id", "integer", PrimaryKey: true),
            new DevColumn("name", "text", Nullable: false),
        }, cancellationToken);
        await api.CreateTableAsync(project, "associations", new[]
        {
            new DevColumn("id", "integer", PrimaryKey: true),
            new DevColumn("name", "text", Nullable: false),
            new DevColumn("location", "text"),
        }, cancellationToken);
    }
}
