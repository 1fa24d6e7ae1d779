using System.Collections.Generic;
using Microsoft.Extensions.Options;

namespace Skaftin.Realtime;

/// <summary>Checks <see cref="SkaftinRealtimeOptions"/> at start-up, with messages that name the setting to fix.</summary>
internal sealed class SkaftinRealtimeOptionsValidator : IValidateOptions<SkaftinRealtimeOptions>
{
    public ValidateOptionsResult Validate(string? name, SkaftinRealtimeOptions options)
    {
        var failures = new List<string>();
        if (options.ApiUrl is null || !options.ApiUrl.IsAbsoluteUri
            || options.ApiUrl.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            failures.Add("Skaftin:ApiUrl must be an absolute http, https, ws or wss URL, for example http://localhost:4006.");
        }

        if (options.AccessTokenProvider is null && string.IsNullOrWhiteSpace(options.ApiKey))
        {
            failures.Add("Skaftin:ApiKey is missing: set it in configuration (or user secrets), or set an AccessTokenProvider in code.");
        }

        if (options.ConnectTimeout <= System.TimeSpan.Zero || options.RequestTimeout <= System.TimeSpan.Zero || options.HeartbeatTimeout <= System.TimeSpan.Zero)
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

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
