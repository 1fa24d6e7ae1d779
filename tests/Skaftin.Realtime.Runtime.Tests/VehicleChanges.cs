using System;
using System.Text;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>Sends a vehicles change through a router the way the socket does, for the live table's tests.</summary>
internal static class VehicleChanges
{
    public static Vehicle Row(int id, string registration) =>
        new(id, registration, VehicleStatus.Available, null, new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

    public static void Send(SkaftinEventRouter router, string type, int id, string registration, int second)
    {
        var data = type == "delete"
            ? $$"""{"id":{{id}}}"""
            : $$"""{"id":{{id}},"registration_number":"{{registration}}","status":"Available","capacity":null,"created_at":"2026-11-26T08:00:00Z"}""";
        router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(
            $$"""{"type":"{{type}}","projectId":"p1","tableName":"vehicles","data":{{data}},"timestamp":"2026-11-26T09:00:{{second:00}}Z"}"""));
    }
}
