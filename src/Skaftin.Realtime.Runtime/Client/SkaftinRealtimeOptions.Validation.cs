using System;
using System.Collections.Generic;
using System.ComponentModel.DataAnnotations;
using System.Linq;

namespace Skaftin.Realtime;

/// <summary>
/// The one set of rules for the settings, with messages that name the setting to fix: checked by the client's
/// constructor, and at host start-up through <see cref="IValidatableObject"/> (the hosting package's generated options
/// validator calls it), so no rule is written twice.
/// </summary>
public sealed partial class SkaftinRealtimeOptions : IValidatableObject
{
    /// <summary>Checks the settings against the client's rules: one result per broken rule, naming the settings to fix.</summary>
    /// <param name="validationContext">The validation context (not used: the rules need nothing but the settings).</param>
    /// <returns>The broken rules; none when the settings are valid.</returns>
    IEnumerable<ValidationResult> IValidatableObject.Validate(ValidationContext validationContext) => BrokenRules();

    /// <summary>Throws an <see cref="ArgumentException"/> listing every broken rule (the client's constructor).</summary>
    internal void ThrowIfInvalid()
    {
        var failures = BrokenRules();
        if (failures.Count > 0)
        {
            throw new ArgumentException(string.Join(" ", failures.Select(static f => f.ErrorMessage)), "options");
        }
    }

    private List<ValidationResult> BrokenRules()
    {
        var failures = new List<ValidationResult>();
        if (ApiUrl is null || !ApiUrl.IsAbsoluteUri || ApiUrl.Scheme is not ("http" or "https" or "ws" or "wss"))
        {
            failures.Add(new("Skaftin:ApiUrl must be an absolute http, https, ws or wss URL, for example http://localhost:4006.", [nameof(ApiUrl)]));
        }

        // No credential at all is valid (the seed's client sends none); only where one would travel is checked.
        foreach (var failure in SkaftinCredentialRules.Check(Credential))
        {
            failures.Add(new(failure, [nameof(Credential)]));
        }

        if (!Enum.IsDefined(typeof(JoinConfirmation), JoinConfirmation))
        {
            failures.Add(new("Skaftin:JoinConfirmation must be Auto, ServerAnswer or OnEmit.", [nameof(JoinConfirmation)]));
        }

        if (ConnectTimeout <= TimeSpan.Zero || RequestTimeout <= TimeSpan.Zero || HeartbeatTimeout <= TimeSpan.Zero || SendTimeout <= TimeSpan.Zero)
        {
            failures.Add(new("Skaftin:SendTimeout, ConnectTimeout, RequestTimeout and HeartbeatTimeout must be positive.", [nameof(ConnectTimeout), nameof(RequestTimeout), nameof(HeartbeatTimeout), nameof(SendTimeout)]));
        }

        if (SendTimeout > TimeSpan.FromMilliseconds(int.MaxValue))
        {
            failures.Add(new("Skaftin:SendTimeout must be at most 24 days.", [nameof(SendTimeout)]));
        }

        if (DispatchQueueCapacity < 1)
        {
            failures.Add(new("Skaftin:DispatchQueueCapacity must be at least 1.", [nameof(DispatchQueueCapacity)]));
        }

        if (DispatchOnReceiveThread && HandlerContext is not null)
        {
            failures.Add(new("Skaftin:DispatchOnReceiveThread cannot be combined with a HandlerContext: handlers run either on the receive thread or on the context.", [nameof(DispatchOnReceiveThread), nameof(HandlerContext)]));
        }

        if (RetryPolicy is null || TimeProvider is null)
        {
            failures.Add(new("Skaftin:RetryPolicy and TimeProvider must be set.", [nameof(RetryPolicy), nameof(TimeProvider)]));
        }

        return failures;
    }
}
