using System;
using System.Collections.Generic;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using Newtonsoft.Json.Linq;
using SocketIOClient;

namespace Skaftin.Realtime.Benchmarks.Decoding;

// One class per payload; in each, the same JSON goes through every decoder. The floor (a bare Utf8JsonReader walk)
// is the baseline, so BenchmarkDotNet prints each decoder's ratio to it. "RowAndStringsOnly" is not a decoder: it
// builds the same row from values already decoded, to show the least any decoder must allocate.

/// <summary>What every payload class shares: the payload as UTF-8, as text, and as SocketIOClient hands it over.</summary>
public abstract class DecodeBenchmarkBase
{
    protected DecodeBenchmarkBase(string json)
    {
        Text = json;
        Utf8 = Encoding.UTF8.GetBytes(json);
        Response = SocketIOClientSetup.Response(json);
    }

    protected string Text { get; }

    protected byte[] Utf8 { get; }

    protected SocketIOResponse Response { get; }
}

[MemoryDiagnoser]
public class DecodeVehicleRow() : DecodeBenchmarkBase(Payloads.VehicleRow)
{
    private Vehicle _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        Verification.CheckAllAgree(
            GetType().Name,
            ("Generated", Generated), ("StjReflection", StjReflection), ("StjSourceGenerated", StjSourceGenerated),
            ("NewtonsoftJObject", NewtonsoftJObject), ("SocketIOClientGetValue", SocketIOClientGetValue),
            ("FloorWithConversions", FloorWithConversions));
        _template = Generated();
    }

    [Benchmark(Baseline = true)]
    public int Floor() => Decoding.Floor.Walk(Utf8);

    [Benchmark]
    public Vehicle Generated() => VehicleRowReader.Instance.Read(Utf8);

    [Benchmark]
    public Vehicle FloorWithConversions() => Decoding.FloorWithConversions.Vehicle(Utf8);

    [Benchmark]
    public Vehicle? StjReflection() => JsonSerializer.Deserialize<Vehicle>(Utf8, StjOptions.Reflection);

    [Benchmark]
    public Vehicle? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.Vehicle);

    [Benchmark]
    public Vehicle? NewtonsoftJObject() => JObject.Parse(Text).ToObject<Vehicle>(NewtonsoftSetup.Serializer);

    [Benchmark]
    public Vehicle SocketIOClientGetValue() => Response.GetValue<Vehicle>(0);

    [Benchmark]
    public Vehicle RowAndStringsOnly() => Copy(_template);

    internal static Vehicle Copy(Vehicle t) =>
        new(t.Id, new string(t.RegistrationNumber.AsSpan()), t.Status, t.Capacity, t.Active, t.Fare, t.CreatedAt, t.DepotId);
}

[MemoryDiagnoser]
public class DecodeWideRow() : DecodeBenchmarkBase(Payloads.TripRow)
{
    private Trip _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        Verification.CheckAllAgree(
            GetType().Name,
            ("Generated", Generated), ("StjReflection", StjReflection), ("StjSourceGenerated", StjSourceGenerated),
            ("NewtonsoftJObject", NewtonsoftJObject), ("SocketIOClientGetValue", SocketIOClientGetValue),
            ("FloorWithConversions", FloorWithConversions));
        _template = Generated();
    }

    [Benchmark(Baseline = true)]
    public int Floor() => Decoding.Floor.Walk(Utf8);

    [Benchmark]
    public Trip Generated() => TripRowReader.Instance.Read(Utf8);

    [Benchmark]
    public Trip FloorWithConversions() => Decoding.FloorWithConversions.Trip(Utf8);

    [Benchmark]
    public Trip? StjReflection() => JsonSerializer.Deserialize<Trip>(Utf8, StjOptions.Reflection);

    [Benchmark]
    public Trip? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.Trip);

    [Benchmark]
    public Trip? NewtonsoftJObject() => JObject.Parse(Text).ToObject<Trip>(NewtonsoftSetup.Serializer);

    [Benchmark]
    public Trip SocketIOClientGetValue() => Response.GetValue<Trip>(0);

    [Benchmark]
    public Trip RowAndStringsOnly()
    {
        var t = _template;
        return new Trip(
            t.Id, t.VehicleId, t.DriverId, t.RouteNumber, S(t.Origin), S(t.Destination), t.Status, t.ScheduledAt, t.StartedAt, t.EndedAt,
            t.Fare, t.Tip, t.DistanceKm, t.DurationMinutes, t.PassengerCount, t.SeatsFree, t.Paid, t.Cancelled, SN(t.CancelReason),
            S(t.PaymentMethod), S(t.Currency), t.OdometerStart, t.OdometerEnd, t.Rating, SN(t.Notes), t.ServiceDate, S(t.CreatedBy),
            t.CreatedAt, t.UpdatedAt, t.Version);
    }

    private static string S(string s) => new(s.AsSpan());

    private static string? SN(string? s) => s is null ? null : new string(s.AsSpan());
}

[MemoryDiagnoser]
public class DecodeJsonColumnRow() : DecodeBenchmarkBase(Payloads.DocumentRow)
{
    private Document _template = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        Verification.CheckAllAgree(
            GetType().Name,
            ("Generated", Generated), ("StjReflection", StjReflection), ("StjSourceGenerated", StjSourceGenerated),
            ("NewtonsoftJObject", NewtonsoftJObject), ("SocketIOClientGetValue", SocketIOClientGetValue));
        _template = Generated();
        _body = Encoding.UTF8.GetBytes(_template.Body.GetRawText());
    }

    [Benchmark(Baseline = true)]
    public int Floor() => Decoding.Floor.Walk(Utf8);

    [Benchmark]
    public Document Generated() => DocumentRowReader.Instance.Read(Utf8);

    [Benchmark]
    public Document? StjReflection() => JsonSerializer.Deserialize<Document>(Utf8, StjOptions.Reflection);

    [Benchmark]
    public Document? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.Document);

    [Benchmark]
    public Document? NewtonsoftJObject() => JObject.Parse(Text).ToObject<Document>(NewtonsoftSetup.Serializer);

    [Benchmark]
    public Document SocketIOClientGetValue() => Response.GetValue<Document>(0);

    /// <summary>The row, its string, and the document a <see cref="JsonElement"/> must own (parsed from the column's bytes).</summary>
    [Benchmark]
    public Document RowAndStringsOnly()
    {
        var reader = new Utf8JsonReader(_body);
        var body = JsonElement.ParseValue(ref reader);
        return new Document(_template.Id, new string(_template.Title.AsSpan()), body, _template.UpdatedAt);
    }
}

[MemoryDiagnoser]
public class DecodeVehicleArray() : DecodeBenchmarkBase(Payloads.VehicleArray)
{
    private List<Vehicle> _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        Verification.CheckAllAgree(
            GetType().Name,
            ("Generated", Generated), ("StjReflection", StjReflection), ("StjSourceGenerated", StjSourceGenerated),
            ("NewtonsoftJObject", NewtonsoftJObject), ("SocketIOClientGetValue", SocketIOClientGetValue),
            ("FloorWithConversions", FloorWithConversions));
        _template = Generated();
    }

    [Benchmark(Baseline = true)]
    public int Floor() => Decoding.Floor.Walk(Utf8);

    [Benchmark]
    public List<Vehicle> Generated() => VehicleRowReader.Instance.ReadArray(Utf8);

    [Benchmark]
    public List<Vehicle> FloorWithConversions() => Decoding.FloorWithConversions.VehicleArray(Utf8);

    [Benchmark]
    public List<Vehicle>? StjReflection() => JsonSerializer.Deserialize<List<Vehicle>>(Utf8, StjOptions.Reflection);

    [Benchmark]
    public List<Vehicle>? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.ListVehicle);

    [Benchmark]
    public List<Vehicle>? NewtonsoftJObject() => JArray.Parse(Text).ToObject<List<Vehicle>>(NewtonsoftSetup.Serializer);

    [Benchmark]
    public List<Vehicle> SocketIOClientGetValue() => Response.GetValue<List<Vehicle>>(0);

    /// <summary>1,000 rows and their strings in a list grown the way a streaming decoder must grow it.</summary>
    [Benchmark]
    public List<Vehicle> RowAndStringsOnly()
    {
        var list = new List<Vehicle>();
        foreach (var row in _template)
        {
            list.Add(DecodeVehicleRow.Copy(row));
        }

        return list;
    }
}
