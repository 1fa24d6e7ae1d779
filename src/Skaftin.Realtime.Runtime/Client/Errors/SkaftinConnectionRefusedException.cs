namespace Skaftin.Realtime;

/// <summary>
/// The server refused the connection for a reason other than the credentials: a handshake middleware's message that
/// does not name them (for example a rate limit or an origin check), a namespace the server does not serve, or no
/// reason at all (<see cref="ServerMessage"/> null). Refused credentials are a <see cref="SkaftinAuthenticationException"/>.
/// </summary>
public sealed class SkaftinConnectionRefusedException : SkaftinConnectionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serverMessage">The server's message, or null when it gave none.</param>
    public SkaftinConnectionRefusedException(string? serverMessage)
        : base(serverMessage is null ? "The server refused the connection without a message." : $"The server refused the connection: {serverMessage}") =>
        ServerMessage = serverMessage;

    /// <summary>The server's message, or null when it refused without one.</summary>
    public string? ServerMessage { get; }
}
