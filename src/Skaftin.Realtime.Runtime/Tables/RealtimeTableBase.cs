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

    internal SkaftinEventRouter EventRouter => Router;

    internal abstract void Dispatch(DatabaseChange change);

    internal abstract void Resync(ResyncRequired signal);
}
