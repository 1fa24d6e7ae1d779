using System;

namespace Skaftin.Realtime;

/// <summary>What an <see cref="IRetryPolicy"/> is told before each attempt to connect again.</summary>
public sealed class RetryContext
{
    /// <summary>Creates a context (the client does; policies' own tests may too).</summary>
    /// <param name="previousRetryCount">How many attempts were already made since the connection was lost or the start began.</param>
    /// <param name="elapsedTime">How long the client has been without a connection.</param>
    /// <param name="reason">Why the last attempt failed or the connection ended.</param>
    /// <param name="error">The failure behind <paramref name="reason"/>, when there is one.</param>
    public RetryContext(int previousRetryCount, TimeSpan elapsedTime, RetryReason reason, Exception? error)
    {
        PreviousRetryCount = previousRetryCount;
        ElapsedTime = elapsedTime;
        Reason = reason;
        Error = error;
    }

    /// <summary>How many attempts were already made since the connection was lost or the start began (0 before the first retry).</summary>
    public int PreviousRetryCount { get; }

    /// <summary>How long the client has been without a connection.</summary>
    public TimeSpan ElapsedTime { get; }

    /// <summary>Why the last attempt failed or the connection ended.</summary>
    public RetryReason Reason { get; }

    /// <summary>The failure behind <see cref="Reason"/>, when there is one (a <see cref="SkaftinAuthenticationException"/> for refused credentials).</summary>
    public Exception? Error { get; }
}
