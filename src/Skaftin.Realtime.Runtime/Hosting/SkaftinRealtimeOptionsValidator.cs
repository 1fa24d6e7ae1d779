using System;
using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>
/// The one set of rules for <see cref="SkaftinRealtimeOptions"/>, with messages that name the setting to fix: checked at
/// host start-up (dependency injection) and by the client's constructor alike.
/// </summary>
internal sealed class SkaftinRealtimeOptionsValidator : IValidateOptions<SkaftinRealtimeOptions>
{
    /// <summary>Throws an <see cref="ArgumentException"/> listing every broken rule (the client's constructor).</summary>
    public static void ThrowIfInvalid(SkaftinRealtimeOptions options)
    {
        var failures = Check(options);
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures), nameof(options));
        }
    }

    public ValidateOptionsResult Validate(string? name, SkaftinRealtimeOptions options)
    {
        var failures = Check(options);
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static List<string> Check(SkaftinRealtimeOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is null || !options.ApiUrl.IsAbsoluteUri
            || options.ApiUrl.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            failures.Add("Skaftin:ApiUrl must be an absolute http, https, ws or wss URL, for example http://localhost:4006.");
        }

        // No credential at all is valid (the seed's client sends none); only where one would travel is checked.
        failures.AddRange(SkaftinCredentialRules.Check(options.Credential));
        if (!Enum.IsDefined(typeof(JoinConfirmation), options.JoinConfirmation))
        {
            failures.Add("Skaftin:JoinConfirmation must be ServerAnswer or OnEmit.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.RequestTimeout <= TimeSpan.Zero || options.HeartbeatTimeout <= TimeSpan.Zero)
        {
            failures.Add("Skaftin:ConnectTimeout, RequestTimeout and HeartbeatTimeout must be positive.");
        }

        if (options.DispatchQueueCapacity < 1)
        {
            failures.Add("Skaftin:DispatchQueueCapacity must be at least 1.");
        }

        if (options.DispatchOnReceiveThread && options.HandlerContext is not null)
        {
            failures.Add("Skaftin:DispatchOnReceiveThread cannot be combined with a HandlerContext: handlers run either on the receive thread or on the context.");
        }

        if (options.Reconnect is null || options.TimeProvider is null)
        {
            failures.Add("Skaftin:Reconnect and TimeProvider must be set.");
        }

        return failures;
    }
}
