using Skaftin.Realtime;

namespace LiveVehicles;

public enum VehicleStatus
{
    Available,
    InService,
    OutOfService,
}

[SkaftinTable("vehicles")]
public sealed record Vehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,
    VehicleStatus Status,
    int? Capacity,
    DateTimeOffset CreatedAt);
