using System;

namespace Skaftin.Realtime.Scale;

/// <summary>The status values of the dev server's bench stream.</summary>
public enum BenchVehicleStatus
{
    Available,
    InService,
    OutOfService,
}

/// <summary>The row the dev server's bench stream (<c>POST /api/_bench/stream</c>) sends, as an app declares it.</summary>
[SkaftinTable("vehicles")]
public sealed record BenchVehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,
    BenchVehicleStatus Status,
    int? Capacity,
    bool IsElectric,
    long Odometer,
    DateTimeOffset CreatedAt,
    double SentAtMs);
