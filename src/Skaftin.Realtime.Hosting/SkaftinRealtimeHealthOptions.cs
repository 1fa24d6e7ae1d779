using System;

namespace Skaftin.Realtime;

/// <summary>Settings of the realtime health check (see <see cref="SkaftinRealtimeHealthChecksBuilderExtensions"/>).</summary>
public sealed class SkaftinRealtimeHealthOptions
{
    /// <summary>The default of <see cref="UnhealthyAfter"/>: two minutes, four times the reconnect policy's longest default delay.</summary>
    public static readonly TimeSpan DefaultUnhealthyAfter = TimeSpan.FromMinutes(2);

    /// <summary>
    /// How long the client may be without a connection (connecting or reconnecting) and still be reported
    /// <see cref="Microsoft.Extensions.Diagnostics.HealthChecks.HealthStatus.Degraded"/>; past it the check reports
    /// the registration's failure status (Unhealthy by default). Positive; <see cref="DefaultUnhealthyAfter"/> unless set.
    /// </summary>
    public TimeSpan UnhealthyAfter { get; set; } = DefaultUnhealthyAfter;

    internal void ThrowIfInvalid()
    {
        if (UnhealthyAfter <= TimeSpan.Zero || UnhealthyAfter == TimeSpan.MaxValue)
        {
            throw new ArgumentOutOfRangeException(
                nameof(UnhealthyAfter),
                UnhealthyAfter,
                "SkaftinRealtimeHealthOptions.UnhealthyAfter must be a positive, finite time (for example 00:02:00).");
        }
    }
}
