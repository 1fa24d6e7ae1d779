namespace Skaftin.Realtime;

/// <summary>What kind of refusal a server's CONNECT_ERROR was.</summary>
internal enum ConnectRefusalKind
{
    /// <summary>A handshake middleware refused the credentials (its message names them: a key, a token, auth…).</summary>
    Authentication,

    /// <summary>A handshake middleware refused the connection for another reason (a rate limit, an origin check…).</summary>
    Middleware,

    /// <summary>The Socket.IO server itself refused the namespace (a wrong URL path, not the credentials).</summary>
    Namespace,

    /// <summary>The server refused without saying why.</summary>
    Unknown,
}

/// <summary>A server's refusal of the connection: its kind and the server's own message.</summary>
internal sealed record ConnectRefusal(ConnectRefusalKind Kind, string Message);
