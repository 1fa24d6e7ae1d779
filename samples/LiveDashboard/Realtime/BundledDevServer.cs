using Skaftin.Realtime.DevServer;

namespace LiveDashboard.Realtime;

/// <summary>
/// For <c>dotnet run</c> with no <c>Skaftin:ApiUrl</c> configured: starts the repository's dev server (127.0.0.1 only)
/// and gives it the dashboard's tables and a few rows, so the page has something to show.
/// </summary>
public static class BundledDevServer
{
    /// <summary>Starts the dev server and seeds <paramref name="project"/>.</summary>
    /// <param name="project">The project the dashboard shows.</param>
    /// <returns>The running server; dispose it to stop it.</returns>
    public static async Task<SkaftinDevServer> StartAsync(string project)
    {
        var server = await SkaftinDevServer.StartAsync();
        try
        {
            var api = server.Api;
            await DashboardSchema.CreateAsync(api, project);
            await api.InsertAsync(project, "vehicles", new { registration_number = "CA 123-456", status = "available", capacity = 14 });
            await api.InsertAsync(project, "vehicles", new { registration_number = "CA 987-654", status = "in_service", capacity = 22 });
            await api.InsertAsync(project, "vehicles", new { registration_number = "CY 555-111", status = "out_of_service" });
            await api.InsertAsync(project, "drivers", new { name = "Thandi" });
            await api.InsertAsync(project, "drivers", new { name = "Sipho" });
            await api.InsertAsync(project, "associations", new { name = "Cape Town Taxi Association", location = "Bellville" });
            return server;
        }
        catch
        {
            await server.DisposeAsync();
            throw;
        }
    }
}
