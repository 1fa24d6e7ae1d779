namespace Skaftin.Realtime;

/// <summary>
/// The one place SocketIOClient's wording is read: its disconnect reason strings and the CONNECT_ERROR messages it
/// passes on, turned into the seam's typed <see cref="SocketDisconnect"/> and <see cref="ConnectRefusal"/>.
/// </summary>
internal static class SocketIOReasons
{
    /// <summary>Maps a disconnect reason string of SocketIOClient 3.0.6 (the same words as the JavaScript client).</summary>
    public static SocketDisconnect Disconnect(string? reason)
    {
        var kind = reason switch
        {
            "io server disconnect" => DisconnectReason.ServerDisconnect,
            "io client disconnect" => DisconnectReason.ClientClose,
            "transport close" => DisconnectReason.TransportClosed,
            "transport error" => DisconnectReason.TransportError,
            "ping timeout" => DisconnectReason.PingTimeout,
            _ => DisconnectReason.Unknown,
        };
        return new SocketDisconnect(kind, reason is { Length: > 0 } ? reason : "unknown disconnect reason");
    }

    /// <summary>
    /// Classifies a CONNECT_ERROR message: Socket.IO's own namespace refusal, a middleware's message, or none.
    /// </summary>
    public static ConnectRefusal Refusal(string? message) =>
        message is null || string.IsNullOrWhiteSpace(message) ? new ConnectRefusal(ConnectRefusalKind.Unknown, "The server refused the connection without a message.")
        : message == "Invalid namespace" ? new ConnectRefusal(ConnectRefusalKind.Namespace, message)
        : new ConnectRefusal(ConnectRefusalKind.Middleware, message);
}
