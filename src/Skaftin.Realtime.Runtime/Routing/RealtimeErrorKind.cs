namespace Skaftin.Realtime;

/// <summary>What went wrong while delivering an event.</summary>
public enum RealtimeErrorKind
{
    /// <summary>The event or one of its rows could not be decoded; nothing was delivered for it.</summary>
    DecodeFailed,

    /// <summary>A user handler threw; the other handlers and later events were still delivered.</summary>
    HandlerFailed,

    /// <summary>The event's <c>type</c> is not one this SDK knows; it went to the untyped handlers.</summary>
    UnknownEventType,

    /// <summary>The handlers fell so far behind that the dispatch queue was full; the event was not delivered (its raw text is in the error).</summary>
    DispatchQueueFull,

    /// <summary>The connection failed in a way the client could not recover from on its own (for example a token rejected on reconnect).</summary>
    ConnectionFailed,

    /// <summary>
    /// A frame this SDK does not handle (an event name it does not know, a binary event, an acknowledgement it did
    /// not ask for) was dropped; the exception is a <see cref="SkaftinFrameException"/> saying which.
    /// </summary>
    FrameDropped,

    /// <summary>
    /// An update that carried only some columns and no whole previous row was delivered as a patch, and this table
    /// has no handler that takes patches (<c>OnPatched</c>, <c>OnChanged</c>, <c>Changes()</c>, <c>OnAnyChange</c>):
    /// its <c>OnUpdated</c> handlers never hear of it. Reported once per table; the raw text is that of the first one.
    /// </summary>
    UnhandledPatch,

    /// <summary>
    /// A row event (insert, update, delete) came without a <c>tableName</c>: no table can take it, so it went to the
    /// untyped handlers (<c>OnUndeclaredChange</c>, <c>OnAnyChange</c>) with a null table name.
    /// </summary>
    MissingTableName,
}
