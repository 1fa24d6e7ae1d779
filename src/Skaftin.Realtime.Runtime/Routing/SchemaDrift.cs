using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>
/// A declared table's schema changed under the running app (<c>add_column</c>, <c>alter_column</c>,
/// <c>drop_column</c>, <c>rename_table</c> or <c>drop_table</c>), so its rows may no longer match the model. Raised
/// once per table and kind of change by <see cref="SkaftinRealtimeClient.OnSchemaDrift"/>, kept (the latest per table) in
/// <see cref="SkaftinRealtimeClient.SchemaDrifts"/>, and logged once as a warning.
/// </summary>
/// <param name="ProjectId">The project of the table.</param>
/// <param name="TableName">The declared table's wire name (for a rename, the old name).</param>
/// <param name="ChangeType">The kind of change.</param>
/// <param name="Columns">The column(s) the event named (for a rename, the new table name); empty when the event did not say in a shape this SDK reads.</param>
/// <param name="AffectedMembers">The members of the declared model the change touches; null when unknown (the generated table does not expose its column-to-member map at runtime).</param>
/// <param name="Action">What the SDK does about it, in words.</param>
/// <param name="DetectedAt">When the client received the change (the client's clock).</param>
public sealed record SchemaDrift(
    string ProjectId,
    string TableName,
    DatabaseChangeType ChangeType,
    IReadOnlyList<string> Columns,
    IReadOnlyList<string>? AffectedMembers,
    string Action,
    DateTimeOffset DetectedAt)
{
    /// <summary>A one-line description: table, change and column(s).</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var columns = Columns.Count == 0 ? "" : $" ({string.Join(", ", Columns)})";
        return $"table '{TableName}': {WireName(ChangeType)}{columns}";
    }

    private static string WireName(DatabaseChangeType type) => type switch
    {
        DatabaseChangeType.AddColumn => "add_column",
        DatabaseChangeType.AlterColumn => "alter_column",
        DatabaseChangeType.DropColumn => "drop_column",
        DatabaseChangeType.RenameTable => "rename_table",
        DatabaseChangeType.DropTable => "drop_table",
        _ => type.ToString(),
    };

    internal static bool IsDrift(DatabaseChangeType type) => type is DatabaseChangeType.AddColumn
        or DatabaseChangeType.AlterColumn or DatabaseChangeType.DropColumn or DatabaseChangeType.RenameTable
        or DatabaseChangeType.DropTable;

    internal static SchemaDrift From(SchemaChange change, DateTimeOffset now)
    {
        var columns = new List<string>();
        switch (change.Details)
        {
            case ColumnAdded { Column.Name: { } added }:
                columns.Add(added);
                break;
            case ColumnDropped { Column.Name: { } dropped }:
                columns.Add(dropped);
                break;
            case ColumnAltered altered:
                if (altered.OldColumn?.Name is { } oldName)
                {
                    columns.Add(oldName);
                }

                if (altered.Column?.Name is { } newName && newName != altered.OldColumn?.Name)
                {
                    columns.Add(newName);
                }

                break;
            case TableRenamed { NewName: { } renamed }:
                columns.Add(renamed);
                break;
        }

        var action = change.Type switch
        {
            DatabaseChangeType.AddColumn => "The table is resynced; the new column is ignored by the model until it declares a member for it.",
            DatabaseChangeType.DropTable => "The table is resynced; no more events of it are expected, and loading its rows will fail.",
            DatabaseChangeType.RenameTable => "The table is resynced; events under the new name reach no declared table until the model's table name is changed.",
            _ => "The table is resynced; rows may now fail to decode (reported to OnError as DecodeFailed).",
        };
        return new SchemaDrift(change.ProjectId, change.TableName, change.Type, columns, null, action, now);
    }
}
