using System;
using System.Buffers.Text;
using System.Collections.Generic;
using System.Text.Json;

namespace Skaftin.Realtime.Benchmarks.Decoding;

/// <summary>
/// Not a usable decoder: a lower bound for any typed one. It walks the tokens of a row <b>in the order the
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

    /// <summary>The trip row (30 columns, Payloads.Trip), the same way: in order, one conversion per value.</summary>
    public static Trip Trip(ReadOnlySpan<byte> utf8Json)
    {
        var reader = new Utf8JsonReader(utf8Json, Options);
        reader.Read();
        Value(ref reader);
        Utf8Parser.TryParse(reader.ValueSpan, out long id, out _); // bigint as a string
        Value(ref reader);
        var vehicleId = reader.GetGuid();
        Value(ref reader);
        var driverId = reader.GetGuid();
        Value(ref reader);
        var routeNumber = reader.GetInt32();
        Value(ref reader);
        var origin = reader.GetString()!;
        Value(ref reader);
        var destination = reader.GetString()!;
        Value(ref reader);
        var span = reader.ValueSpan;
        var status = span.SequenceEqual("scheduled"u8) ? TripStatus.Scheduled
            : span.SequenceEqual("en_route"u8) ? TripStatus.EnRoute
            : span.SequenceEqual("completed"u8) ? TripStatus.Completed
            : TripStatus.Cancelled;
        Value(ref reader);
        var scheduledAt = reader.GetDateTimeOffset();
        Value(ref reader);
        DateTimeOffset? startedAt = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
        Value(ref reader);
        DateTimeOffset? endedAt = reader.TokenType == JsonTokenType.Null ? null : reader.GetDateTimeOffset();
        Value(ref reader);
        Utf8Parser.TryParse(reader.ValueSpan, out decimal fare, out _);
        Value(ref reader);
        decimal? tip = null;
        if (reader.TokenType != JsonTokenType.Null && Utf8Parser.TryParse(reader.ValueSpan, out decimal tipValue, out _))
        {
            tip = tipValue;
        }

        Value(ref reader);
        var distance = reader.GetDouble();
        Value(ref reader);
        double? duration = reader.TokenType == JsonTokenType.Null ? null : reader.GetDouble();
        Value(ref reader);
        var passengers = reader.GetInt32();
        Value(ref reader);
        int? seatsFree = Utf8Parser.TryParse(reader.ValueSpan, out int seats, out _) ? seats : null; // "2"
        Value(ref reader);
        var paid = reader.GetInt32() == 1;
        Value(ref reader);
        var cancelled = reader.GetBoolean();
        Value(ref reader);
        var cancelReason = reader.GetString();
        Value(ref reader);
        var paymentMethod = reader.GetString()!;
        Value(ref reader);
        var currency = reader.GetString()!;
        Value(ref reader);
        Utf8Parser.TryParse(reader.ValueSpan, out long odometerStart, out _); // "184220"
        Value(ref reader);
        long? odometerEnd = reader.TokenType == JsonTokenType.Null ? null : reader.GetInt64();
        Value(ref reader);
        var rating = reader.GetSingle();
        Value(ref reader);
        var notes = reader.GetString();
        Value(ref reader);
        Utf8Parser.TryParse(reader.ValueSpan.Slice(0, 4), out int year, out _);
        Utf8Parser.TryParse(reader.ValueSpan.Slice(5, 2), out int month, out _);
        Utf8Parser.TryParse(reader.ValueSpan.Slice(8, 2), out int day, out _);
        var serviceDate = new DateOnly(year, month, day);
        Value(ref reader);
        var createdBy = reader.GetString()!;
        Value(ref reader);
        var createdAt = reader.GetDateTimeOffset();
        Value(ref reader);
        var updatedAt = reader.GetDateTimeOffset();
        Value(ref reader);
        var version = reader.GetInt32();
        reader.Read(); // '}'
        return new Trip(id, vehicleId, driverId, routeNumber, origin, destination, status, scheduledAt, startedAt, endedAt,
            fare, tip, distance, duration, passengers, seatsFree, paid, cancelled, cancelReason, paymentMethod, currency,
            odometerStart, odometerEnd, rating, notes, serviceDate, createdBy, createdAt, updatedAt, version);
    }

    // Property name, then its value.
    private static void Value(ref Utf8JsonReader reader)
    {
        reader.Read();
        reader.Read();
    }
}
