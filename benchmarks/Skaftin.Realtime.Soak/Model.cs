using System;
using System.Collections.Generic;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Soak;

public enum VehicleStatus
{
    Available,
    InService,
    OutOfService,
}

// The row the dev server's bench stream sends (see devserver/src/bench.js).
[SkaftinTable("vehicles")]
public sealed record SoakVehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,
    VehicleStatus Status,
    int? Capacity,
    bool IsElectric,
    long Odometer,
    DateTimeOffset CreatedAt,
    double SentAtMs);

/// <summary>Payloads that must each be reported, never delivered and never fatal.</summary>
internal static class BadPayloads
{
    public static IEnumerable<object?> All(string project)
    {
        yield return new { type = "insert", projectId = project, tableName = "vehicles", data = "not a row", timestamp = "2026-11-26T08:00:00Z" };
        yield return new { type = "insert", projectId = project, tableName = "vehicles", data = new { id = "x" }, timestamp = "2026-11-26T08:00:00Z" };
        yield return new { type = "insert", tableName = "vehicles", data = new { id = 1 }, timestamp = "2026-11-26T08:00:00Z" };
        yield return new { type = "reticulate_splines", projectId = project, tableName = "vehicles", timestamp = "2026-11-26T08:00:00Z" };
        yield return "a bare string";
    }
}
