using System.Collections.Generic;
using System.Diagnostics;

namespace Skaftin.Realtime;

/// <summary>
/// The names of the SDK's <see cref="System.Diagnostics.Metrics.Meter"/> and <see cref="System.Diagnostics.ActivitySource"/>,
/// for <c>dotnet-counters monitor --counters Skaftin.Realtime</c> and OpenTelemetry's <c>AddMeter</c>/<c>AddSource</c>.
/// Each client's meter comes from <see cref="SkaftinRealtimeOptions.MeterFactory"/> when one is given.
/// </summary>
public static class SkaftinTelemetry
{
    /// <summary>The meter's and the activity source's name.</summary>
    public const string Name = "Skaftin.Realtime";

    /// <summary>The version the meter and the activity source carry: this assembly's.</summary>
    internal static readonly string? Version = typeof(SkaftinTelemetry).Assembly.GetName().Version?.ToString();

    internal static readonly ActivitySource ActivitySource = new(Name, Version);

    internal static KeyValuePair<string, object?> Table(string? table) => new("skaftin.table", table ?? "");

    internal static KeyValuePair<string, object?> EventType(string? type) => new("skaftin.event_type", type ?? "");
}
