using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime;

/// <summary>
/// What a schema event says, typed: <see cref="TableCreated"/>, <see cref="TableDropped"/>, <see cref="TableRenamed"/>,
/// <see cref="ColumnAdded"/>, <see cref="ColumnAltered"/>, <see cref="ColumnDropped"/>, <see cref="ConstraintCreated"/>
/// or <see cref="ConstraintDropped"/>. The table is the event's <see cref="SchemaChange.TableName"/>.
/// </summary>
public abstract record SchemaChangeDetails
{
    private protected SchemaChangeDetails()
    {
    }

    /// <summary>
    /// The fields of the event's <c>data</c> this SDK does not know, or whose value has a shape it does not read, by
    /// name, exactly as sent.
    /// </summary>
    public IReadOnlyDictionary<string, JsonElement> Extra { get; init; } = PayloadJson.NoExtra;
}

/// <summary>A table was created (<c>create_table</c>).</summary>
/// <param name="Columns">Its columns, in order; null when the server did not send them in a shape this SDK reads (then in <see cref="SchemaChangeDetails.Extra"/>).</param>
public sealed record TableCreated(IReadOnlyList<SchemaColumn>? Columns) : SchemaChangeDetails
{
    /// <summary>The primary key column's name; null when the server did not say.</summary>
    public string? PrimaryKey { get; init; }

    /// <summary>Its constraints; empty when the server sent none.</summary>
    public IReadOnlyList<SchemaConstraint> Constraints { get; init; } = [];
}

/// <summary>A table was dropped (<c>drop_table</c>).</summary>
public sealed record TableDropped : SchemaChangeDetails;

/// <summary>A table was renamed (<c>rename_table</c>); the event's table name is the old one.</summary>
/// <param name="OldName">The name clients knew the table by (the event's table name unless the payload names another).</param>
/// <param name="NewName">The table's name from now on; null when the server did not say in a shape this SDK reads.</param>
public sealed record TableRenamed(string OldName, string? NewName) : SchemaChangeDetails;

/// <summary>A column was added (<c>add_column</c>).</summary>
/// <param name="Column">The new column; null when the payload did not describe it in a shape this SDK reads.</param>
public sealed record ColumnAdded(SchemaColumn? Column) : SchemaChangeDetails;

/// <summary>A column was altered (<c>alter_column</c>).</summary>
/// <param name="Column">The column as it is now; null when the payload did not describe it in a shape this SDK reads.</param>
/// <param name="OldColumn">The column as it was, or null when the server sent no <c>oldData</c>.</param>
public sealed record ColumnAltered(SchemaColumn? Column, SchemaColumn? OldColumn) : SchemaChangeDetails;

/// <summary>A column was dropped (<c>drop_column</c>).</summary>
/// <param name="Column">The dropped column; null when the payload did not describe it in a shape this SDK reads.</param>
public sealed record ColumnDropped(SchemaColumn? Column) : SchemaChangeDetails;

/// <summary>A constraint was created (<c>create_constraint</c>).</summary>
/// <param name="Constraint">The new constraint; null when the payload did not describe it in a shape this SDK reads.</param>
public sealed record ConstraintCreated(SchemaConstraint? Constraint) : SchemaChangeDetails;

/// <summary>A constraint was dropped (<c>drop_constraint</c>).</summary>
/// <param name="Constraint">The dropped constraint; null when the payload did not describe it in a shape this SDK reads.</param>
public sealed record ConstraintDropped(SchemaConstraint? Constraint) : SchemaChangeDetails;
