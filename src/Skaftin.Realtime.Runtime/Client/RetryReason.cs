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

    /// <summary>The server refused the credentials (its auth middleware's message is in the <see cref="SkaftinAuthenticationException"/>).</summary>
    CredentialsRefused,

    /// <summary><see cref="SkaftinRealtimeOptions.AccessTokenProvider"/> threw.</summary>
    TokenProviderFailed,
}
