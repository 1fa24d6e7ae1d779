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

    /// <summary>The SkaftinSchemaSnapshot property and the project folder.</summary>
    public const string SnapshotSettings = nameof(SnapshotSettings);
    /// <summary>Each additional file that is the snapshot, read.</summary>
    public const string ReadSnapshot = nameof(ReadSnapshot);
    /// <summary>The snapshot the checks use (null without the property).</summary>
    public const string Snapshot = nameof(Snapshot);
    public const string SnapshotProblem = nameof(SnapshotProblem);
    /// <summary>Each table checked against the snapshot.</summary>
    public const string SnapshotDiagnostics = nameof(SnapshotDiagnostics);
}
