using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using BenchmarkDotNet.Attributes;
using Skaftin.Realtime.Benchmarks.Decoding;

namespace Skaftin.Realtime.Benchmarks.Scale;

/// <summary>
/// The rows and events the live-table benchmarks use: <see cref="Vehicle"/> rows (the generated 8-column row type)
/// with even ids 0, 2, …, 2(n − 1), so an odd id inserts between two loaded rows, and changes encoded as the server
/// sends them, applied through <see cref="SkaftinEventRouter.DispatchDatabaseChange"/> (the path a connection takes).
/// </summary>
public static class LiveRows
{
    public static Vehicle Row(int id, string registration) => new(
        id,
        registration,
        VehicleStatus.Available,
        id % 5 == 0 ? null : 4 + id % 56,
        id % 2 == 0,
        12.5m + id % 90,
        new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero).AddSeconds(id),
        new Guid(id, 0, 0, new byte[8]));

    /// <summary>Rows with ids 0, 2, …, 2(count − 1), each with its own registration string.</summary>
    public static Vehicle[] Loaded(int count)
    {
        var rows = new Vehicle[count];
        for (var i = 0; i < count; i++)
        {
            rows[i] = Row(2 * i, "CA " + (2 * i).ToString(CultureInfo.InvariantCulture));
        }

        return rows;
    }

    /// <summary>A change to table <c>vehicles</c>: <paramref name="type"/> of the row with <paramref name="id"/>.</summary>
    public static byte[] Change(string type, int id, string registration)
    {
        var data = type == "delete"
            ? "{\"id\":" + id.ToString(CultureInfo.InvariantCulture) + "}"
            : "{\"id\":" + id.ToString(CultureInfo.InvariantCulture) + ",\"registration_number\":\"" + registration +
              "\",\"status\":\"available\",\"capacity\":null,\"active\":1,\"fare\":\"12.50\"," +
              "\"created_at\":\"2026-11-26T08:00:00.000Z\",\"depot_id\":\"3f2c1a9e-8b7d-4c6e-9a5f-1e2d3c4b5a69\"}";
        return Encoding.UTF8.GetBytes(
            "{\"type\":\"" + type + "\",\"projectId\":\"demo\",\"tableName\":\"vehicles\",\"data\":" + data +
            ",\"oldData\":null,\"timestamp\":\"2026-11-26T09:00:00.000Z\"}");
    }

    /// <summary>A live table on a fresh router, loaded with <paramref name="rows"/>, its errors thrown.</summary>
    public static (SkaftinEventRouter Router, LiveTable<Vehicle, int> Live) Start(IReadOnlyList<Vehicle> rows)
    {
        var router = new SkaftinEventRouter();
        router.OnError(error => throw new InvalidOperationException($"Routing failed: {error}"));
        var live = LiveTable<Vehicle, int>.StartAsync(router.Vehicles(), _ => Task.FromResult(rows)).GetAwaiter().GetResult();
        if (live.Count != rows.Count)
        {
            throw new InvalidOperationException($"Loaded {live.Count} rows, expected {rows.Count}.");
        }

        return (router, live);
    }
}

/// <summary>
/// One change applied to a live table of <see cref="Rows"/> rows, end to end from the event's bytes (envelope parse,
/// row decode, the table's dictionary, the sorted view and its notification): an update that keeps the row's place,
/// and an insert then a delete of a row in the middle of the order and at its end. Compare 100,000 rows with 1,000
/// (and 10,000): a change that costs O(1) or O(log n) grows little; one that copies or shifts the list grows ~100×.
/// </summary>
[MemoryDiagnoser]
public class LiveTableChange
{
    private SkaftinEventRouter _router = null!;
    private LiveTable<Vehicle, int> _live = null!;
    private byte[][] _updates = null!;
    private byte[] _insertMiddle = null!;
    private byte[] _deleteMiddle = null!;
    private byte[] _insertEnd = null!;
    private byte[] _deleteEnd = null!;
    private int _flip;
    private long _notifications;

    [Params(1_000, 10_000, 100_000)]
    public int Rows { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        (_router, _live) = LiveRows.Start(LiveRows.Loaded(Rows));
        _live.CollectionChanged += (_, _) => _notifications++;

        // The middle row (an even id, loaded), and a new odd id between two loaded rows; a new id past the last.
        var middle = Rows / 2 * 2;
        _updates = new[] { LiveRows.Change("update", middle, "UPD A"), LiveRows.Change("update", middle, "UPD B") };
        _insertMiddle = LiveRows.Change("insert", middle + 1, "NEW M");
        _deleteMiddle = LiveRows.Change("delete", middle + 1, "");
        _insertEnd = LiveRows.Change("insert", 2 * Rows + 1, "NEW E");
        _deleteEnd = LiveRows.Change("delete", 2 * Rows + 1, "");

        // Each change must reach the view: one notification per change, the table back to its size, the middle row
        // updated (B, then A).
        var before = _notifications;
        Update();
        Update();
        InsertThenDeleteMiddle();
        InsertThenDeleteAtEnd();
        if (_notifications - before != 6 || _live.Count != Rows || _live[Rows / 2].RegistrationNumber != "UPD A")
        {
            throw new InvalidOperationException($"Expected 6 notifications and {Rows} rows, saw {_notifications - before} and {_live.Count}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _live.Dispose();

    /// <summary>One update of the middle row (its place unchanged: a Replace).</summary>
    [Benchmark(Baseline = true)]
    public long Update()
    {
        _router.DispatchDatabaseChange(_updates[_flip ^= 1]);
        return _notifications;
    }

    /// <summary>Two changes: a row inserted in the middle of the order, then deleted.</summary>
    [Benchmark]
    public long InsertThenDeleteMiddle()
    {
        _router.DispatchDatabaseChange(_insertMiddle);
        _router.DispatchDatabaseChange(_deleteMiddle);
        return _notifications;
    }

    /// <summary>Two changes: a row inserted after the last one, then deleted (no element of the list moves).</summary>
    [Benchmark]
    public long InsertThenDeleteAtEnd()
    {
        _router.DispatchDatabaseChange(_insertEnd);
        _router.DispatchDatabaseChange(_deleteEnd);
        return _notifications;
    }
}

/// <summary>
/// A reload of <see cref="Rows"/> rows (the loader returns rows already decoded, so only the table's own work is
/// timed: its dictionary, the sorted view, one Reset) against filling a plain <c>List&lt;T&gt;</c> with the same rows;
/// the loader's rows <see cref="InOrder"/> (a REST call ordered by key: the view sees they are sorted) or shuffled (the
/// view sorts them).
/// </summary>
[MemoryDiagnoser]
public class LiveTableReload
{
    private Vehicle[] _rows = null!;
    private LiveTable<Vehicle, int> _live = null!;
    private long _resets;

    [Params(100_000)]
    public int Rows { get; set; }

    [Params(true, false)]
    public bool InOrder { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _rows = LiveRows.Loaded(Rows);
        if (!InOrder)
        {
            new Random(24).Shuffle(_rows);
        }

        (_, _live) = LiveRows.Start(_rows);
        _live.CollectionChanged += (_, _) => _resets++;
        Reload();
        if (_resets != 1 || _live.Count != Rows)
        {
            throw new InvalidOperationException($"Expected one Reset and {Rows} rows, saw {_resets} and {_live.Count}.");
        }
    }

    [GlobalCleanup]
    public void Cleanup() => _live.Dispose();

    /// <summary>The rows added one by one to a new <c>List&lt;T&gt;</c> (what a hand-written cache does at least).</summary>
    [Benchmark(Baseline = true)]
    public int ListFill()
    {
        var list = new List<Vehicle>();
        foreach (var row in _rows)
        {
            list.Add(row);
        }

        return list.Count;
    }

    /// <summary><see cref="LiveTable{TRow, TKey}.ReloadAsync"/> with a loader that has the rows at hand.</summary>
    [Benchmark]
    public int Reload()
    {
        _live.ReloadAsync(CancellationToken.None).GetAwaiter().GetResult();
        return _live.Count;
    }
}
