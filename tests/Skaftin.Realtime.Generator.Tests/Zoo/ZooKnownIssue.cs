using System;
using System.Collections.Generic;

namespace Skaftin.Realtime.Generator.Tests.Zoo;

/// <summary>
/// A class of findings the generator does not handle yet, named and bounded by a predicate. The zoo test accepts
/// exactly the findings a known issue matches, and fails when a known issue matches nothing (it was fixed: take it
/// off the list), so the list can only shrink.
/// </summary>
/// <param name="Name">A short name for reports.</param>
/// <param name="Description">What goes wrong, for a reader of the test.</param>
/// <param name="Matches">Which findings it covers.</param>
internal sealed record ZooKnownIssue(string Name, string Description, Func<ZooFinding, bool> Matches)
{
    /// <summary>The known issues. Keep it short; every entry is a bug.</summary>
    public static IReadOnlyList<ZooKnownIssue> All { get; } = new ZooKnownIssue[]
    {
        new(
            "null-default-of-a-non-nullable-reference-parameter",
            "A constructor parameter of a non-nullable reference type whose default is null (List<int> tags = null, in a "
            + "nullable-enabled file) is copied into the generated reader as '= null' and passed on: CS8600 and CS8604 in the "
            + "generated file, on top of the user's own CS8625. The generator could write 'null!'.",
            static f => f.Model.Form == DeclarationForm.DefaultParameter
                && f.Class is "CS8600 in generated code" or "CS8604 in generated code"
                && f.Detail.Contains("null", System.StringComparison.Ordinal)),
    };
}
