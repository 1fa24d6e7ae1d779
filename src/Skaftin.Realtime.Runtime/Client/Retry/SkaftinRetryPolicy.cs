using System;

namespace Skaftin.Realtime;

/// <summary>
/// Exponential backoff with jitter between attempts to connect: the default <see cref="SkaftinRealtimeOptions.RetryPolicy"/>.
/// </summary>
public sealed class SkaftinRetryPolicy : IRetryPolicy
{
    private readonly Random _random = new();

    /// <summary>Whether to reconnect at all after a lost connection. Default true.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>How many attempts before giving up; null (default) for no limit.</summary>
    public int? MaxAttempts { get; set; }

    /// <summary>The first delay. Default 500 ms.</summary>
    public TimeSpan InitialDelay { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>The longest delay. Default 30 s.</summary>
    public TimeSpan MaxDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The share of each delay drawn at random, from 0 to 1. Default 0.5.</summary>
    public double Jitter { get; set; } = 0.5;

    /// <summary>The delay before attempt <paramref name="attempt"/> (1-based).</summary>
    /// <param name="attempt">The attempt number.</param>
    /// <param name="random">The source of jitter.</param>
    /// <returns>The delay.</returns>
    internal TimeSpan DelayFor(int attempt, Random random)
    {
        var exponent = Math.Min(attempt - 1, 30);
        var baseMs = Math.Min(MaxDelay.TotalMilliseconds, InitialDelay.TotalMilliseconds * Math.Pow(2, exponent));
        var jitter = Math.Min(Math.Max(Jitter, 0), 1);
        var ms = baseMs * (1 - jitter) + (baseMs * jitter * random.NextDouble());
        return TimeSpan.FromMilliseconds(ms);
    }

    /// <summary>
    /// The next delay: null when <see cref="Enabled"/> is off or <see cref="MaxAttempts"/> were made, otherwise
    /// <see cref="DelayFor"/> the next attempt, whatever the <see cref="RetryContext.Reason"/>. Refusals
    /// (<see cref="RetryReason.CredentialsRefused"/>, <see cref="RetryReason.ConnectionRefused"/>,
    /// <see cref="RetryReason.UnexplainedRefusal"/>) are retried like any other failure, backing off the same way: a
    /// token service that flaps, a key rotated on the server or a rate limit must not end the connection for good. The
    /// client reports each refusal through <see cref="SkaftinRealtimeClient.OnError"/>; a policy of your own may stop on
    /// them instead.
    /// </summary>
    /// <param name="context">What happened so far.</param>
    /// <returns>The delay, or null to stop.</returns>
    public TimeSpan? NextRetryDelay(RetryContext context)
    {
        if (context is null)
        {
            throw new ArgumentNullException(nameof(context));
        }

        if (!Enabled || (MaxAttempts is { } max && context.PreviousRetryCount >= max))
        {
            return null;
        }

        lock (_random)
        {
            return DelayFor(context.PreviousRetryCount + 1, _random);
        }
    }

    /// <summary>A policy with the same settings and its own source of jitter (the client's snapshot of its options).</summary>
    /// <returns>The copy.</returns>
    internal SkaftinRetryPolicy Copy() =>
        new() { Enabled = Enabled, MaxAttempts = MaxAttempts, InitialDelay = InitialDelay, MaxDelay = MaxDelay, Jitter = Jitter };
}
