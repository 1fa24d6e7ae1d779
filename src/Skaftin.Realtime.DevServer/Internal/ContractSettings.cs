using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.RegularExpressions;

namespace Skaftin.Realtime.DevServer.Internal;

/// <summary>The validated contract options of <see cref="SkaftinDevServerOptions"/> (see <see cref="DevServerContract"/>).</summary>
internal sealed record ContractSettings(
    DevServerContract Contract,
    IReadOnlyList<string> SilentJoins,
    TimeSpan? JoinAnswerDelay,
    bool OmitOldData,
    bool ValidateCredential,
    TimeSpan? ClockSkew,
    string? CredentialFrom)
{
    public static ContractSettings From(SkaftinDevServerOptions options)
    {
        if (options.Contract is not (DevServerContract.Dev or DevServerContract.Seed))
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.Contract, "Unknown contract.");
        }

        var silent = (options.SilentJoins ?? (IList<string>)Array.Empty<string>()).Select(static p => p?.Trim() ?? "").ToList();
        if (silent.Any(static p => p.Length == 0 || p.Contains(',', StringComparison.Ordinal)))
        {
            throw new ArgumentException("SilentJoins entries must be non-empty project ids without commas (or *).", nameof(options));
        }

        if (options.JoinAnswerDelay is { } delay && delay < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(options), delay, "JoinAnswerDelay must not be negative.");
        }

        var seedOnly = silent.Count > 0 || options.JoinAnswerDelay is not null || options.OmitOldData || options.ValidateCredential;
        if (seedOnly && options.Contract != DevServerContract.Seed)
        {
            throw new ArgumentException(
                "SilentJoins, JoinAnswerDelay, OmitOldData and ValidateCredential need Contract = DevServerContract.Seed.", nameof(options));
        }

        if (options.CredentialFrom is { } source && !Regex.IsMatch(source, "^(auth|query|header):[A-Za-z0-9_-]{1,64}$"))
        {
            throw new ArgumentException("CredentialFrom must be auth:NAME, query:NAME or header:NAME, with NAME of [A-Za-z0-9_-].", nameof(options));
        }

        return new ContractSettings(options.Contract, silent, options.JoinAnswerDelay, options.OmitOldData, options.ValidateCredential, options.ClockSkew, options.CredentialFrom);
    }
}
