using System;
using Microsoft.Extensions.Logging;

namespace Skaftin.Realtime;

/// <summary>Source-generated log messages with stable event ids. Tokens are never logged.</summary>
internal static partial class Log
{
    [LoggerMessage(EventId = 1001, Level = LogLevel.Warning, Message = "Could not decode {EventType} event for table {TableName}: {Reason}")]
    public static partial void DecodeFailed(ILogger logger, string? eventType, string? tableName, string reason, Exception exception);

    [LoggerMessage(EventId = 1002, Level = LogLevel.Error, Message = "A handler for {EventType} on table {TableName} threw")]
    public static partial void HandlerFailed(ILogger logger, string? eventType, string? tableName, Exception exception);

    [LoggerMessage(EventId = 1003, Level = LogLevel.Information, Message = "Received database-change of unknown type {EventType}; delivered untyped")]
    public static partial void UnknownEventType(ILogger logger, string eventType);

    [LoggerMessage(EventId = 1004, Level = LogLevel.Error, Message = "An error handler threw while reporting {Kind}")]
    public static partial void ErrorHandlerFailed(ILogger logger, RealtimeErrorKind kind, Exception exception);

    [LoggerMessage(EventId = 1005, Level = LogLevel.Warning, Message = "A {EventName} frame was not delivered ({Cause}): {Reason}")]
    public static partial void FrameRejected(ILogger logger, string eventName, FrameErrorKind cause, string reason);

    [LoggerMessage(EventId = 1006, Level = LogLevel.Warning, Message = "An update of table {TableName} carried only some columns and no whole previous row; it was delivered as a patch, and no handler of the table takes patches, so its OnUpdated handlers did not receive it (subscribe OnPatched or OnChanged). Reported once per table")]
    public static partial void UnhandledPatch(ILogger logger, string tableName);

    [LoggerMessage(EventId = 1007, Level = LogLevel.Warning, Message = "A {EventType} event of project {ProjectId} came without a tableName; delivered untyped")]
    public static partial void MissingTableName(ILogger logger, string eventType, string projectId);

    [LoggerMessage(EventId = 1008, Level = LogLevel.Warning, Message = "Schema drift on {Drift}: the declared model may no longer match the table. {Action} Reported once per table and kind of change")]
    public static partial void SchemaDrift(ILogger logger, string drift, string action);

    [LoggerMessage(EventId = 2001, Level = LogLevel.Information, Message = "Connected to {Url} as {SocketId}")]
    public static partial void Connected(ILogger logger, Uri url, string? socketId);

    [LoggerMessage(EventId = 2002, Level = LogLevel.Warning, Message = "Connection lost: {Reason}")]
    public static partial void ConnectionLost(ILogger logger, string reason);

    [LoggerMessage(EventId = 2003, Level = LogLevel.Information, Message = "Reconnect attempt {Attempt} in {DelayMs:0} ms")]
    public static partial void Reconnecting(ILogger logger, int attempt, double delayMs);

    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "Reconnect attempt {Attempt} failed: {Reason}")]
    public static partial void ReconnectFailed(ILogger logger, int attempt, string reason);

    // The same event (2004, a failed connection attempt) worded for the very first attempt, which is no reconnect:
    // operators filtering on the id still see every failed attempt.
#pragma warning disable SYSLIB1006 // one event id, two wordings on purpose
    [LoggerMessage(EventId = 2004, Level = LogLevel.Warning, Message = "The first connection attempt failed: {Reason}")]
    public static partial void FirstConnectFailed(ILogger logger, string reason);
#pragma warning restore SYSLIB1006

    [LoggerMessage(EventId = 2005, Level = LogLevel.Error, Message = "A connection-state handler threw")]
    public static partial void StateHandlerFailed(ILogger logger, Exception exception);

    // Every connection failure reported to OnError comes here (a refusal while retrying, a room not joined, the retry
    // policy giving up): the exception's message says which, so the line claims nothing more.
    [LoggerMessage(EventId = 2006, Level = LogLevel.Error, Message = "Connection failure reported to OnError: {Reason}")]
    public static partial void ConnectionFailed(ILogger logger, string reason, Exception exception);

    [LoggerMessage(EventId = 2007, Level = LogLevel.Warning, Message = "Dispatch queue full; a {EventName} event was not delivered")]
    public static partial void DispatchQueueFull(ILogger logger, string eventName);

    [LoggerMessage(EventId = 2008, Level = LogLevel.Warning, Message = "The WebSocket could not open ({Reason}); this connection attempt goes on over long-polling (further attempts that fall back before a connection opens are logged at Debug)")]
    public static partial void FellBackToPolling(ILogger logger, string reason);

    [LoggerMessage(EventId = 2009, Level = LogLevel.Debug, Message = "The WebSocket could not open again ({Reason}); this connection attempt goes on over long-polling")]
    public static partial void FellBackToPollingAgain(ILogger logger, string reason);
}
