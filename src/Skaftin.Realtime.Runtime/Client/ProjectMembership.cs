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

    /// <summary>
    /// Gives up this share; the last one leaves the room. The server does not answer a leave (the protocol has no
    /// confirmation for it), so this completes when the leave has gone out on the connection, not when the server has
    /// acted on it: the server drops the room when it reads the leave, a few milliseconds later on a local network,
    /// and events it sent before then may still arrive. Use <see cref="LeaveAsync"/> to bound or cancel the wait.
    /// </summary>
    /// <returns>A task that completes when the share is released (and, if it was the last, the leave sent).</returns>
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

    /// <summary>Gives up this share without waiting for the leave to go out.</summary>
    public void Dispose() => _ = DisposeAsync().AsTask();
}
