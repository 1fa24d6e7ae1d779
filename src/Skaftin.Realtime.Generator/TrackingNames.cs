namespace Skaftin.Realtime.Generator;

/// <summary>Names of the pipeline steps, so tests can check each one caches.</summary>
internal static class TrackingNames
{
    public const string ParseTables = nameof(ParseTables);
    public const string TableSpecs = nameof(TableSpecs);
    public const string TableDiagnostics = nameof(TableDiagnostics);
    public const string TableIdentities = nameof(TableIdentities);
    /// <summary>The checks across tables and project events together (one step for both).</summary>
    public const string CrossTableDiagnostics = nameof(CrossTableDiagnostics);
    public const string ParseProjectEvents = nameof(ParseProjectEvents);
    public const string ProjectEventSpecs = nameof(ProjectEventSpecs);
    public const string ProjectEventDiagnostics = nameof(ProjectEventDiagnostics);
    public const string ProjectEventIdentities = nameof(ProjectEventIdentities);
}
