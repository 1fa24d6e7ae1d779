using System.Text;
using BenchmarkDotNet.Attributes;
using Skaftin.Realtime.Benchmarks.Decoding;

namespace Skaftin.Realtime.Benchmarks.Routing;

/// <summary>
/// What the router costs per <c>database-change</c> event of a declared table, from the event's bytes to the app's
/// handler: the envelope, the table lookup, the generated row reader, and whatever objects the route makes on the way.
/// The row and its strings are the app's and are counted here too (a <see cref="Vehicle"/> of the decode benchmarks).
/// </summary>
[MemoryDiagnoser]
public class RouteVehicleInsert
{
    private readonly SkaftinEventRouter _typedOnly = new();
    private readonly SkaftinEventRouter _union = new();
    private readonly SkaftinEventRouter _undeclared = new();
    private readonly byte[] _event = Encoding.UTF8.GetBytes(
        "{\"type\":\"insert\",\"projectId\":\"p1\",\"tableName\":\"vehicles\",\"data\":" + Payloads.VehicleRow + ",\"timestamp\":\"2026-12-07T19:00:00.000Z\"}");

    private long _seen;

    [GlobalSetup]
    public void Setup()
    {
        _typedOnly.Vehicles().OnInserted(v => _seen += v.Id);
        _union.Vehicles().OnChanged(c => _seen += c.Timestamp?.Second ?? 0);
        _undeclared.OnUndeclaredChange(c => _seen += c.Data.Length);
    }

    /// <summary>An insert that only <c>OnInserted</c> handlers take: the common app and the end-to-end benchmark.</summary>
    [Benchmark(Baseline = true)]
    public long ToOnInserted()
    {
        _typedOnly.DispatchDatabaseChange(_event);
        return _seen;
    }

    /// <summary>The same insert to an <c>OnChanged</c> handler (it takes the <c>RowInserted</c>).</summary>
    [Benchmark]
    public long ToOnChanged()
    {
        _union.DispatchDatabaseChange(_event);
        return _seen;
    }

    /// <summary>The insert of a table the app did not declare: the raw <c>DatabaseChange</c>, no row reader.</summary>
    [Benchmark]
    public long ToUndeclared()
    {
        _undeclared.DispatchDatabaseChange(_event);
        return _seen;
    }
}
