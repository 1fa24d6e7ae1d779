namespace Skaftin.Realtime.Generator.Model;

/// <summary>
/// The schema snapshot file (format version 1, see docs/schema-snapshots.md) as plain data: what the compile-time
/// checks compare the declared tables with.
/// </summary>
/// <param name="Path">The file's path, as the compiler was given it.</param>
/// <param name="Tables">The backend's tables, in the file's order.</param>
/// <param name="Problem">Why the file cannot be used (SKR036), or null; a snapshot with a problem checks nothing.</param>
internal sealed record SchemaSnapshot(string Path, EquatableArray<SnapshotTable> Tables, DiagnosticInfo? Problem);

/// <summary>One backend table of a snapshot.</summary>
/// <param name="Name">The table's name.</param>
/// <param name="PrimaryKey">The primary-key column's name, or null when the table has none.</param>
/// <param name="Columns">The columns, in the backend's order.</param>
internal sealed record SnapshotTable(string Name, string? PrimaryKey, EquatableArray<SnapshotColumn> Columns);

/// <summary>One backend column of a snapshot.</summary>
/// <param name="Name">The column's name.</param>
/// <param name="Type">The backend's logical type (<c>integer</c>, <c>text</c>, …, or one this version does not know).</param>
/// <param name="Nullable">Whether the column accepts null.</param>
/// <param name="PrimaryKey">Whether the column is the primary key.</param>
/// <param name="HasDefault">Whether the backend fills the column when an insert leaves it out.</param>
internal sealed record SnapshotColumn(string Name, string Type, bool Nullable, bool PrimaryKey, bool HasDefault);

/// <summary>
/// Where the snapshot is, from the MSBuild property <c>SkaftinSchemaSnapshot</c> (made compiler-visible by the
/// package's build files) and the project's folder.
/// </summary>
/// <param name="SnapshotPath">The property's value, or null when the app did not opt in.</param>
/// <param name="ProjectDirectory">The project's folder (<c>build_property.ProjectDir</c>), or null.</param>
internal sealed record SnapshotSettings(string? SnapshotPath, string? ProjectDirectory)
{
    public bool IsEnabled => !string.IsNullOrWhiteSpace(SnapshotPath);
}

/// <summary>What the snapshot checks need of one declared table: names, types and where to report.</summary>
/// <param name="TableName">The table's wire name.</param>
/// <param name="ModelDisplayName">The model type as users write it.</param>
/// <param name="KeyColumn">The key member's column, or null when the model has no key.</param>
/// <param name="Location">The model type's declaration.</param>
/// <param name="Members">The columns the model reads.</param>
internal sealed record TableSchemaView(string TableName, string ModelDisplayName, string? KeyColumn, LocationInfo? Location, EquatableArray<MemberSchemaView> Members);

/// <summary>One member of a declared table, for the snapshot checks.</summary>
/// <param name="MemberName">The C# member name.</param>
/// <param name="ColumnName">The column it reads.</param>
/// <param name="TypeName">The member's type as users write it.</param>
/// <param name="Kind">How the reader decodes it.</param>
/// <param name="IsNullable">Whether the member accepts null.</param>
/// <param name="Location">The member's declaration.</param>
internal sealed record MemberSchemaView(string MemberName, string ColumnName, string TypeName, ValueKind Kind, bool IsNullable, LocationInfo? Location);
