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

/// <summary>
/// What every payload class shares: the payload as UTF-8, as text, and as SocketIOClient hands it over, and the
/// decoders that are the same for any row type <typeparamref name="T"/>.
/// </summary>
public abstract class DecodeBenchmarkBase<T>
    where T : class
{
    private readonly Func<string, JToken> _newtonsoftParse;

    protected DecodeBenchmarkBase(string json)
    {
        Text = json;
        Utf8 = Encoding.UTF8.GetBytes(json);
        Response = SocketIOClientSetup.Response(json);
        _newtonsoftParse = json.TrimStart().StartsWith('[') ? JArray.Parse : JObject.Parse;
    }

    protected string Text { get; }

    protected byte[] Utf8 { get; }

    protected SocketIOResponse Response { get; }

    [Benchmark(Baseline = true)]
    public int Floor() => Decoding.Floor.Walk(Utf8);

    // The payload-specific decoders. [Benchmark] goes on each override: BenchmarkDotNet does not see it through an
    // abstract declaration.
    public abstract T Generated();

    [Benchmark]
    public T? StjReflection() => JsonSerializer.Deserialize<T>(Utf8, StjOptions.Reflection);

    public abstract T? StjSourceGenerated();

    // JObject.Parse for a row, JArray.Parse for an array: what a Newtonsoft-based client calls.
    [Benchmark]
    public T? NewtonsoftJObject() => _newtonsoftParse(Text).ToObject<T>(NewtonsoftSetup.Serializer);

    [Benchmark]
    public T SocketIOClientGetValue() => Response.GetValue<T>(0);

    public abstract T RowAndStringsOnly();

    /// <summary>Every decoder of this payload, lower bound included when there is one, must give the same rows.</summary>
    protected void CheckAllAgree(Func<T>? floorWithConversions = null)
    {
        var decoders = new List<(string, Func<object?>)>
        {
            ("Generated", Generated), ("StjReflection", StjReflection), ("StjSourceGenerated", StjSourceGenerated),
            ("NewtonsoftJObject", NewtonsoftJObject), ("SocketIOClientGetValue", SocketIOClientGetValue),
        };
        if (floorWithConversions is not null)
        {
            decoders.Add(("FloorWithConversions", floorWithConversions));
        }

        Verification.CheckAllAgree(GetType().Name, decoders.ToArray());
    }
}

[MemoryDiagnoser]
public class DecodeVehicleRow() : DecodeBenchmarkBase<Vehicle>(Payloads.VehicleRow)
{
    private Vehicle _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        CheckAllAgree(FloorWithConversions);
        _template = Generated();
    }

    [Benchmark]
    public override Vehicle Generated() => VehicleRowReader.Instance.Read(Utf8);

    [Benchmark]
    public Vehicle FloorWithConversions() => Decoding.FloorWithConversions.Vehicle(Utf8);

    [Benchmark]
    public override Vehicle? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.Vehicle);

    [Benchmark]
    public override Vehicle RowAndStringsOnly() => Copy(_template);

    internal static Vehicle Copy(Vehicle t) =>
        new(t.Id, new string(t.RegistrationNumber.AsSpan()), t.Status, t.Capacity, t.Active, t.Fare, t.CreatedAt, t.DepotId);
}

[MemoryDiagnoser]
public class DecodeWideRow() : DecodeBenchmarkBase<Trip>(Payloads.TripRow)
{
    private Trip _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        CheckAllAgree(FloorWithConversions);
        _template = Generated();
    }

    [Benchmark]
    public override Trip Generated() => TripRowReader.Instance.Read(Utf8);

    [Benchmark]
    public Trip FloorWithConversions() => Decoding.FloorWithConversions.Trip(Utf8);

    [Benchmark]
    public override Trip? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.Trip);

    [Benchmark]
    public override Trip RowAndStringsOnly()
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
public class DecodeJsonColumnRow() : DecodeBenchmarkBase<Document>(Payloads.DocumentRow)
{
    private Document _template = null!;
    private byte[] _body = null!;

    [GlobalSetup]
    public void Setup()
    {
        CheckAllAgree();
        _template = Generated();
        _body = Encoding.UTF8.GetBytes(_template.Body.GetRawText());
    }

    [Benchmark]
    public override Document Generated() => DocumentRowReader.Instance.Read(Utf8);

    [Benchmark]
    public override Document? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.Document);

    /// <summary>The row, its string, and the document a <see cref="JsonElement"/> must own (parsed from the column's bytes).</summary>
    [Benchmark]
    public override Document RowAndStringsOnly()
    {
        var reader = new Utf8JsonReader(_body);
        var body = JsonElement.ParseValue(ref reader);
        return new Document(_template.Id, new string(_template.Title.AsSpan()), body, _template.UpdatedAt);
    }
}

[MemoryDiagnoser]
public class DecodeVehicleArray() : DecodeBenchmarkBase<List<Vehicle>>(Payloads.VehicleArray)
{
    private List<Vehicle> _template = null!;

    [GlobalSetup]
    public void Setup()
    {
        CheckAllAgree(FloorWithConversions);
        _template = Generated();
    }

    [Benchmark]
    public override List<Vehicle> Generated() => VehicleRowReader.Instance.ReadArray(Utf8);

    [Benchmark]
    public List<Vehicle> FloorWithConversions() => Decoding.FloorWithConversions.VehicleArray(Utf8);

    [Benchmark]
    public override List<Vehicle>? StjSourceGenerated() => JsonSerializer.Deserialize(Utf8, BenchJsonContext.Default.ListVehicle);

    /// <summary>1,000 rows and their strings in a list grown the way a streaming decoder must grow it.</summary>
    [Benchmark]
    public override List<Vehicle> RowAndStringsOnly()
    {
        var list = new List<Vehicle>();
        foreach (var row in _template)
        {
            list.Add(DecodeVehicleRow.Copy(row));
        }

        return list;
    }
}
