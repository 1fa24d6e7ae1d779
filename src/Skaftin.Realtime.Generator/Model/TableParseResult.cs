using System.Linq;

namespace Skaftin.Realtime.Generator.Model;

/// <summary>
/// What parsing one <c>[SkaftinTable]</c> type produced. The spec feeds the source output; the location and
/// identity feed diagnostics only, so moving a declaration does not re-run emission.
/// </summary>
/// <param name="Spec">The table, or null when an error stops generation.</param>
/// <param name="Identity">The names used by cross-table checks, or null when the attribute had no usable name.</param>
/// <param name="Diagnostics">What to report for this type.</param>
/// <param name="Schema">What the schema snapshot checks need (with locations), or null when no code is generated.</param>
internal sealed record TableParseResult(TableSpec? Spec, TableIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics, TableSchemaView? Schema = null);

/// <summary>The names a table claims, for the duplicate-table and name-collision checks.</summary>
/// <param name="TableName">The wire name.</param>
/// <param name="ModelDisplayName">The model type as users write it.</param>
/// <param name="ModelFullName">The model's fully qualified name, as in <see cref="TableSpec.ModelFullName"/>.</param>
/// <param name="GeneratedNames">Every type the generated file declares, namespace-qualified (the table class first).</param>
/// <param name="HintName">The generated file's hint name, as in <see cref="TableSpec.HintName"/>.</param>
/// <param name="IsProjectEvent">Whether it is a project event (its name is an event type, not a table name).</param>
/// <param name="Location">Where the attribute is.</param>
internal sealed record TableIdentity(
    string TableName,
    string ModelDisplayName,
    string ModelFullName,
    EquatableArray<string> GeneratedNames,
    string HintName,
    bool IsProjectEvent,
    LocationInfo? Location);

/// <summary>What the cross-table checks found: diagnostics, and what emission must know of the other declarations.</summary>
/// <param name="Diagnostics">Duplicate tables and colliding generated names.</param>
/// <param name="Plan">Which files are left out and which hint names are made unique.</param>
internal sealed record CrossTableResult(EquatableArray<DiagnosticInfo> Diagnostics, EmissionPlan Plan);

/// <summary>
/// The part of the cross-table checks emission depends on, as plain data without locations (so moving a declaration
/// does not re-run emission).
/// </summary>
/// <param name="SkippedHints">Hint names of the files not emitted because their declarations clash.</param>
/// <param name="CaseCollidingHints">
/// Hint names another hint name equals but for case; Roslyn compares hint names ignoring case, so these take a
/// suffix derived from the exact name.
/// </param>
internal sealed record EmissionPlan(EquatableArray<string> SkippedHints, EquatableArray<string> CaseCollidingHints)
{
    /// <summary>The hint name <paramref name="hintName"/> is emitted under.</summary>
    public string HintFor(string hintName)
    {
        if (!CaseCollidingHints.Contains(hintName))
        {
            return hintName;
        }

        // FNV-1a of the exact name: stable across runs and machines, and different for names differing in case only.
        var hash = 2166136261u;
        foreach (var c in hintName)
        {
            hash = unchecked((hash ^ c) * 16777619u);
        }

        const string extension = ".g.cs";
        return hintName.Substring(0, hintName.Length - extension.Length) + "." + hash.ToString("x8", System.Globalization.CultureInfo.InvariantCulture) + extension;
    }
}
