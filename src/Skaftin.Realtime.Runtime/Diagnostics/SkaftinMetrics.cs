using System.Diagnostics.Metrics;

namespace Skaftin.Realtime;

/// <summary>
/// One client's instruments, on the meter its <see cref="SkaftinRealtimeOptions.MeterFactory"/> creates (so they live
/// and die with the app's metrics pipeline), or, without a factory, on one process-wide meter shared by every client.
/// </summary>
internal sealed class SkaftinMetrics
{
    /// <summary>The instruments of clients given no meter factory.</summary>
    internal static readonly SkaftinMetrics Default = new(new Meter(SkaftinTelemetry.Name, SkaftinTelemetry.Version));

    private SkaftinMetrics(Meter meter)
    {
        Meter = meter;
        EventsReceived = meter.CreateCounter<long>(
            "skaftin.realtime.events", "{event}", "database-change events received, by table and type.");
        DecodeFailures = meter.CreateCounter<long>(
            "skaftin.realtime.decode_failures", "{event}", "Events or rows that could not be decoded.");
        HandlerFailures = meter.CreateCounter<long>(
            "skaftin.realtime.handler_failures", "{call}", "Handler calls that threw.");
        Reconnects = meter.CreateCounter<long>(
            "skaftin.realtime.reconnects", "{connection}", "Connections re-established after a loss.");
        DroppedEvents = meter.CreateCounter<long>(
            "skaftin.realtime.dispatch_queue_full", "{event}", "Events reported instead of delivered because the dispatch queue was full.");
        DispatchLag = meter.CreateHistogram<double>(
            "skaftin.realtime.dispatch_lag", "ms", "Time from an event's arrival on the socket to the start of its handlers.");
    }

    /// <summary>The meter the instruments belong to.</summary>
    internal Meter Meter { get; }

    internal Counter<long> EventsReceived { get; }

    internal Counter<long> DecodeFailures { get; }

    internal Counter<long> HandlerFailures { get; }

    internal Counter<long> Reconnects { get; }

    internal Counter<long> DroppedEvents { get; }

    internal Histogram<double> DispatchLag { get; }

    /// <summary>The instruments on <paramref name="factory"/>'s meter, or the process-wide ones when there is none.</summary>
    /// <param name="factory">The app's meter factory, or null.</param>
    /// <returns>The instruments.</returns>
    internal static SkaftinMetrics For(IMeterFactory? factory) =>
        factory is null ? Default : new(factory.Create(new MeterOptions(SkaftinTelemetry.Name) { Version = SkaftinTelemetry.Version }));
}
