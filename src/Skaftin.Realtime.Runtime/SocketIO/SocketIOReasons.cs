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

    // Words by which a middleware's message names the credentials. Socket.IO passes only the message on (SocketIOClient
    // drops the error's data), so its words are all there is to tell a refused key from, say, a rate limit.
    private static readonly string[] CredentialWords =
        { "auth", "token", "key", "credential", "unauthori", "forbidden", "jwt", "password", "login", "denied", "permission" };

    /// <summary>
    /// Classifies a CONNECT_ERROR message: Socket.IO's own namespace refusal, a middleware's refusal of the credentials
    /// (its message names them), another middleware's refusal, or none.
    /// </summary>
    public static ConnectRefusal Refusal(string? message)
    {
        if (message is null || string.IsNullOrWhiteSpace(message))
        {
            return new ConnectRefusal(ConnectRefusalKind.Unknown, "The server refused the connection without a message.");
        }

        if (message == "Invalid namespace")
        {
            return new ConnectRefusal(ConnectRefusalKind.Namespace, message);
        }

        foreach (var word in CredentialWords)
        {
            if (message.IndexOf(word, System.StringComparison.OrdinalIgnoreCase) >= 0)
            {
                return new ConnectRefusal(ConnectRefusalKind.Authentication, message);
            }
        }

        return new ConnectRefusal(ConnectRefusalKind.Middleware, message);
    }
}
