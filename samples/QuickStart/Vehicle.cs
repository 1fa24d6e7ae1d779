using System;
using Skaftin.Realtime;

namespace QuickStart;

public enum VehicleStatus
{
    Available,
    InService,
    OutOfService,
}

// The generator turns this into VehiclesRealtime (client.Vehicles()) and VehicleRowReader.
[SkaftinTable("vehicles")]
public sealed record Vehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,   // column registration_number
    VehicleStatus Status,        // "available", "in_service", ...
    int? Capacity,
    DateTimeOffset CreatedAt);
