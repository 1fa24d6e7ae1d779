using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>Connects the client (and joins the configured projects) when the host starts; closes it when the host stops.</summary>
internal sealed class SkaftinRealtimeHostedService(SkaftinRealtimeClient client, IOptions<SkaftinRealtimeOptions> options) : IHostedService
{
    private readonly List<ProjectMembership> _memberships = new();

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await client.ConnectAsync(cancellationToken).ConfigureAwait(false);
        foreach (var project in options.Value.Projects)
        {
            _memberships.Add(await client.JoinProjectAsync(project, cancellationToken).ConfigureAwait(false));
        }
    }

    public async Task StopAsync(CancellationToken cancellationToken)
    {
        foreach (var membership in _memberships)
        {
            await membership.DisposeAsync().ConfigureAwait(false);
        }

        _memberships.Clear();
        await client.DisposeAsync().ConfigureAwait(false);
    }
}
