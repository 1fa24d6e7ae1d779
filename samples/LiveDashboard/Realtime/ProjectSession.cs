using Skaftin.Realtime;

namespace LiveDashboard.Realtime;

/// <summary>
/// Holds the dashboard's place in its project's room for the app's lifetime. The client joins held rooms on every new
/// connection by itself (after a reconnect, and after the Reconnect button started it again), so this only joins once.
/// </summary>
public sealed class ProjectSession(SkaftinRealtimeClient client, DashboardOptions dashboard) : IHostedService, IAsyncDisposable
{
    private ProjectMembership? _membership;

    /// <summary>Joins the project; the client is connected by the hosted service that <c>AddSkaftinRealtime</c> adds.</summary>
    /// <param name="cancellationToken">Abandons the join.</param>
    /// <returns>A task that completes once the join is sent (or remembered until the client connects).</returns>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _membership = await client.JoinProjectAsync(dashboard.Project, cancellationToken);

    /// <summary>Leaves the project's room.</summary>
    /// <param name="cancellationToken">Not used: leaving is quick.</param>
    /// <returns>A task that completes when left.</returns>
    public async Task StopAsync(CancellationToken cancellationToken) => await DisposeAsync();

    /// <summary>Leaves the project's room.</summary>
    /// <returns>A task that completes when left.</returns>
    public async ValueTask DisposeAsync()
    {
        var membership = Interlocked.Exchange(ref _membership, null);
        if (membership is not null)
        {
            await membership.DisposeAsync();
        }
    }
}
