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

    /// <summary>Gives up this share without waiting for the server's confirmation of a leave.</summary>
    public void Dispose() => _ = DisposeAsync().AsTask();
}
