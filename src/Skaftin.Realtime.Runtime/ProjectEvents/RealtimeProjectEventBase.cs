namespace Skaftin.Realtime;

/// <summary>The part of every typed project event the router sees: its type and a way to hand it an event.</summary>
public abstract class RealtimeProjectEventBase
{
    private protected RealtimeProjectEventBase(SkaftinEventRouter router, string eventType)
    {
        Router = router;
        EventType = eventType;
    }

    /// <summary>The event's <c>type</c> as the server sends it.</summary>
    public string EventType { get; }

    /// <summary>The router this event source receives events from.</summary>
    protected SkaftinEventRouter Router { get; }

    /// <summary>Hands the source one event of its type; never throws (failures go to the router's error handlers).</summary>
    internal abstract void Dispatch(ProjectEvent projectEvent, System.ReadOnlyMemory<byte> utf8Json);
}
