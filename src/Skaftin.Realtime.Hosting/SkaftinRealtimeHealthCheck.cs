using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;

namespace Skaftin.Realtime;

/// <summary>
/// Reports the realtime connection. Healthy: connected and every held project joined. Unhealthy (the registration's
/// failure status): connected but a project's join was refused or never answered (no event of it will come), the
/// client has been without a connection longer than <see cref="SkaftinRealtimeHealthOptions.UnhealthyAfter"/>, or it
/// is disconnected. Degraded: (re)connecting for a shorter time, or connected and joined but a declared table's schema
/// drifted (<see cref="SkaftinRealtimeClient.SchemaDrifts"/>; also listed in <c>Data["schemaDrift"]</c>). The reason is in the description and in
/// <c>Data["reason"]</c>.
/// </summary>
internal sealed class SkaftinRealtimeHealthCheck(SkaftinRealtimeClient client, SkaftinRealtimeHealthOptions options) : IHealthCheck
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
        var failure = context.Registration.FailureStatus;
        var drifts = client.SchemaDrifts;
        if (drifts.Count > 0)
        {
            data["schemaDrift"] = drifts.Values.OrderBy(static d => d.TableName, StringComparer.Ordinal).Select(static d => d.Describe()).ToArray();
        }

        HealthCheckResult Result(HealthStatus status, string reason)
        {
            data["reason"] = reason;
            return new HealthCheckResult(status, reason, data: data);
        }

        if (state == ConnectionState.Connected)
        {
            var problems = client.GetJoinProblems();
            if (problems.Count == 0 && drifts.Count > 0)
            {
                var drifted = string.Join("; ", drifts.Values.OrderBy(static d => d.TableName, StringComparer.Ordinal).Select(static d => d.Describe()));
                return Task.FromResult(Result(HealthStatus.Degraded, $"Connected, but {drifts.Count} declared table(s) changed schema under the app (schema drift): {drifted}."));
            }

            if (problems.Count == 0)
            {
                return Task.FromResult(Result(HealthStatus.Healthy, "Connected to the Skaftin realtime server."));
            }

            data["notJoined"] = problems.Select(static p => p.Key).ToArray();
            var detail = string.Join("; ", problems.Select(static p => $"'{p.Key}': {p.Value}"));
            return Task.FromResult(Result(failure, $"Connected, but not joined to {problems.Count} project(s), whose events will not arrive: {detail}."));
        }

        if (state is ConnectionState.Connecting or ConnectionState.Reconnecting)
        {
            var since = client.NotConnectedSince;
            var outage = since is null ? TimeSpan.Zero : client.TimeProvider.GetUtcNow() - since.Value;
            data["outageSeconds"] = Math.Round(Math.Max(0, outage.TotalSeconds), 1);
            var seconds = Math.Round(outage.TotalSeconds).ToString(CultureInfo.InvariantCulture);
            return Task.FromResult(outage >= options.UnhealthyAfter
                ? Result(failure, $"{state} to the Skaftin realtime server for {seconds} s, longer than UnhealthyAfter ({options.UnhealthyAfter}).")
                : Result(HealthStatus.Degraded, $"{state} to the Skaftin realtime server ({seconds} s without a connection)."));
        }

        return Task.FromResult(Result(failure, "Not connected to the Skaftin realtime server."));
    }
}

/// <summary>Adds the realtime connection to ASP.NET Core / generic-host health checks.</summary>
public static class SkaftinRealtimeHealthChecksBuilderExtensions
{
    /// <summary>
    /// Adds a health check named <paramref name="name"/> that reports the realtime connection: Healthy when connected
    /// with every held project joined; Degraded while (re)connecting, or when a declared table's schema drifted; Unhealthy when a project's join was refused or
    /// not answered, when (re)connecting lasts longer than <see cref="SkaftinRealtimeHealthOptions.UnhealthyAfter"/>,
    /// or when disconnected. The reason is in the result's description and <c>Data["reason"]</c>.
    /// </summary>
    /// <param name="builder">The health checks builder.</param>
    /// <param name="name">The check's name.</param>
    /// <param name="tags">Tags for filtering the check.</param>
    /// <param name="configure">Settings of the check, validated here.</param>
    /// <returns>The builder.</returns>
    /// <exception cref="ArgumentOutOfRangeException">A setting is invalid.</exception>
    public static IHealthChecksBuilder AddSkaftinRealtime(this IHealthChecksBuilder builder, string name = "skaftin-realtime", IEnumerable<string>? tags = null, Action<SkaftinRealtimeHealthOptions>? configure = null)
    {
        var options = new SkaftinRealtimeHealthOptions();
        configure?.Invoke(options);
        options.ThrowIfInvalid();
        return builder.Add(new HealthCheckRegistration(
            name,
            provider => new SkaftinRealtimeHealthCheck(provider.GetRequiredService<SkaftinRealtimeClient>(), options),
            failureStatus: null,
            tags));
    }
}
