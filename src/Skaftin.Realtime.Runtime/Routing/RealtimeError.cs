using System;

namespace Skaftin.Realtime;

/// <summary>A failure to deliver one event, reported instead of thrown so the connection and later events go on.</summary>
/// <param name="Kind">What went wrong.</param>
/// <param name="EventName">The socket event's name, such as <c>database-change</c>.</param>
/// <param name="TableName">The table the event was for, when known.</param>
/// <param name="EventType">The event's <c>type</c>, when known.</param>
/// <param name="RawText">The event's JSON text as received (cut to <see cref="MaxRawTextLength"/> characters).</param>
/// <param name="Exception">The exception behind the failure, when there is one.</param>
public sealed record RealtimeError(
    RealtimeErrorKind Kind,
    string EventName,
    string? TableName,
    string? EventType,
    string RawText,
    Exception? Exception)
{
    /// <summary>The longest raw text kept in an error (huge payloads are cut, so errors stay cheap to keep).</summary>
    public const int MaxRawTextLength = 4096;

    /// <summary>A one-line description for logs.</summary>
    /// <returns>The description.</returns>
    public override string ToString()
    {
        // Only what is known is said: a connection failure has no event type and no table.
        var subject = EventType is null ? EventName : $"{EventName} {EventType}";
        var table = TableName is null ? "" : $" on table {TableName}";
        return $"{Kind} for {subject}{table}: {Exception?.Message ?? Explain(Kind)}";
    }

    private static string Explain(RealtimeErrorKind kind) => kind switch
    {
        RealtimeErrorKind.UnhandledPatch =>
            "an update carried only some columns and no whole previous row, so it was delivered as a patch, and no handler of this table takes patches (OnUpdated did not receive it): subscribe OnPatched or OnChanged",
        RealtimeErrorKind.MissingTableName =>
            "a row event came without a tableName, so no table could take it; it went to OnUndeclaredChange and OnAnyChange",
        RealtimeErrorKind.UnknownEventType => "this SDK does not know the event type; it went to the untyped handlers",
        _ => "no further detail",
    };
}
