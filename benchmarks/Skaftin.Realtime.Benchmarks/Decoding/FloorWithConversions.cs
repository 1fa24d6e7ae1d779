using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// Not a usable decoder: a lower bound for any typed one. It walks the tokens of a vehicle row <b>in the order the
/// payload has them</b>, never compares a property name, and converts each value with the one System.Text.Json or
/// <see cref="Utf8Parser"/> call its wire form needs (no leniency, no error handling, no unknown columns), then builds
/// the row. What the generated reader costs beyond this is its own overhead: name matching, lenient forms, checks.
/// </summary>
public static class FloorWithConversions
{
    private static readonly JsonReaderOptions Options = new() { MaxDepth = 64 };

    public static Vehicle Vehicle(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        reader.Read();
        return ReadVehicle(ref reader);
    }

    public static List<Vehicle> VehicleArray(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        reader.Read();
        var rows = new List<Vehicle>();
        while (reader.Read() && reader.TokenType == JsonTokenType.StartObject)
        {
            rows.Add(ReadVehicle(ref reader));
        }

        return rows;
    }

    // The reader is on the row's '{'; columns come as id, registration_number, status, capacity, active, fare,
    // created_at, depot_id (Payloads.Vehicle).
    private static Vehicle ReadVehicle(ref Utf8JsonReader reader)
    {
        Value(ref reader);
        var id = reader.GetInt32();
        Value(ref reader);
        var registration = reader.GetString()!;
        Value(ref reader);
        var span = reader.ValueSpan;
        var status = span.SequenceEqual("available"u8) ? VehicleStatus.Available
            : span.SequenceEqual("in_service"u8) ? VehicleStatus.InService
            : VehicleStatus.OutOfService;
        Value(ref reader);
        int? capacity = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt32();
        Value(ref reader);
        var active = reader.GetInt32() == 1;
        Value(ref reader);
        Utf8Parser.TryParse(reader.ValueSpan, out decimal fare, out _);
        Value(ref reader);
        var createdAt = reader.GetDateTimeOffset();
        Value(ref reader);
        var depot = reader.GetGuid();
        reader.Read(); // '}'
        return new Vehicle(id, registration, status, capacity, active, fare, createdAt, depot);
    }

    // Property name, then its value.
    private static void Value(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Read();
    }
}
