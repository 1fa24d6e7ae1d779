using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;

namespace Skaftin.Realtime;

/// <summary>
/// The names of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>,
/// for <c>dotnet-counters monitor --counters Skaftin.Realtime</c> and OpenTelemetry's <c>AddMeter</c>/<c>AddSource</c>.
/// </summary>
public static class SkaftinTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Skaftin.Realtime";

    internal static readonly Meter Meter = new(Name, typeof(SkaftinTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly ActivitySource ActivitySource = new(Name, typeof(SkaftinTelemetry).Assembly.GetName().Version?.ToString());

    internal static readonly Counter<long> EventsReceived = Meter.CreateCounter<long>(
        "skaftin.realtime.events", "{event}", "database-change events received, by table and type.");

    internal static readonly Counter<long> DecodeFailures = Meter.CreateCounter<long>(
        "skaftin.realtime.decode_failures", "{event}", "Events or rows that could not be decoded.");

    internal static readonly Counter<long> HandlerFailures = Meter.CreateCounter<long>(
        "skaftin.realtime.handler_failures", "{call}", "Handler calls that threw.");

    internal static readonly Counter<long> Reconnects = Meter.CreateCounter<long>(
        "skaftin.realtime.reconnects", "{connection}", "Connections re-established after a loss.");

    internal static readonly Counter<long> DroppedEvents = Meter.CreateCounter<long>(
        "skaftin.realtime.dispatch_queue_full", "{event}", "Events reported instead of delivered because the dispatch queue was full.");

    internal static readonly Histogram<double> DispatchLag = Meter.CreateHistogram<double>(
        "skaftin.realtime.dispatch_lag", "ms", "Time from an event's arrival on the socket to the start of its handlers.");

    internal static KeyValuePair<string, object?> Table(string? table) => new("skaftin.table", table ?? "");

    internal static KeyValuePair<string, object?> EventType(string? type) => new("skaftin.event_type", type ?? "");
}
