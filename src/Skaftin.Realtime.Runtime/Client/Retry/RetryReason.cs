namespace Skaftin.Realtime;

/// <summary>Why the client is about to try connecting again (<see cref="RetryContext.Reason"/>).</summary>
public enum RetryReason
{
    /// <summary>A connected socket closed (the network, the server going away, or a server restart).</summary>
    ConnectionLost,

    /// <summary>The server went silent for longer than its announced ping interval plus ping timeout.</summary>
    HeartbeatTimeout,

    /// <summary>The server could not be reached, or did not accept within <see cref="SkaftinRealtimeOptions.ConnectTimeout"/>.</summary>
    ServerUnreachable,

    /// <summary>
    /// The server refused the credentials: its middleware's message names them (a key, a token, auth…), and is in the
    /// <see cref="SkaftinAuthenticationException"/>. Sent no credential at all, this says the server wants one.
    /// </summary>
    CredentialsRefused,

    /// <summary><see cref="SkaftinRealtimeOptions.AccessTokenProvider"/> threw.</summary>
    TokenProviderFailed,

    /// <summary>
    /// The server refused the connection for another reason than the credentials: a middleware's message that does not
    /// name them, or a namespace it does not serve (the message is in the <see cref="SkaftinConnectionRefusedException"/>).
    /// </summary>
    ConnectionRefused,

    /// <summary>The server refused the connection without a message (a <see cref="SkaftinConnectionRefusedException"/> without one).</summary>
    UnexplainedRefusal,
}
