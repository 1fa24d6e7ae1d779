using System;

namespace Skaftin.Realtime;

/// <summary>Where a <see cref="SkaftinRealtimeClient"/>'s connection stands.</summary>
public enum ConnectionState
{
    /// <summary>Not connected, and not trying to be.</summary>
    Disconnected,

    /// <summary>The first connection is being made.</summary>
    Connecting,

    /// <summary>The server accepted the connection.</summary>
    Connected,

    /// <summary>The connection was lost and is being made again.</summary>
    Reconnecting,
}

/// <summary>A change of <see cref="SkaftinRealtimeClient.State"/>.</summary>
/// <param name="Previous">The state before.</param>
/// <param name="Current">The state now.</param>
/// <param name="ReconnectAttempt">The reconnect attempt in progress (0 when none).</param>
/// <param name="Reason">Why the state changed, when known (for example <c>heartbeat timeout</c>).</param>
public sealed record ConnectionStateChange(ConnectionState Previous, ConnectionState Current, int ReconnectAttempt, string? Reason);
