using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Skaftin.Realtime;

/// <summary>Reports the realtime connection: healthy when connected, degraded while (re)connecting, unhealthy when disconnected.</summary>
internal sealed class SkaftinRealtimeHealthCheck(SkaftinRealtimeClient client) : IHealthCheck
{
    public Task<HealthCheckResult> CheckHealthAsync(HealthCheckContext context, CancellationToken cancellationToken = default)
    {
        var state = client.State;
        var data = new Dictionary<string, object>
        {
            ["state"] = state.ToString(),
            ["reconnectAttempt"] = client.ReconnectAttempt,
            ["socketId"] = client.SocketId ?? "",
        };
        var result = state switch
        {
            ConnectionState.Connected => HealthCheckResult.Healthy("Connected to the Skaftin realtime server.", data),
            ConnectionState.Connecting or ConnectionState.Reconnecting => HealthCheckResult.Degraded($"{state} to the Skaftin realtime server.", data: data),
            _ => new HealthCheckResult(context.Registration.FailureStatus, "Not connected to the Skaftin realtime server.", data: data),
        };
        return Task.FromResult(result);
    }
}

/// <summary>Adds the realtime connection to ASP.NET Core / generic-host health checks.</summary>
public static class SkaftinRealtimeHealthChecksBuilderExtensions
{
    /// <summary>Adds a health check named <paramref name="name"/> that reports the realtime connection's state.</summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags for filtering the check.</param>
    /// <returns>The builder.</returns>
    public static IHealthChecksBuilder AddSkaftinRealtime(this IHealthChecksBuilder builder, string name = "skaftin-realtime", IEnumerable<string>? tags = null) =>
        builder.Add(new HealthCheckRegistration(
            name,
            static provider => new SkaftinRealtimeHealthCheck(provider.GetRequiredService<SkaftinRealtimeClient>()),
            failureStatus: null,
            tags));
}
