namespace Skaftin.Realtime.Generator.Model;

/// <summary>
/// What parsing one <c>[SkaftinTable]</c> type produced. The spec feeds the source output; the location and
/// identity feed diagnostics only, so moving a declaration does not re-run emission.
/// </summary>
/// <param name="Spec">The table, or null when an error stops generation.</param>
/// <param name="Identity">The names used by cross-table checks, or null when the attribute had no usable name.</param>
/// <param name="Diagnostics">What to report for this type.</param>
internal sealed record TableParseResult(TableSpec? Spec, TableIdentity? Identity, EquatableArray<DiagnosticInfo> Diagnostics);

/// <summary>The names a table claims, for the duplicate-table and name-collision checks.</summary>
/// <param name="TableName">The wire name.</param>
/// <param name="ModelDisplayName">The model type as users write it.</param>
/// <param name="ModelFullName">The model's fully qualified name, as in <see cref="TableSpec.ModelFullName"/>.</param>
/// <param name="GeneratedFullName">The generated table class's full name.</param>
/// <param name="Location">Where the attribute is.</param>
internal sealed record TableIdentity(string TableName, string ModelDisplayName, string ModelFullName, string GeneratedFullName, LocationInfo? Location);

/// <summary>What the cross-table checks found: diagnostics, and the models whose code is not emitted because it would clash.</summary>
/// <param name="Diagnostics">Duplicate tables and colliding generated names.</param>
/// <param name="SkippedModels">Fully qualified names of the models left without generated code.</param>
internal sealed record CrossTableResult(EquatableArray<DiagnosticInfo> Diagnostics, EquatableArray<string> SkippedModels);
