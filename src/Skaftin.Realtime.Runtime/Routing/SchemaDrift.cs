using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>
/// A declared table's schema changed under the running app, so its rows may no longer match the model: a schema event
/// (<c>add_column</c>, <c>alter_column</c>, <c>drop_column</c>, <c>rename_table</c> or <c>drop_table</c>), or a row
/// whose columns do not match the model (<see cref="Source"/> says which). Raised once per table and kind of change by
/// <see cref="SkaftinRealtimeClient.OnSchemaDrift"/>, kept (the latest per table) in
/// <see cref="SkaftinRealtimeClient.SchemaDrifts"/>, and logged once as a warning.
/// </summary>
/// <param name="ProjectId">The project of the table.</param>
/// <param name="TableName">The declared table's wire name (for a rename, the old name).</param>
/// <param name="ChangeType">The kind of change. For a row: <see cref="DatabaseChangeType.AddColumn"/> when it carried columns the model does not know, <see cref="DatabaseChangeType.DropColumn"/> when it lacked a column the model requires.</param>
/// <param name="Columns">The column(s) the event named (for a rename, the new table name) or the row showed; empty when the event did not say in a shape this SDK reads.</param>
/// <param name="AffectedMembers">The C# members of the declared model bound to those columns (every member when the table was renamed or dropped; empty when no member is bound, e.g. an added column); null when the model's columns are not known.</param>
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
    /// <summary>What showed the drift: a schema event (the default) or a row.</summary>
    public SchemaDriftSource Source { get; init; }

    /// <summary>A one-line description: table, change and column(s).</summary>
    /// <returns>The description.</returns>
    public string Describe()
    {
        var columns = Columns.Count == 0 ? "" : $" ({string.Join(", ", Columns)})";
        var change = (Source, ChangeType) switch
        {
            (SchemaDriftSource.Row, DatabaseChangeType.AddColumn) => "rows carry columns the model does not know",
            (SchemaDriftSource.Row, DatabaseChangeType.DropColumn) => "rows lack a column the model requires",
            _ => WireName(ChangeType),
        };
        return $"table '{TableName}': {change}{columns}";
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

    // A row of the table carried columns the model has no member for: benign, they are skipped.
    internal static SchemaDrift UnknownColumns(DatabaseChange change, string tableName, IReadOnlyList<string> columns, DateTimeOffset now) =>
        new(change.ProjectId, tableName, DatabaseChangeType.AddColumn, columns, Array.Empty<string>(),
            "Rows are still delivered; the column(s) are ignored, as the model has no member for them.", now)
        {
            Source = SchemaDriftSource.Row,
        };

    // An insert (always a whole row) lacked a column the model requires: that row, and every like it, fails to decode.
    internal static SchemaDrift MissingColumn(DatabaseChange change, string tableName, string column, IReadOnlyDictionary<string, string> columnMembers, DateTimeOffset now) =>
        new(change.ProjectId, tableName, DatabaseChangeType.DropColumn, new[] { column }, Members(new[] { column }, columnMembers),
            "Rows without the column fail to decode; each is still reported to OnError as DecodeFailed and reaches OnAnyChange raw.", now)
        {
            Source = SchemaDriftSource.Row,
        };

    // The members bound to the named columns, in the model's order.
    private static IReadOnlyList<string> Members(IReadOnlyList<string> columns, IReadOnlyDictionary<string, string> columnMembers)
    {
        var members = new List<string>();
        foreach (var column in columns)
        {
            if (columnMembers.TryGetValue(column, out var member) && !members.Contains(member))
            {
                members.Add(member);
            }
        }

        return members;
    }

    internal static SchemaDrift From(SchemaChange change, IReadOnlyDictionary<string, string>? columnMembers, DateTimeOffset now)
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
        IReadOnlyList<string>? affected = columnMembers is null ? null
            : change.Type is DatabaseChangeType.RenameTable or DatabaseChangeType.DropTable ? new List<string>(columnMembers.Values)
            : Members(columns, columnMembers);
        return new SchemaDrift(change.ProjectId, change.TableName, change.Type, columns, affected, action, now);
    }
}
