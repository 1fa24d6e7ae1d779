using System;
using System.Text;
using BenchmarkDotNet.Attributes;

namespace Skaftin.Realtime.Benchmarks.Scale;

/// <summary>The events the scale benchmarks route: an insert into table <c>t0000</c> (declared) and into an undeclared table.</summary>
public static class ScaleEvents
{
    public const string Row = "{\"id\":42,\"name\":\"alpha\",\"value\":7}";

    public static byte[] Insert(string table) => Encoding.UTF8.GetBytes(
        "{\"type\":\"insert\",\"projectId\":\"demo\",\"tableName\":\"" + table + "\",\"data\":" + Row +
        ",\"oldData\":null,\"timestamp\":\"2024-05-01T10:00:00.000Z\"}");
}

/// <summary>
/// Cost per event through <see cref="SkaftinEventRouter.DispatchDatabaseChange"/>: parse the envelope, find the table
/// among <see cref="Tables"/> declared ones, decode the row once, call <see cref="Subscriptions"/> inserted-handlers
/// (each increments a counter).
/// </summary>
[MemoryDiagnoser]
public class RouteDatabaseChange
{
    private SkaftinEventRouter _router = null!;
    private byte[] _event = null!;
    private long _count;

    [Params(1, 10, 100, 1000)]
    public int Tables { get; set; }

    [Params(1, 100, 10_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _router = new SkaftinEventRouter();
        _router.OnError(error => throw new InvalidOperationException($"Routing failed: {error}"));
        for (var i = 0; i < Tables; i++)
        {
            ScaleTables.Accessors[i](_router);
        }

        var target = _router.T0000();
        for (var i = 0; i < Subscriptions; i++)
        {
            target.OnInserted(row => _count++);   // captures this: a distinct delegate per subscription
        }

        _event = ScaleEvents.Insert("t0000");
        _count = 0;
        _router.DispatchDatabaseChange(_event);
        if (_count != Subscriptions)
        {
            throw new InvalidOperationException($"Expected {Subscriptions} handler calls, saw {_count}.");
        }
    }

    [Benchmark]
    public long Dispatch()
    {
        _router.DispatchDatabaseChange(_event);
        return _count;
    }
}

/// <summary>
/// Cost per event on table <c>t0000</c> (one handler), with 1,000 tables declared, while
/// <see cref="IdleSubscriptions"/> other subscriptions are spread over ten other tables (<c>t0001</c>…<c>t0010</c>):
/// what an event pays for the rest of the app's subscriptions.
/// </summary>
[MemoryDiagnoser]
public class RouteWithIdleSubscriptions
{
    private SkaftinEventRouter _router = null!;
    private byte[] _event = null!;
    private long _count;
    private long _idle;

    [Params(0, 1_000, 10_000)]
    public int IdleSubscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _router = new SkaftinEventRouter();
        _router.OnError(error => throw new InvalidOperationException($"Routing failed: {error}"));
        foreach (var accessor in ScaleTables.Accessors)
        {
            accessor(_router);
        }

        _router.T0000().OnInserted(row => _count++);
        Func<IDisposable>[] others =
        {
            () => _router.T0001().OnInserted(row => _idle++), () => _router.T0002().OnInserted(row => _idle++),
            () => _router.T0003().OnInserted(row => _idle++), () => _router.T0004().OnInserted(row => _idle++),
            () => _router.T0005().OnInserted(row => _idle++), () => _router.T0006().OnInserted(row => _idle++),
            () => _router.T0007().OnInserted(row => _idle++), () => _router.T0008().OnInserted(row => _idle++),
            () => _router.T0009().OnInserted(row => _idle++), () => _router.T0010().OnInserted(row => _idle++),
        };
        for (var i = 0; i < IdleSubscriptions; i++)
        {
            others[i % others.Length]();
        }

        _event = ScaleEvents.Insert("t0000");
        _router.DispatchDatabaseChange(_event);
        if (_count != 1 || _idle != 0)
        {
            throw new InvalidOperationException($"Expected one handler call and no idle one, saw {_count} and {_idle}.");
        }
    }

    [Benchmark]
    public long Dispatch()
    {
        _router.DispatchDatabaseChange(_event);
        return _count;
    }
}

/// <summary>The parts of one dispatch, to see where its time goes (independent of the table and handler counts).</summary>
[MemoryDiagnoser]
public class RoutePieces
{
    private readonly byte[] _event = ScaleEvents.Insert("t0000");
    private readonly byte[] _undeclared = ScaleEvents.Insert("not_declared");
    private readonly byte[] _row = Encoding.UTF8.GetBytes(ScaleEvents.Row);
    private SkaftinEventRouter _router = null!;

    [GlobalSetup]
    public void Setup()
    {
        _router = new SkaftinEventRouter();
        _router.T0000();
    }

    /// <summary>The envelope alone: <c>DatabaseChange.Parse</c>.</summary>
    [Benchmark(Baseline = true)]
    public DatabaseChange ParseEnvelope() => DatabaseChange.Parse(_event);

    /// <summary>The row alone: the generated reader on the <c>data</c> object.</summary>
    [Benchmark]
    public Row0000 ReadRow() => Row0000RowReader.Instance.Read(_row);

    /// <summary>A declared table with no subscribers: parse, look up, nothing decoded.</summary>
    [Benchmark]
    public void DispatchToTableWithoutHandlers() => _router.DispatchDatabaseChange(_event);

    /// <summary>An undeclared table: parse, miss, no undeclared-change handlers.</summary>
    [Benchmark]
    public void DispatchUndeclared() => _router.DispatchDatabaseChange(_undeclared);
}

/// <summary>
/// Creating (and ending) many subscriptions on one table: the time and every byte allocated on the way,
/// including the copy-on-write handler arrays. Retained bytes per idle subscription are measured by <c>--probes</c>.
/// </summary>
[MemoryDiagnoser]
public class SubscriptionCost
{
    private Action<Row0000>[] _handlers = null!;
    private IDisposable[] _subscriptions = null!;

    [Params(100, 1_000, 10_000)]
    public int Subscriptions { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _handlers = Probes.DistinctHandlers(Subscriptions);
        _subscriptions = new IDisposable[Subscriptions];
    }

    [Benchmark]
    public object Subscribe()
    {
        var table = new SkaftinEventRouter().T0000();
        for (var i = 0; i < _handlers.Length; i++)
        {
            _subscriptions[i] = table.OnInserted(_handlers[i]);
        }

        return table;
    }

    [Benchmark]
    public object SubscribeThenDisposeEach()
    {
        var table = new SkaftinEventRouter().T0000();
        for (var i = 0; i < _handlers.Length; i++)
        {
            _subscriptions[i] = table.OnInserted(_handlers[i]);
        }

        for (var i = 0; i < _subscriptions.Length; i++)
        {
            _subscriptions[i].Dispose();
        }

        return table;
    }
}
