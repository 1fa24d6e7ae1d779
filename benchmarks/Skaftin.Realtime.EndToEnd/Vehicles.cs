using System;
using System.Text.Json.Serialization;
using Skaftin.Realtime;

namespace Skaftin.Realtime.EndToEnd;

/// <summary>The <c>status</c> column: the bench stream cycles through all three.</summary>
public enum VehicleStatus
{
    Available,
    InService,
    OutOfService,
}

/// <summary>
/// The row the dev server's bench mode streams (devserver/src/bench.js), as an SDK user declares it; the generator
/// writes <c>VehiclesRealtime</c> (<c>client.Vehicles()</c>) and a <c>Utf8JsonReader</c> row reader for it.
/// On the wire: <c>{"id":1,"registration_number":"CA 1","status":"in_service","capacity":4,"is_electric":1,
/// "odometer":"9007199254740993","created_at":"2025-01-31T12:00:00.000Z","sent_at_ms":1764112345678.123}</c>.
/// </summary>
[SkaftinTable("vehicles")]
public sealed record BenchVehicle(
    [property: SkaftinKey] long Id,
    string RegistrationNumber,
    VehicleStatus Status,
    int? Capacity,
    bool IsElectric,        // 0/1 on the wire
    long Odometer,          // a numeric string on the wire (bigint)
    DateTimeOffset CreatedAt,
    double SentAtMs);       // the server's send time, Unix ms

/// <summary>
/// What a user of raw SocketIOClient writes by hand for the same event: a POCO per envelope and row, read with
/// <c>response.GetValue&lt;VehicleEventPoco&gt;(0)</c> (System.Text.Json, reflection). The attributes are what it
/// takes for System.Text.Json to accept the wire forms at all (snake_case names, a bigint as a string).
/// </summary>
public sealed class VehicleEventPoco
{
    [JsonPropertyName("type")]
    public string Type { get; set; } = "";

    [JsonPropertyName("projectId")]
    public string ProjectId { get; set; } = "";

    [JsonPropertyName("tableName")]
    public string? TableName { get; set; }

    [JsonPropertyName("data")]
    public VehiclePoco? Data { get; set; }

    [JsonPropertyName("oldData")]
    public VehiclePoco? OldData { get; set; }

    [JsonPropertyName("timestamp")]
    public DateTimeOffset Timestamp { get; set; }
}

/// <summary>The hand-written row (see <see cref="VehicleEventPoco"/>).</summary>
public sealed class VehiclePoco
{
    [JsonPropertyName("id")]
    public long Id { get; set; }

    [JsonPropertyName("registration_number")]
    public string RegistrationNumber { get; set; } = "";

    [JsonPropertyName("status")]
    public string Status { get; set; } = "";

    [JsonPropertyName("capacity")]
    public int? Capacity { get; set; }

    [JsonPropertyName("is_electric")]
    public int IsElectric { get; set; }

    [JsonPropertyName("odometer")]
    [JsonNumberHandling(JsonNumberHandling.AllowReadingFromString)]
    public long Odometer { get; set; }

    [JsonPropertyName("created_at")]
    public DateTimeOffset CreatedAt { get; set; }

    [JsonPropertyName("sent_at_ms")]
    public double SentAtMs { get; set; }
}
