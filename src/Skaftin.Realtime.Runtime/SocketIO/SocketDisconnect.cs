namespace Skaftin.Realtime;

/// <summary>Why a socket connection ended, as the seam reports it (never the socket library's own wording).</summary>
internal enum DisconnectReason
{
    /// <summary>The server closed the socket on purpose; the client is not to call back.</summary>
    ServerDisconnect,

    /// <summary>This client closed the socket.</summary>
    ClientClose,

    /// <summary>The underlying transport closed (network loss, server going away or restarting).</summary>
    TransportClosed,

    /// <summary>The underlying transport failed.</summary>
    TransportError,

    /// <summary>The server stopped answering within its ping timeout.</summary>
    PingTimeout,

    /// <summary>A reason the seam does not know; treated like a lost transport.</summary>
    Unknown,
}

/// <summary>The end of a socket connection: its typed reason, and a description for logs and state changes.</summary>
internal sealed record SocketDisconnect(DisconnectReason Reason, string Description);
