using System;

namespace Skaftin.Realtime.Testing;

/// <summary>
/// Thrown by <see cref="GeneratedCodeBaselines.Verify"/> when the generated files and their baselines differ, a
/// baseline is missing or stale, or the generated files cannot be read; the message says which and what to do.
/// </summary>
public sealed class GeneratedCodeBaselineException : Exception
{
    /// <summary>Creates the exception with its message.</summary>
    /// <param name="message">What differs and what to do.</param>
    public GeneratedCodeBaselineException(string message)
        : base(message)
    {
    }
}
