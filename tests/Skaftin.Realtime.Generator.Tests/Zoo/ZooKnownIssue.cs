using System;
using System.Collections.Generic;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// A class of findings the generator or its runtime readers do not handle yet, named and bounded by a predicate. The zoo test accepts
/// exactly the findings a known issue matches, and fails when a known issue matches nothing (it was fixed: take it
/// off the list), so the list can only shrink.
/// </summary>
/// <param name="Name">A short name for reports.</param>
/// <param name="Description">What goes wrong, for a reader of the test.</param>
/// <param name="Matches">Which findings it covers.</param>
internal sealed record ZooKnownIssue(string Name, string Description, Func<ZooFinding, bool> Matches)
{
    /// <summary>The known issues. Keep it short; every entry is a bug.</summary>
    /// <remarks>
    /// An earlier entry (a reference parameter defaulting to null copied into the reader as a plain null, CS8600 and
    /// CS8604 in the generated file) was fixed on gen-fixes, and the test then demanded its removal.
    /// </remarks>
    public static IReadOnlyList<ZooKnownIssue> All { get; } = new ZooKnownIssue[]
    {
        new(
            "lenient-timestamps-and-double-overflow",
            "Issue 10 item 3, in the runtime's readers rather than the generator: a DateTime, DateTimeOffset or DateOnly "
            + "column accepts \"01/02/2026\" (as 2 January), \"Jan 2026\" and, for DateTime, a bare \"10:00:00\" (today at "
            + "10:00); a double column reads 1e400 as +Infinity. Each must be a typed error.",
            static f => f.Class == "invalid value is no error"
                && f.Member is { } member
                && (member.Type.Label is "DateTime" or "DateTimeOffset" or "DateOnly" or "double")
                && (f.Detail.Contains("\"01/02/2026\"", StringComparison.Ordinal)
                    || f.Detail.Contains("\"Jan 2026\"", StringComparison.Ordinal)
                    || f.Detail.Contains("\"10:00:00\"", StringComparison.Ordinal)
                    || f.Detail.Contains(":1e400", StringComparison.Ordinal))),
    };
}
