using System;

namespace Skaftin.Realtime;

/// <summary>The server could not be reached in time, or refused the connection.</summary>
public class SkaftinConnectionException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="message">What happened.</param>
    /// <param name="innerException">The cause, if any.</param>
    public SkaftinConnectionException(string message, Exception? innerException = null)
        : base(message, innerException)
    {
    }
}

/// <summary>
/// The server refused the credentials (or, when none was sent, wants one): its refusal's message names them (a key, a
/// token, auth…). <see cref="Exception.Message"/> carries the server's message. Other refusals are a
/// <see cref="SkaftinConnectionRefusedException"/>.
/// </summary>
public sealed class SkaftinAuthenticationException : SkaftinConnectionException
{
    /// <summary>Creates the exception.</summary>
    /// <param name="serverMessage">The server's message (never the credential).</param>
    public SkaftinAuthenticationException(string serverMessage)
        : base($"The server refused the credentials: {serverMessage}") => ServerMessage = serverMessage;

    /// <summary>The server's message.</summary>
    public string ServerMessage { get; }
}

/// <summary>The server refused to let the client join a project's room.</summary>
public sealed class SkaftinJoinException : Exception
{
    /// <summary>Creates the exception.</summary>
    /// <param name="projectId">The project.</param>
    /// <param name="serverMessage">The server's reason.</param>
    public SkaftinJoinException(string projectId, string serverMessage)
        : base($"The server refused to join project '{projectId}': {serverMessage}")
    {
        ProjectId = projectId;
        ServerMessage = serverMessage;
    }

    /// <summary>The project.</summary>
    public string ProjectId { get; }

    /// <summary>The server's reason.</summary>
    public string ServerMessage { get; }
}
