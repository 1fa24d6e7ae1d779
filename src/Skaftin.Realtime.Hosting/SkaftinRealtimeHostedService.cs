using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>
/// Starts the client and holds the configured projects' rooms for the host's lifetime. The host never waits for the
/// backend: it comes up with the client <see cref="ConnectionState.Connecting"/> (degraded health), the rooms are
/// remembered, and the client connects and joins them when the backend comes (failures reported through
/// <see cref="SkaftinRealtimeClient.OnError"/>). Stopping the host closes the client and waits for all of it.
/// </summary>
internal sealed class SkaftinRealtimeHostedService(SkaftinRealtimeClient client, IOptions<SkaftinRealtimeOptions> options) : IHostedService
{
    private readonly List<ProjectMembership> _memberships = new();
    private Task _starting = Task.CompletedTask;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        foreach (var project in options.Value.Projects)
        {
            _memberships.Add(await client.JoinProjectAsync(project, cancellationToken).ConfigureAwait(false));
        }

        _starting = StartInBackgroundAsync();
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var membership in _memberships)
        {
            await membership.DisposeAsync().ConfigureAwait(false);
        }

        _memberships.Clear();
        await client.DisposeAsync().ConfigureAwait(false);
        await _starting.ConfigureAwait(false);
    }

    private async Task StartInBackgroundAsync()
    {
        try
        {
            await client.StartAsync(CancellationToken.None).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is OperationCanceledException or ObjectDisposedException)
        {
            // The host stopped before the backend came.
        }
        catch (SkaftinConnectionException)
        {
            // The retry policy gave up (or RetryInitialConnection is off): already reported through OnError, and the
            // health check shows the client disconnected.
        }
    }
}
