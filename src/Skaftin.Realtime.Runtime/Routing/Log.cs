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
}
