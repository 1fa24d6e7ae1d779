using System;

namespace Skaftin.Realtime;

// What the router reports rather than throws: each failure becomes one RealtimeError for the app's OnError handlers
// (and a log line), never an exception out of the dispatch path.
public sealed partial class SkaftinEventRouter
{
    /// <summary>A patch of <paramref name="tableName"/> reached no handler (see <see cref="RealtimeErrorKind.UnhandledPatch"/>); the table reports it once.</summary>
    internal void ReportUnhandledPatch(string tableName, in ChangeEnvelope change)
    {
        Log.UnhandledPatch(_logger, tableName);
        Report(new RealtimeError(RealtimeErrorKind.UnhandledPatch, EventNames.DatabaseChange, tableName, change.TypeName, Cut(change.Utf8Json), null));
    }

    internal void ReportDecodeFailure(string eventName, string? tableName, string? eventType, ReadOnlyMemory<byte> utf8Json, SkaftinDecodeException ex)
    {
        Log.DecodeFailed(_logger, eventType, tableName, ex.Message, ex);
        Metrics.DecodeFailures.Add(1, SkaftinTelemetry.Table(tableName ?? ex.TableName));
        Report(new RealtimeError(RealtimeErrorKind.DecodeFailed, eventName, tableName ?? ex.TableName, eventType, Cut(utf8Json), ex));
    }

    internal void ReportFrameRejected(FrameRejection rejection)
    {
        Log.FrameRejected(_logger, rejection.EventName, rejection.Exception.Kind, rejection.Exception.Message);
        if (rejection.Kind == RealtimeErrorKind.DecodeFailed)
        {
            Metrics.DecodeFailures.Add(1, SkaftinTelemetry.Table(rejection.TableName));
        }

        Report(new RealtimeError(rejection.Kind, rejection.EventName, rejection.TableName, rejection.EventType, Cut(rejection.Text), rejection.Exception));
    }

    internal void ReportHandlerFailure(DatabaseChange change, Exception ex) => ReportHandlerFailure(change.Envelope, ex);

    internal void ReportHandlerFailure(in ChangeEnvelope change, Exception ex)
    {
        Log.HandlerFailed(_logger, change.TypeName, change.TableName, ex);
        Metrics.HandlerFailures.Add(1, SkaftinTelemetry.Table(change.TableName));
        Report(new RealtimeError(RealtimeErrorKind.HandlerFailed, EventNames.DatabaseChange, change.TableName, change.TypeName, Cut(change.Utf8Json), ex));
    }

    internal void ReportConnectionFailure(Exception ex)
    {
        Log.ConnectionFailed(_logger, ex.Message, ex);
        Report(new RealtimeError(RealtimeErrorKind.ConnectionFailed, "connect", null, null, "", ex));
    }

    internal void ReportResyncHandlerFailure(ResyncRequired signal, Exception ex)
    {
        Log.HandlerFailed(_logger, "resync", signal.TableName, ex);
        Metrics.HandlerFailures.Add(1, SkaftinTelemetry.Table(signal.TableName));
        Report(new RealtimeError(RealtimeErrorKind.HandlerFailed, "resync", signal.TableName, signal.Reason.ToString(), "", ex));
    }

    internal void ReportLiveTableHandlerFailure(string tableName, string handlerName, Exception ex)
    {
        Log.HandlerFailed(_logger, handlerName, tableName, ex);
        Metrics.HandlerFailures.Add(1, SkaftinTelemetry.Table(tableName));
        Report(new RealtimeError(RealtimeErrorKind.HandlerFailed, "live-table", tableName, handlerName, "", ex));
    }

    internal void ReportStatusHandlerFailure(string propertyName, Exception ex)
    {
        Log.HandlerFailed(_logger, propertyName, null, ex);
        Metrics.HandlerFailures.Add(1);
        Report(new RealtimeError(RealtimeErrorKind.HandlerFailed, "connection-status", null, propertyName, "", ex));
    }

    internal void ReportHandlerContextFailure(string eventName, ReadOnlyMemory<byte> utf8Json, Exception ex)
    {
        Log.HandlerFailed(_logger, eventName, null, ex);
        Metrics.HandlerFailures.Add(1);
        Report(new RealtimeError(RealtimeErrorKind.HandlerFailed, eventName, null, null, Cut(utf8Json), ex));
    }

    internal void ReportQueueFull(string eventName, ReadOnlyMemory<byte> utf8Json)
    {
        Log.DispatchQueueFull(_logger, eventName);
        Metrics.DroppedEvents.Add(1);
        Report(new RealtimeError(RealtimeErrorKind.DispatchQueueFull, eventName, null, null, Cut(utf8Json), null));
    }

    internal void ReportProjectHandlerFailure(ProjectEvent projectEvent, ReadOnlyMemory<byte> utf8Json, Exception ex)
    {
        Log.HandlerFailed(_logger, projectEvent.Type, null, ex);
        Metrics.HandlerFailures.Add(1);
        Report(new RealtimeError(RealtimeErrorKind.HandlerFailed, EventNames.ProjectEvent, null, projectEvent.Type, Cut(utf8Json), ex));
    }

    private void Report(RealtimeError error)
    {
        foreach (var handler in _errors.Snapshot)
        {
            try
            {
                handler(error);
            }
            catch (Exception ex)
            {
                // An error handler that throws must not stop the others, nor recurse.
                Log.ErrorHandlerFailed(_logger, error.Kind, ex);
            }
        }
    }

    // At most MaxRawTextLength characters, by the one truncation helper. A UTF-16 unit takes at most three UTF-8
    // bytes, so decoding four bytes per kept character always leaves the cut (never a split character) to Truncate.
    private static string Cut(ReadOnlyMemory<byte> utf8Json)
    {
        var span = utf8Json.Span;
        var decoded = Utf8Text.Decode(span.Slice(0, Math.Min(span.Length, RealtimeError.MaxRawTextLength * 4)));
        return SkaftinJson.Truncate(decoded, RealtimeError.MaxRawTextLength);
    }
}
