using System;
using Skaftin.Realtime;

namespace Skaftin.Realtime.Testing.Tests.Fleet;

public enum TruckStatus
{
    Available,
    InService,
}

/// <summary>A row type as an app declares it.</summary>
[SkaftinTable("trucks")]
public sealed record Truck([property: SkaftinKey] int Id, string Plate, TruckStatus Status, int? Seats);

/// <summary>A table without a key.</summary>
[SkaftinTable("log_lines")]
public sealed record LogLine(string Text, DateTimeOffset At);
