using Skaftin.Realtime;

namespace LiveDashboard.Realtime;

/// <summary>
/// Holds the dashboard's place in its project's room, and brings it back when the Reconnect button is pressed.
/// </summary>
/// <remarks>
/// The project is joined here rather than through <c>Skaftin:Projects</c> because the hosted service keeps those
/// memberships to itself: after the client gave up reconnecting, a manual <see cref="SkaftinRealtimeClient.ConnectAsync"/>
/// does not join the remembered rooms again, so the holder of a membership has to give it up and join anew.
/// </remarks>
public sealed class ProjectSession(SkaftinRealtimeClient client, DashboardOptions dashboard, TimeProvider clock) : IHostedService, IAsyncDisposable
{
    private readonly SemaphoreSlim _gate = new(1, 1);
    private ProjectMembership? _membership;

    /// <summary>Whether the Reconnect button can do anything: only once the client stopped trying by itself.</summary>
    public bool CanReconnect => client.State == ConnectionState.Disconnected;

    /// <summary>Joins the project; the client is already connected by the hosted service that <c>AddSkaftinRealtime</c> adds.</summary>
    /// <param name="cancellationToken">Abandons the join.</param>
    /// <returns>A task that completes once the server confirmed the join.</returns>
    public async Task StartAsync(CancellationToken cancellationToken) =>
        _membership = await client.JoinProjectAsync(dashboard.Project, cancellationToken);

    /// <summary>
    /// Connects again after the client gave up (or the server closed the connection on purpose), joins the project
    /// again, and asks every live view to reload, since the events sent meanwhile are lost. While the client is still
    /// retrying on its own this does nothing: its next attempt comes by itself.
    /// </summary>
    /// <param name="cancellationToken">Abandons the attempt.</param>
    /// <returns>A task that completes when connected and joined.</returns>
    /// <exception cref="SkaftinConnectionException">The server is still unreachable.</exception>
    public async Task ReconnectAsync(CancellationToken cancellationToken = default)
    {
        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (!CanReconnect)
            {
                return;
            }

            if (_membership is not null)
            {
                await _membership.DisposeAsync();
                _membership = null;
            }

            await client.ConnectAsync(cancellationToken);
            _membership = await client.JoinProjectAsync(dashboard.Project, cancellationToken);
            client.Router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, dashboard.Project, null, clock.GetUtcNow()));
        }
        finally
        {
            _gate.Release();
        }
    }

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
