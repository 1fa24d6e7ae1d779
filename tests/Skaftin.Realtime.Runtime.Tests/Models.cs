using System;
using System.Collections.Generic;
using System.Text.Json;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Runtime.Tests;

public enum VehicleStatus
{
    Available,
    InService,
    OutOfService,
}

[SkaftinTable("vehicles")]
public sealed partial record Vehicle(
    [property: SkaftinKey] int Id,
    string RegistrationNumber,
    VehicleStatus Status,
    int? Capacity,
    DateTimeOffset CreatedAt);

[SkaftinTable("drivers")]
public sealed class Driver
{
    public long Id { get; init; }

    public required string FullName { get; init; }

    public string? LicenceNumber { get; init; }

    public bool Active { get; set; } = true;

    public int Rating { get; init; }
}

[Flags]
public enum Permissions
{
    None = 0,
    Read = 1,
    Write = 2,
}

[SkaftinTable("all_types")]
public sealed record AllTypes(
    Guid Id,
    string Text,
    bool Flag,
    byte U8,
    sbyte I8,
    short I16,
    ushort U16,
    int I32,
    uint U32,
    long I64,
    ulong U64,
    float F32,
    double F64,
    decimal Money,
    DateTime At,
    DateTimeOffset AtOffset,
    DateOnly Day,
    TimeOnly Time,
    JsonElement Meta,
    Permissions Permissions,
    int[] Numbers,
    List<string> Tags,
    IReadOnlyList<VehicleStatus> Statuses,
    IReadOnlyList<int?> Sparse,
    decimal? MaybeMoney = null,
    string Currency = "EUR");

// A keyless table on purpose (SKR005 is silenced in the project file): its delete events carry a row
// only when the server sends a full one.
[SkaftinTable("audit_log")]
public sealed record AuditEntry(string Action, DateTimeOffset At);

/// <summary>Used only by the telemetry test, so no other test's events reach its measurements.</summary>
[SkaftinTable(Table)]
public sealed record TelemetryProbe(int Id, string Name)
{
    public const string Table = "telemetry_probe";
}
