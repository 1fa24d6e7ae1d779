using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.ComponentModel;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using CsCheck;
using Microsoft.Extensions.Time.Testing;
using Xunit;
using Xunit.Abstractions;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 20, case 2: edits reach the view in the order they were made. One drainer shows them; an edit made by an app
/// handler while a change is being shown (a re-entrant call) is queued after the changes already queued, never shown
/// before them; and no app handler runs while the table holds a lock another caller needs.
/// </summary>
public sealed class LiveTableOrderingTests
{
    /// <summary>How many random sequences one run checks.</summary>
    public const int Sequences = 500;

    private static readonly string[] Names = { "A", "B", "C", "D" };

    private static int s_rulesFired;

    private readonly ITestOutputHelper _output;

    public LiveTableOrderingTests(ITestOutputHelper output) => _output = output;

    private static Vehicle V(int id, string registration) => VehicleChanges.Row(id, registration);

    private static string Describe(NotifyCollectionChangedEventArgs e) => e.Action switch
    {
        NotifyCollectionChangedAction.Add => $"Add {Row(e.NewItems)}@{e.NewStartingIndex}",
        NotifyCollectionChangedAction.Remove => $"Remove {Row(e.OldItems)}@{e.OldStartingIndex}",
        NotifyCollectionChangedAction.Replace => $"Replace {Row(e.NewItems)}@{e.NewStartingIndex}",
        _ => e.Action.ToString(),
    };

    private static string Row(System.Collections.IList? items) => items?[0] is Vehicle v ? $"{v.Id}:{v.RegistrationNumber}" : "?";

    // The issue's report: a CollectionChanged handler that edits row 2 while an older edit of row 2 is queued.
    [Fact]
    public async Task AnEditMadeByAHandlerIsShownAfterTheEditsQueuedBeforeIt()
    {
        var router = new SkaftinEventRouter();
        var time = new FakeTimeProvider();
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            router.Vehicles(),
            _ => Task.FromResult<IReadOnlyList<Vehicle>>(new[] { V(0, "A0"), V(1, "A0"), V(2, "A0") }),
            new LiveTableOptions { TimeProvider = time, BatchWindow = TimeSpan.FromSeconds(1) });
        var notifications = new List<string>();
        live.CollectionChanged += (_, e) =>
        {
            notifications.Add(Describe(e));
            if (Row(e.NewItems) == "1:A1")
            {
                live.ApplyOptimistic(V(2, "A3"));
            }
        };

        // Two server changes wait for the debounce window; an optimistic edit shows them at once, in order.
        VehicleChanges.Send(router, "update", 1, "A1", 1);
        VehicleChanges.Send(router, "update", 2, "A2", 2);
        live.ApplyOptimistic(V(0, "mine"));

        Assert.Equal(new[] { "Replace 1:A1@1", "Replace 2:A2@2", "Replace 0:mine@0", "Replace 2:A3@2" }, notifications);
        Assert.Equal("A3", live[2].RegistrationNumber);
        Assert.True(live.TryGet(2, out var shown) && shown.RegistrationNumber == "A3");
        Assert.True(live.IsOptimistic(2));
    }

    // A handler that waits for another thread's edit must not wait for ever: the table holds no lock while it runs.
    [Fact]
    public async Task AnotherThreadsEditIsNotHeldBackByARunningHandler()
    {
        var router = new SkaftinEventRouter();
        await using var live = await LiveTable<Vehicle, int>.StartAsync(
            router.Vehicles(),
            _ => Task.FromResult<IReadOnlyList<Vehicle>>(new[] { V(1, "A"), V(2, "A") }),
            new LiveTableOptions());
        var notifications = new List<string>();
        var otherReturned = (bool?)null;
        live.CollectionChanged += (_, e) =>
        {
            notifications.Add(Describe(e));
            if (otherReturned is null)
            {
                var other = Task.Run(() => live.ApplyOptimistic(V(2, "B")));
                otherReturned = other.Wait(TimeSpan.FromSeconds(5));
            }
        };

        live.ApplyOptimistic(V(1, "B"));

        Assert.True(otherReturned, "the other thread's ApplyOptimistic was blocked by the handler running on this one");
        Assert.Equal(new[] { "Replace 1:B@0", "Replace 2:B@1" }, notifications);
        Assert.Equal(new[] { "B", "B" }, live.Select(static v => v.RegistrationNumber));
    }

    // The app's Order is app code too: another thread reading the table while it runs is not held back.
    [Fact]
    public async Task TheAppsOrderRunsWithNoLockHeld()
    {
        var router = new SkaftinEventRouter();
        LiveTable<Vehicle, int>? live = null;
        var readerReturned = (bool?)null;
        var order = Comparer<Vehicle>.Create((a, b) =>
        {
            if (Volatile.Read(ref live) is { } table && readerReturned is null)
            {
                readerReturned = Task.Run(() => table.Count + table.Snapshot().Count).Wait(TimeSpan.FromSeconds(5));
            }

            return string.CompareOrdinal(a.RegistrationNumber, b.RegistrationNumber);
        });
        live = await LiveTable<Vehicle, int>.StartAsync(
            router.Vehicles(),
            _ => Task.FromResult<IReadOnlyList<Vehicle>>(new[] { V(1, "A"), V(2, "C") }),
            new LiveTableOptions<Vehicle> { Order = order });
        await using (live)
        {
            VehicleChanges.Send(router, "insert", 3, "B", 1);

            Assert.True(readerReturned, "a reader on another thread was blocked while the app's comparer ran");
            Assert.Equal(new[] { "A", "B", "C" }, live.Select(static v => v.RegistrationNumber));
        }
    }

    private enum Op
    {
        ServerUpsert,
        ServerDelete,
        Optimistic,
        OptimisticDelete,
        Rollback,
        Reload,
        Advance,
    }

    private static readonly Gen<Op> Ops = Gen.Frequency(
        (6, Op.ServerUpsert), (2, Op.ServerDelete), (4, Op.Optimistic), (1, Op.OptimisticDelete), (2, Op.Rollback), (1, Op.Reload), (3, Op.Advance));

    private static readonly Gen<(Op Op, int Id, int Name)> Step = Gen.Select(Ops, Gen.Int[1, 5], Gen.Int[0, Names.Length - 1]);

    // When a CollectionChanged names row Trigger, the app's handler (once) edits row Target optimistically.
    private static readonly Gen<(int Trigger, int Target, int Name, bool Delete)> Rule =
        Gen.Select(Gen.Int[1, 5], Gen.Int[1, 5], Gen.Int[0, Names.Length - 1], Gen.Int[0, 5].Select(static i => i == 0));

    private static readonly Gen<((Op Op, int Id, int Name)[] Steps, (int Trigger, int Target, int Name, bool Delete)[] Rules, bool Batched)> Scenario =
        Gen.Select(Step.Array[1, 40], Rule.Array[0, 6], Gen.Bool);

    [Fact]
    public async Task RandomSequencesWithReentrantEditsMatchASequentialModel()
    {
        s_rulesFired = 0;
        await Scenario.SampleAsync(
            static s => new Run(s.Rules, s.Batched).ExecuteAsync(s.Steps),
            iter: Sequences,
            print: static s => $"batched={s.Batched} rules=[{string.Join(", ", s.Rules.Select(static r => $"{r.Trigger}->{r.Target}:{(r.Delete ? "delete" : Names[r.Name])}"))}] steps: "
                + string.Join(", ", s.Steps.Select(static x => $"{x.Op}({x.Id},{Names[x.Name]})")));

        _output.WriteLine($"{Sequences} sequences, {s_rulesFired} re-entrant edits");

        // Not vacuous: handlers did edit the table while it was showing a change.
        Assert.True(Volatile.Read(ref s_rulesFired) >= Sequences, $"only {s_rulesFired} re-entrant edits");
    }

    private sealed class Run
    {
        private readonly (int Trigger, int Target, int Name, bool Delete)[] _rules;
        private readonly bool[] _fired;
        private readonly bool _batched;
        private readonly SkaftinEventRouter _router = new();
        private readonly FakeTimeProvider _time = new();
        private readonly Dictionary<int, Vehicle> _database = new();
        private readonly Dictionary<int, OptimisticChange<Vehicle, int>> _changes = new();
        private readonly List<string> _log = new();
        private readonly SequentialModel _model;
        private LiveTable<Vehicle, int> _live = null!;

        public Run((int Trigger, int Target, int Name, bool Delete)[] rules, bool batched)
        {
            _rules = rules;
            _fired = new bool[rules.Length];
            _batched = batched;
            _model = new SequentialModel(rules);
        }

        public async Task ExecuteAsync((Op Op, int Id, int Name)[] steps)
        {
            foreach (var id in new[] { 1, 2, 3 })
            {
                _database[id] = V(id, "A");
                _model.Rows[id] = "A";
                _model.View[id] = "A";
            }

            _live = await LiveTable<Vehicle, int>.StartAsync(
                _router.Vehicles(),
                _ => Task.FromResult<IReadOnlyList<Vehicle>>(_database.Values.ToList()),
                new LiveTableOptions
                {
                    TimeProvider = _time,
                    OptimisticTimeout = TimeSpan.FromDays(1),
                    BatchWindow = _batched ? TimeSpan.FromSeconds(1) : TimeSpan.Zero,
                });
            _live.CollectionChanged += OnCollectionChanged;
            _live.PropertyChanged += OnPropertyChanged;
            await using (_live)
            {
                var done = new List<string>();
                foreach (var (op, id, name) in steps)
                {
                    await DoAsync(op, id, Names[name]);
                    done.Add($"{op}({id},{Names[name]})");
                    Assert.True(
                        _model.Log.SequenceEqual(_log),
                        $"after {string.Join(", ", done)}\nmodel: {string.Join(" | ", _model.Log)}\ntable: {string.Join(" | ", _log)}");
                    Assert.Equal(
                        _model.View.Select(static p => $"{p.Key}:{p.Value}"),
                        _live.Select(static v => $"{v.Id}:{v.RegistrationNumber}"));
                }
            }
        }

        private async Task DoAsync(Op op, int id, string name)
        {
            switch (op)
            {
                case Op.ServerUpsert:
                    _database[id] = V(id, name);
                    VehicleChanges.Send(_router, "update", id, name, 1);
                    _model.Server(id, name, _batched);
                    break;
                case Op.ServerDelete:
                    _database.Remove(id);
                    VehicleChanges.Send(_router, "delete", id, name, 1);
                    _model.Server(id, null, _batched);
                    break;
                case Op.Optimistic:
                    Keep(id, () => _live.ApplyOptimistic(V(id, name)));
                    _model.Optimistic(id, name, deleted: false);
                    break;
                case Op.OptimisticDelete:
                    Keep(id, () => _live.ApplyOptimisticDelete(id));
                    _model.Optimistic(id, null, deleted: true);
                    break;
                case Op.Rollback:
                    if (_changes.Remove(id, out var change))
                    {
                        change.Rollback();
                        _model.Rollback(id);
                    }

                    break;
                case Op.Reload:
                    await _live.ReloadAsync();
                    _model.Reload();
                    break;
                case Op.Advance:
                    _time.Advance(TimeSpan.FromSeconds(1));
                    _model.WindowEnded();
                    break;
            }
        }

        // Keeps the latest change to a row, to roll it back: one a handler made during the call is later than the call's.
        private void Keep(int id, Func<OptimisticChange<Vehicle, int>> apply)
        {
            _changes.Remove(id);
            _changes.TryAdd(id, apply());
        }

        private void OnCollectionChanged(object? sender, NotifyCollectionChangedEventArgs e)
        {
            _log.Add(Describe(e));
            var row = (e.NewItems ?? e.OldItems)?[0] as Vehicle;
            if (row is null)
            {
                return;
            }

            for (var i = 0; i < _rules.Length; i++)
            {
                if (!_fired[i] && _rules[i].Trigger == row.Id)
                {
                    _fired[i] = true;
                    Interlocked.Increment(ref s_rulesFired);
                    var (_, target, name, delete) = _rules[i];
                    _changes[target] = delete ? _live.ApplyOptimisticDelete(target) : _live.ApplyOptimistic(V(target, Names[name]));
                    return;
                }
            }
        }

        private void OnPropertyChanged(object? sender, PropertyChangedEventArgs e)
        {
            // The properties whose order the model knows; others (the clock, the status) are not in it.
            if (e.PropertyName is "Count" or "Item[]" or "IsLoading")
            {
                _log.Add("PC " + e.PropertyName);
            }
        }
    }

    /// <summary>
    /// The table's contract, one step at a time on one thread: what the app sees for a key is its optimistic row, else
    /// the server's; each change of it is queued; the queue is shown first in, first out; a debounced burst of two or
    /// more (or a reload) is shown as one Reset; an edit a handler makes goes to the end of the queue.
    /// </summary>
    private sealed class SequentialModel
    {
        private readonly (int Trigger, int Target, int Name, bool Delete)[] _rules;
        private readonly bool[] _fired;
        private readonly Dictionary<int, string?> _optimistic = new();
        private readonly List<(string Kind, int Key, string? Name)> _queue = new();
        private bool _draining;
        private bool _armed;

        public SequentialModel((int Trigger, int Target, int Name, bool Delete)[] rules)
        {
            _rules = rules;
            _fired = new bool[rules.Length];
        }

        public Dictionary<int, string> Rows { get; } = new();

        public SortedDictionary<int, string> View { get; } = new();

        public List<string> Log { get; } = new();

        public void Server(int id, string? name, bool batched)
        {
            var before = Shown(id);
            _optimistic.Remove(id);
            if (name is null)
            {
                Rows.Remove(id);
            }
            else
            {
                Rows[id] = name;
            }

            var queued = Queue(id, before);
            if (!batched)
            {
                if (queued)
                {
                    Drain(batched: false);
                }
            }
            else if (_queue.Count > 0)
            {
                _armed = true;
            }
        }

        public void Optimistic(int id, string? name, bool deleted)
        {
            var before = Shown(id);
            _optimistic[id] = deleted ? null : name;
            Queue(id, before);
            Drain(batched: false);
        }

        public void Rollback(int id)
        {
            if (!_optimistic.ContainsKey(id))
            {
                return;
            }

            var before = Shown(id);
            _optimistic.Remove(id);
            Queue(id, before);
            Drain(batched: false);
        }

        public void Reload()
        {
            _queue.Add(("Loading", 0, null));
            Drain(batched: false);

            // The loader returns the server's rows (nothing was missed): every row shown again, with one Reset.
            _queue.RemoveAll(static e => e.Kind != "Loading");
            _queue.Add(("Reset", 0, null));
            _queue.Add(("Loading", 0, null));
            Drain(batched: false);
        }

        public void WindowEnded()
        {
            if (_armed)
            {
                _armed = false;
                Drain(batched: true);
            }
        }

        private string? Shown(int id) =>
            _optimistic.TryGetValue(id, out var mine) ? mine : Rows.TryGetValue(id, out var row) ? row : null;

        private bool Queue(int id, string? before)
        {
            var after = Shown(id);
            if (after == before)
            {
                return false;
            }

            _queue.Add((after is null ? "Delete" : "Upsert", id, after));
            return true;
        }

        private void Drain(bool batched)
        {
            if (_draining)
            {
                return; // a handler's edit: shown after what is queued
            }

            _draining = true;
            while (_queue.Count > 0)
            {
                var batch = _queue.ToList();
                _queue.Clear();
                var collapse = batch.Any(static e => e.Kind == "Reset") || (batched && batch.Count(static e => e.Kind != "Loading") > 1);
                var countBefore = View.Count;
                var loadingChanged = false;
                foreach (var (kind, key, name) in batch)
                {
                    if (kind == "Loading")
                    {
                        if (collapse)
                        {
                            loadingChanged = true;
                        }
                        else
                        {
                            Log.Add("PC IsLoading");
                        }

                        continue;
                    }

                    var before = View.Count;
                    if (collapse)
                    {
                        if (kind == "Reset")
                        {
                            View.Clear();
                            foreach (var id in Rows.Keys.Union(_optimistic.Keys))
                            {
                                if (Shown(id) is { } shown)
                                {
                                    View[id] = shown;
                                }
                            }
                        }
                        else if (kind == "Delete")
                        {
                            View.Remove(key);
                        }
                        else
                        {
                            View[key] = name!;
                        }

                        continue;
                    }

                    if (kind == "Delete")
                    {
                        var index = View.Keys.ToList().IndexOf(key);
                        var old = View[key];
                        View.Remove(key);
                        Notify($"Remove {key}:{old}@{index}", key);
                    }
                    else if (View.ContainsKey(key))
                    {
                        View[key] = name!;
                        Notify($"Replace {key}:{name}@{View.Keys.ToList().IndexOf(key)}", key);
                    }
                    else
                    {
                        View[key] = name!;
                        Notify($"Add {key}:{name}@{View.Keys.ToList().IndexOf(key)}", key);
                    }

                    RowsChanged(before);
                }

                if (collapse)
                {
                    Log.Add("Reset");
                    RowsChanged(countBefore);
                    if (loadingChanged)
                    {
                        Log.Add("PC IsLoading");
                    }
                }
            }

            _draining = false;
        }

        private void RowsChanged(int countBefore)
        {
            if (View.Count != countBefore)
            {
                Log.Add("PC Count");
            }

            Log.Add("PC Item[]");
        }

        // The app's handler, as the test's: the first rule not yet fired that names this row edits its target.
        private void Notify(string notification, int key)
        {
            Log.Add(notification);
            for (var i = 0; i < _rules.Length; i++)
            {
                if (!_fired[i] && _rules[i].Trigger == key)
                {
                    _fired[i] = true;
                    var (_, target, name, delete) = _rules[i];
                    Optimistic(target, delete ? null : Names[name], delete);
                    return;
                }
            }
        }
    }
}
