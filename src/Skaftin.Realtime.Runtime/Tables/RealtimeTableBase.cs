namespace Skaftin.Realtime;

/// <summary>The part of every typed table the router sees: its wire name and a way to hand it an event.</summary>
public abstract class RealtimeTableBase
{
    private protected RealtimeTableBase(SkaftinEventRouter router, string tableName)
    {
        Router = router;
        TableName = tableName;
    }

    /// <summary>The table's wire name.</summary>
    public string TableName { get; }

    /// <summary>The router this table receives events from.</summary>
    protected SkaftinEventRouter Router { get; }

    /// <summary>
    /// The router of the client this table belongs to (the same as <see cref="Router"/>): how tooling built on the
    /// public seam, such as <c>Skaftin.Realtime.Testing</c>, tells which client a table came from.
    /// </summary>
    [System.ComponentModel.EditorBrowsable(System.ComponentModel.EditorBrowsableState.Never)]
    public SkaftinEventRouter EventRouter => Router;

    /// <summary>Whether the table has <c>OnSchemaChanged</c> handlers (the router decodes a schema payload only when someone listens).</summary>
    internal abstract bool HasSchemaSubscribers { get; }

    /// <summary>Hands the table one of its row events.</summary>
    internal abstract void Dispatch(in ChangeEnvelope change);

    /// <summary>Hands the table one of its schema events, already typed by the router.</summary>
    internal abstract void DispatchSchema(SchemaChange schemaChange, DatabaseChange change);

    internal abstract void Resync(ResyncRequired signal);

    /// <summary>The model's columns, each mapped to the member it fills (from the generated reader).</summary>
    internal abstract System.Collections.Generic.IReadOnlyDictionary<string, string> ColumnMembers { get; }
}
