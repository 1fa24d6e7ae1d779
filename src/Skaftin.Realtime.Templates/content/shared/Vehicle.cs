using Skaftin.Realtime;

namespace SkaftinApp;

public enum VehicleStatus { Available, InService, OutOfService }

// One record per table: the generator writes VehiclesRealtime (typed subscriptions) and a reflection-free row reader.
[SkaftinTable("vehicles")]
public sealed record Vehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,   // column registration_number (snake_case by default)
    VehicleStatus Status,        // "available", "in_service", "InService" or 1
    int? Capacity,
    DateTimeOffset CreatedAt);
