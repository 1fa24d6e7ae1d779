using System;
using System.Threading;
using System.Threading.Tasks;

namespace Skaftin.Realtime;

/// <summary>
/// One holder's share of a project's room. Holders of one project share a single join; the room is left
/// only when the last share is disposed. Disposing twice is harmless.
/// </summary>
public sealed class ProjectMembership : IAsyncDisposable, IDisposable
{
    private SkaftinRealtimeClient? _client;

    internal ProjectMembership(SkaftinRealtimeClient client, string projectId)
    {
        _client = client;
        ProjectId = projectId;
    }

    /// <summary>The project whose room this share holds.</summary>
    public string ProjectId { get; }

    /// <summary>Gives up this share; the last one leaves the room and waits for the server to confirm.</summary>
    /// <returns>A task that completes when the share is released (and the room left, if it was the last).</returns>
    public ValueTask DisposeAsync() =>
        Interlocked.Exchange(ref _client, null) is { } client ? client.ReleaseAsync(ProjectId) : default;

    /// <summary>
    /// Gives up this share; the last one leaves the room. The share is given up at once whatever happens; the leave's
    /// write waits at most <see cref="SkaftinRealtimeOptions.SendTimeout"/> (a lost connection takes the room with it),
    /// and <paramref name="cancellationToken"/> ends the wait sooner.
    /// </summary>
    /// <param name="cancellationToken">Ends the wait for the leave to go out (the share is given up regardless).</param>
    /// <returns>A task that completes when the leave went out (or the room went with the connection).</returns>
    /// <exception cref="OperationCanceledException"><paramref name="cancellationToken"/> fired before the leave went out.</exception>
    public ValueTask LeaveAsync(CancellationToken cancellationToken = default) =>
        Interlocked.Exchange(ref _client, null) is { } client ? client.ReleaseAsync(ProjectId, cancellationToken) : default;

    /// <summary>Gives up this share without waiting for the server's confirmation of a leave.</summary>
    public void Dispose() => _ = DisposeAsync().AsTask();
}
