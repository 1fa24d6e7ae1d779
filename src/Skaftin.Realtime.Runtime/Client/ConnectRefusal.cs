namespace Skaftin.Realtime;

/// <summary>What kind of refusal a server's CONNECT_ERROR was.</summary>
internal enum ConnectRefusalKind
{
    /// <summary>A handshake middleware refused the connection with a message (the SDK's handshake carries only credentials).</summary>
    Middleware,

    /// <summary>The Socket.IO server itself refused the namespace (a wrong URL path, not the credentials).</summary>
    Namespace,

    /// <summary>The server refused without saying why.</summary>
    Unknown,
}

/// <summary>A server's refusal of the connection: its kind and the server's own message.</summary>
internal sealed record ConnectRefusal(ConnectRefusalKind Kind, string Message);
