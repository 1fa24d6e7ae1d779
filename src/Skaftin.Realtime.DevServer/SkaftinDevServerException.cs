using System;
using System.Net;

namespace Skaftin.Realtime.DevServer;

/// <summary>
/// The dev server could not be installed, started or controlled, or its HTTP API answered with an error status.
/// </summary>
public sealed class SkaftinDevServerException : Exception
{
    /// <summary>Creates the exception with a default message.</summary>
    public SkaftinDevServerException()
        : base("The Skaftin dev server failed.")
    {
    }

    /// <summary>Creates the exception with a message.</summary>
    /// <param name="message">What went wrong.</param>
    public SkaftinDevServerException(string message)
        : base(message)
    {
    }

    /// <summary>Creates the exception with a message and the exception that caused it.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="innerException">The cause.</param>
    public SkaftinDevServerException(string message, Exception? innerException)
        : base(message, innerException)
    {
    }

    /// <summary>Creates the exception for an HTTP API call that answered with a non-success status.</summary>
    /// <param name="message">What went wrong.</param>
    /// <param name="statusCode">The response's status code.</param>
    /// <param name="responseBody">The response's body, usually <c>{"error": "..."}</c>.</param>
    public SkaftinDevServerException(string message, HttpStatusCode statusCode, string responseBody)
        : base(message)
    {
        StatusCode = statusCode;
        ResponseBody = responseBody;
    }

    /// <summary>The HTTP status of a failed API call; null when the failure was not an HTTP response.</summary>
    public HttpStatusCode? StatusCode { get; }

    /// <summary>The body of a failed API call's response; null when the failure was not an HTTP response.</summary>
    public string? ResponseBody { get; }
}
