using System;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// What <see cref="SkaftinRetryPolicy"/> (the default <see cref="IRetryPolicy"/>) decides: every reason, refusals
/// included, is retried with the same exponential backoff and jitter until <see cref="SkaftinRetryPolicy.MaxAttempts"/>;
/// <see cref="SkaftinRetryPolicy.Enabled"/> off stops at once.
/// </summary>
public sealed class DefaultRetryPolicyTests
{
    private static RetryContext Context(int retries, RetryReason reason) =>
        new(retries, TimeSpan.FromSeconds(retries), reason, reason == RetryReason.CredentialsRefused ? new SkaftinAuthenticationException("invalid api key") : null);

    public static TheoryData<RetryReason> EveryReason()
    {
        var data = new TheoryData<RetryReason>();
        foreach (var reason in Enum.GetValues<RetryReason>())
        {
            data.Add(reason);
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryReason))]
    public void EveryReasonIsRetriedWithTheSameDoublingDelayUpToTheMaximum(RetryReason reason)
    {
        var policy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(100), MaxDelay = TimeSpan.FromSeconds(1), Jitter = 0 };

        Assert.Equal(TimeSpan.FromMilliseconds(100), policy.NextRetryDelay(Context(0, reason)));
        Assert.Equal(TimeSpan.FromMilliseconds(200), policy.NextRetryDelay(Context(1, reason)));
        Assert.Equal(TimeSpan.FromMilliseconds(800), policy.NextRetryDelay(Context(3, reason)));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextRetryDelay(Context(4, reason)));
        Assert.Equal(TimeSpan.FromSeconds(1), policy.NextRetryDelay(Context(1000, reason)));
    }

    [Theory]
    [MemberData(nameof(EveryReason))]
    public void JitterDrawsEachDelayFromTheUpperPartOfItsStep(RetryReason reason)
    {
        var policy = new SkaftinRetryPolicy { InitialDelay = TimeSpan.FromMilliseconds(400), MaxDelay = TimeSpan.FromSeconds(30), Jitter = 0.5 };

        for (var i = 0; i < 200; i++)
        {
            var delay = policy.NextRetryDelay(Context(2, reason))!.Value;
            Assert.InRange(delay, TimeSpan.FromMilliseconds(800), TimeSpan.FromMilliseconds(1600));
        }
    }

    [Theory]
    [MemberData(nameof(EveryReason))]
    public void MaxAttemptsEndsRetryingWhateverTheReason(RetryReason reason)
    {
        var policy = new SkaftinRetryPolicy { MaxAttempts = 3 };

        Assert.NotNull(policy.NextRetryDelay(Context(2, reason)));
        Assert.Null(policy.NextRetryDelay(Context(3, reason)));
    }

    [Theory]
    [MemberData(nameof(EveryReason))]
    public void DisabledNeverRetries(RetryReason reason)
    {
        Assert.Null(new SkaftinRetryPolicy { Enabled = false }.NextRetryDelay(Context(0, reason)));
    }

    [Fact]
    public void WithNoLimitRefusalsAreRetriedForever()
    {
        var policy = new SkaftinRetryPolicy();

        Assert.NotNull(policy.NextRetryDelay(Context(100_000, RetryReason.CredentialsRefused)));
        Assert.NotNull(policy.NextRetryDelay(Context(100_000, RetryReason.ConnectionRefused)));
        Assert.NotNull(policy.NextRetryDelay(Context(100_000, RetryReason.UnexplainedRefusal)));
    }
}
