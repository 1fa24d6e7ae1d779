using System;
using System.Collections.Generic;
using System.Collections.ObjectModel;
using System.Collections.Specialized;
using System.Linq;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Model-based conformance of the bindable live table: random sequences of inserts, updates (many of them moving the
/// row under the app's order), updates carrying only the changed column (patches), deletes, duplicates, changes stamped by skewed clocks or not at all (applied in arrival
/// order all the same), missed changes, reloads, resyncs and (debounced)
/// bursts go through the router as real events do. Every CollectionChanged is applied to an
/// <see cref="ObservableCollection{T}"/> by its indices, as WPF's and Avalonia's collection views apply them; each
/// index must be in range, the items at the old index must be the old items, and the mirror must equal the table at
/// every notification. After each step: mirror == table == the model's sorted rows, every change of Count notified,
/// one Reset per reload. Optimistic changes (shown at once, confirmed by the row's next server change, rolled back,
/// kept through reloads) are in the model too.
/// </summary>
public sealed class LiveTableConformanceTests
{
    /// <summary>How many random sequences one run checks (quoted in the report).</summary>
    public const int Sequences = 400;

    /// <summary>The most steps in one sequence.</summary>
    public const int MaxSteps = 60;

    private static readonly string[] Names = { "A", "B", "C", "D", "E" };

    private static int s_steps;

    private readonly ITestOutputHelper _output;

    public LiveTableConformanceTests(ITestOutputHelper output) => _output = output;

    private enum Op
    {
        Insert,
        Update,
        Delete,
        Duplicate,
        Skewed,
        Patch,
        Missed,
        Reload,
        Resync,
        Advance,
        Optimistic,
        OptimisticDelete,
        Rollback,
    }

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (5, Op.Insert), (6, Op.Update), (3, Op.Delete), (2, Op.Duplicate), (2, Op.Skewed), (3, Op.Patch),
        (1, Op.Missed), (1, Op.Reload), (1, Op.Resync), (2, Op.Advance),
        (2, Op.Optimistic), (1, Op.OptimisticDelete), (2, Op.Rollback));

    private static readonly Gen<(Op Op, int Id, int Name, int Back)> Step =
        Gen.Select(Ops, Gen.Int[1, 8], Gen.Int[0, Names.Length - 1], Gen.Int[1, 4]);

    private static readonly Gen<((Op Op, int Id, int Name, int Back)[] Steps, int Order, bool Batched)> Scenario =
        Gen.Select(Step.Array[1, MaxSteps], Gen.Int[0, 2], Gen.Bool);

    [Fact]
    public async Task RandomChangeSequencesKeepAnObservableCollectionMirrorEqualToTheModel()
    {
        s_steps = 0;
        await Scenario.SampleAsync(
            static s => new Run(s.Order, s.Batched).ExecuteAsync(s.Steps),
            iter: Sequences,
            print: static s => $"order={s.Order} batched={s.Batched}: " + string.Join(", ", s.Steps.Select(static x => $"{x.Op}({x.Id},{Names[x.Name]},{x.Back})")));

        _output.WriteLine($"{Sequences} sequences, {s_steps} steps");

        // Nothing was vacuous: the sequences ran and moved rows.
        Assert.True(Volatile.Read(ref s_steps) >= Sequences, $"only {s_steps} steps ran");
    }

    /// <summary>The app's orders: by key (no comparer), by name then key, by name descending then key.</summary>
    private sealed class ByName : IComparer<Vehicle>
    {
        private readonly int _sign;

        public ByName(int sign) => _sign = sign;

        public int Compare(Vehicle? x, Vehicle? y) => _sign * string.CompareOrdinal(x!.RegistrationNumber, y!.RegistrationNumber);
    }

    private sealed class Run
    {
        private static readonly DateTimeOffset Epoch = new(2026, 11, 26, 9, 0, 0, TimeSpan.Zero);

        private readonly SkaftinEventRouter _router = new();
        private readonly FakeTimeProvider _time = new(Epoch);
        private readonly IComparer<Vehicle> _order;
        private readonly IComparer<Vehicle>? _appOrder;
        private readonly bool _batched;

        // The model: what the table must hold, by the table's contract.
        private readonly Dictionary<int, Vehicle> _rows = new();
        private readonly Dictionary<int, (Vehicle? Row, OptimisticChange<Vehicle, int> Change)> _optimistic = new();

        // The database the loader reads (it also changes when an event is missed).
        private readonly Dictionary<int, Vehicle> _database = new();

        private readonly ObservableCollection<Vehicle> _mirror = new();
        private LiveTable<Vehicle, int> _live = null!;
        private string? _lastEvent;
        private (int Id, Vehicle? Row) _lastChange;
        private int _clock;
        private int _resets;
        private int _notifiedCount;

        public Run(int order, bool batched)
        {
            _appOrder = order == 0 ? null : new ByName(order == 1 ? 1 : -1);
            _order = Comparer<Vehicle>.Create((x, y) =>
            {
                var byApp = _appOrder?.Compare(x, y) ?? 0;
                return byApp != 0 ? byApp : x.Id.CompareTo(y.Id);
            });
            _batched = batched;
        }

        public async Task ExecuteAsync((Op Op, int Id, int Name, int Back)[] steps)
        {
            _live = await LiveTable<Vehicle, int>.StartAsync(
                _router.Vehicles(),
                _ => Task.FromResult<IReadOnlyList<Vehicle>>(_database.Values.ToList()),
                new LiveTableOptions<Vehicle>
                {
                    Order = _appOrder,
                    TimeProvider = _time,
                    OptimisticTimeout = TimeSpan.FromDays(1),
                    BatchWindow = _batched ? TimeSpan.FromSeconds(1) : TimeSpan.Zero,
                });
            _live.CollectionChanged += OnCollectionChanged;
            _live.PropertyChanged += (_, e) =>
            {
                if (e.PropertyName == nameof(LiveTable<Vehicle, int>.Count))
                {
                    Assert.NotEqual(_notifiedCount, _live.Count);
                    _notifiedCount = _live.Count;
                }
            };

            await using (_live)
            {
                foreach (var (op, id, name, back) in steps)
                {
                    await DoAsync(op, id, Names[name], back);
                    Interlocked.Increment(ref s_steps);
                    Check($"after {op}({id},{Names[name]},{back})", shown: !_batched || op is Op.Advance or Op.Reload or Op.Resync);
                }

                _time.Advance(TimeSpan.FromSeconds(1));
                Check("at the end", shown: true);
            }
        }

        private async Task DoAsync(Op op, int id, string name, int back)
        {
            switch (op)
            {
                case Op.Insert:
                    Fresh(_rows.ContainsKey(id) ? "update" : "insert", id, name);
                    break;
                case Op.Update:
                    Fresh("update", id, name);
                    break;
                case Op.Delete:
                    Fresh("delete", id, null);
                    break;
                case Op.Duplicate when _lastEvent is not null:
                    // The same event again: after a reload forgot it, it counts as new (the model sees it again too).
                    Deliver(_lastEvent);
                    Model(_lastChange.Id, _lastChange.Row);
                    break;
                case Op.Skewed:
                    // A change from an instance whose clock is behind (or that stamps none): newer all the same.
                    Fresh(name == "B" ? "delete" : _rows.ContainsKey(id) ? "update" : "insert", id, name == "B" ? null : name, back == 4 ? null : Epoch.AddSeconds(_clock - 10 * back));
                    break;
                case Op.Patch when _rows.ContainsKey(id):
                    // An update carrying only the changed column and no old row: completed from the row the table holds.
                    _database[id] = V(id, name);
                    _lastEvent = $$"""{"type":"update","projectId":"p1","tableName":"vehicles","data":{"id":{{id}},"registration_number":"{{name}}"},"timestamp":"2026-11-26T09:00:00Z"}""";
                    Deliver(_lastEvent);
                    Model(id, V(id, name));
                    break;
                case Op.Missed:
                    _database[id] = V(id, name);
                    break;
                case Op.Reload:
                    await ReloadAsync(() => _live.ReloadAsync());
                    break;
                case Op.Resync:
                    await ReloadAsync(() =>
                    {
                        var loaded = new TaskCompletionSource<int>(TaskCreationOptions.RunContinuationsAsynchronously);
                        _live.Loaded += Done;
                        _router.RequestResync(new ResyncRequired(ResyncReason.ConnectionRestored, null, null, Epoch));
                        return loaded.Task.WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(t => { _live.Loaded -= Done; return t; }).Unwrap();

                        void Done(int count) => loaded.TrySetResult(count);
                    });
                    break;
                case Op.Optimistic:
                    _optimistic[id] = (V(id, name), _live.ApplyOptimistic(V(id, name)));
                    break;
                case Op.OptimisticDelete:
                    _optimistic[id] = (null, _live.ApplyOptimisticDelete(id));
                    break;
                case Op.Rollback:
                    if (_optimistic.Remove(id, out var pending))
                    {
                        pending.Change.Rollback();
                        Assert.Equal(OptimisticOutcome.RolledBack, await pending.Change.Outcome.WaitAsync(TimeSpan.FromSeconds(30)));
                    }

                    break;
                case Op.Advance:
                    var resets = _resets;
                    _time.Advance(TimeSpan.FromSeconds(1));
                    Assert.True(_resets - resets <= 1, "one debounced burst raises at most one Reset");
                    break;
            }
        }

        private async Task ReloadAsync(Func<Task> reload)
        {
            var resets = _resets;
            await reload();
            Assert.Equal(1, _resets - resets);
            _rows.Clear();
            foreach (var row in _database.Values)
            {
                _rows[row.Id] = row;
            }
        }

        // A change the server makes now: the database changes and its event is sent.
        private void Fresh(string type, int id, string? name) => Fresh(type, id, name, Epoch.AddSeconds(++_clock));

        private void Fresh(string type, int id, string? name, DateTimeOffset? when)
        {
            var row = name is null ? null : V(id, name);
            if (row is null)
            {
                _database.Remove(id);
            }
            else
            {
                _database[id] = row;
            }

            Send(type, id, name, when);
            Model(id, row);
        }

        // The table's contract: changes apply in the order they arrive, whatever their timestamps.
        private void Model(int id, Vehicle? row)
        {
            _lastChange = (id, row);
            if (_optimistic.Remove(id, out var confirmed))
            {
                // The server's change confirmed it, before the event's dispatch returned.
                Assert.Equal(TaskStatus.RanToCompletion, confirmed.Change.Outcome.Status);
                Assert.Equal(OptimisticOutcome.Confirmed, confirmed.Change.Outcome.Result);
            }

            if (row is null)
            {
                _rows.Remove(id);
            }
            else
            {
                _rows[id] = row;
            }
        }

        private void Send(string type, int id, string? name, DateTimeOffset? when)
        {
            var data = type == "delete"
                ? $$"""{"id":{{id}}}"""
                : $$"""{"id":{{id}},"registration_number":"{{name}}","status":"Available","capacity":null,"created_at":"2026-11-26T08:00:00Z"}""";
            var timestamp = when is { } at ? ",\"timestamp\":\"" + at.ToString("yyyy-MM-ddTHH:mm:ssZ", System.Globalization.CultureInfo.InvariantCulture) + "\"" : "";
            _lastEvent = $$"""{"type":"{{type}}","projectId":"p1","tableName":"vehicles","data":{{data}}{{timestamp}}}""";
            Deliver(_lastEvent);
        }

        private void Deliver(string json) => _router.DispatchDatabaseChange(Encoding.UTF8.GetBytes(json));

        private static Vehicle V(int id, string name) => new(id, name, VehicleStatus.Available, null, new DateTimeOffset(2026, 11, 26, 8, 0, 0, TimeSpan.Zero));

        // Applies a notification as a collection view does: by its indices, checking what it says is there.
        private void OnCollectionChanged(object? sender, NotifyCollectionChangedEventArgs e)
        {
            Assert.Same(_live, sender);
            switch (e.Action)
            {
                case NotifyCollectionChangedAction.Add:
                    Assert.Single(e.NewItems!);
                    Assert.InRange(e.NewStartingIndex, 0, _mirror.Count);
                    _mirror.Insert(e.NewStartingIndex, (Vehicle)e.NewItems![0]!);
                    break;
                case NotifyCollectionChangedAction.Remove:
                    Assert.Single(e.OldItems!);
                    Assert.InRange(e.OldStartingIndex, 0, _mirror.Count - 1);
                    Assert.Same(e.OldItems![0], _mirror[e.OldStartingIndex]);
                    _mirror.RemoveAt(e.OldStartingIndex);
                    break;
                case NotifyCollectionChangedAction.Replace:
                    Assert.Equal(e.OldStartingIndex, e.NewStartingIndex);
                    Assert.InRange(e.OldStartingIndex, 0, _mirror.Count - 1);
                    Assert.Same(e.OldItems![0], _mirror[e.OldStartingIndex]);
                    _mirror[e.OldStartingIndex] = (Vehicle)e.NewItems![0]!;
                    break;
                case NotifyCollectionChangedAction.Move:
                    Assert.InRange(e.OldStartingIndex, 0, _mirror.Count - 1);
                    Assert.InRange(e.NewStartingIndex, 0, _mirror.Count - 1);
                    Assert.NotEqual(e.OldStartingIndex, e.NewStartingIndex);
                    Assert.Same(e.OldItems![0], _mirror[e.OldStartingIndex]);
                    Assert.Same(e.NewItems![0], e.OldItems[0]);
                    _mirror.Move(e.OldStartingIndex, e.NewStartingIndex);
                    break;
                case NotifyCollectionChangedAction.Reset:
                    _resets++;
                    _mirror.Clear();
                    foreach (var row in _live)
                    {
                        _mirror.Add(row);
                    }

                    break;
            }

            // What a view reads back while handling the notification is exactly what the notification described.
            Assert.Equal(_mirror.Count, _live.Count);
            for (var i = 0; i < _mirror.Count; i++)
            {
                Assert.Same(_mirror[i], _live[i]);
            }
        }

        private void Check(string when, bool shown)
        {
            var table = _live.ToList();
            Assert.True(table.SequenceEqual(_mirror), $"{when}: the mirror differs from the table");
            Assert.True(table.Select((row, i) => ReferenceEquals(row, _live[i])).All(static same => same), $"{when}: the indexer differs from the enumerator");
            Assert.True(_notifiedCount == _live.Count, $"{when}: Count changed to {_live.Count} without a notification (last notified {_notifiedCount})");
            foreach (var (id, pending) in _optimistic)
            {
                Assert.True(_live.IsOptimistic(id), $"{when}: the optimistic change to {id} ended early ({pending.Change.Outcome.Status})");
            }

            if (shown)
            {
                var expected = _rows.Where(pair => !_optimistic.ContainsKey(pair.Key)).Select(static pair => pair.Value)
                    .Concat(_optimistic.Values.Where(static o => o.Row is not null).Select(static o => o.Row!))
                    .OrderBy(static row => row, _order).ToList();
                Assert.True(expected.SequenceEqual(table), $"{when}: expected [{string.Join(", ", expected.Select(static v => $"{v.Id}:{v.RegistrationNumber}"))}] but the table shows [{string.Join(", ", table.Select(static v => $"{v.Id}:{v.RegistrationNumber}"))}]");
            }
        }
    }
}
