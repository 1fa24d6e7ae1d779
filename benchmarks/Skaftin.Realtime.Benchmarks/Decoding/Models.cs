using System;
using System.Text.Json;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Benchmarks.Decoding;

// The row types every decoder in the comparison fills. The generator reads them through [SkaftinTable];
// System.Text.Json and Newtonsoft bind the same positional constructors through their snake_case policies.

public enum VehicleStatus
{
    Available,
    InService,
    OutOfService,
}

/// <summary>The small row: 8 columns as node-postgres sends them (enum as a string, bool as 0/1, numeric as a string).</summary>
[SkaftinTable("vehicles")]
public sealed record Vehicle(
    int Id,
    string RegistrationNumber,
    VehicleStatus Status,
    int? Capacity,
    bool Active,
    decimal Fare,
    DateTimeOffset CreatedAt,
    Guid DepotId);

public enum TripStatus
{
    Scheduled,
    EnRoute,
    Completed,
    Cancelled,
}

/// <summary>The wide row: 30 columns of mixed types, with nulls, numbers in strings and 0/1 booleans.</summary>
[SkaftinTable("trips")]
public sealed record Trip(
    long Id,
    Guid VehicleId,
    Guid DriverId,
    int RouteNumber,
    string Origin,
    string Destination,
    TripStatus Status,
    DateTimeOffset ScheduledAt,
    DateTimeOffset? StartedAt,
    DateTimeOffset? EndedAt,
    decimal Fare,
    decimal? Tip,
    double DistanceKm,
    double? DurationMinutes,
    int PassengerCount,
    int? SeatsFree,
    bool Paid,
    bool Cancelled,
    string? CancelReason,
    string PaymentMethod,
    string Currency,
    long OdometerStart,
    long? OdometerEnd,
    float Rating,
    string? Notes,
    DateOnly ServiceDate,
    string CreatedBy,
    DateTimeOffset CreatedAt,
    DateTimeOffset UpdatedAt,
    int Version);

/// <summary>A row with a JSON column (about 10 KB) read as a <see cref="JsonElement"/>.</summary>
[SkaftinTable("documents")]
public sealed record Document(
    int Id,
    string Title,
    JsonElement Body,
    DateTimeOffset UpdatedAt);
