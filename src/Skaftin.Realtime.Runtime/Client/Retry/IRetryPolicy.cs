using System;

namespace Skaftin.Realtime;

/// <summary>
/// Decides whether, and after how long, the client tries to connect again: after a lost connection, and (unless
/// <see cref="SkaftinRealtimeOptions.RetryInitialConnection"/> is off) when the first connection fails. The default is
/// a <see cref="SkaftinRetryPolicy"/>; set <see cref="SkaftinRealtimeOptions.RetryPolicy"/> to your own, for example
/// to give up after a number of refused tokens.
/// </summary>
public interface IRetryPolicy
{
    /// <summary>Called after each failed or lost connection, on the client's reconnect task (never concurrently).</summary>
    /// <param name="context">What happened so far.</param>
    /// <returns>The delay before the next attempt, or null to stop trying (the client ends <see cref="ConnectionState.Disconnected"/> and reports why).</returns>
    TimeSpan? NextRetryDelay(RetryContext context);
}
