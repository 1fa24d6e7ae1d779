namespace Skaftin.Realtime;

/// <summary>What showed a <see cref="SchemaDrift"/>.</summary>
public enum SchemaDriftSource
{
    /// <summary>A schema event of the declared table (<c>add_column</c>, <c>alter_column</c>, <c>drop_column</c>, <c>rename_table</c>, <c>drop_table</c>).</summary>
    SchemaEvent,

    /// <summary>A row of the declared table whose columns did not match the model, with no schema event before it.</summary>
    Row,
}
