using System;
using System.Collections.Generic;
using System.Collections.Specialized;
using System.Linq;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 24, item 4: a live table's sorted view (its rows in a counted B+-tree) against a sorted <see cref="List{T}"/>
/// model, through random inserts, updates that keep or change a row's place, deletes, reloads (of rows in order or not,
/// ordered by an app comparer or by key alone) and index reads, on up
/// to 5,000 rows in leaves of 4 to 16 (hundreds of leaves, several levels). After every step the view's rows, count
/// and key map equal the model's; each notification names the model's real indices, and a list that applies the
/// notifications one by one (as a bound UI list does) equals the view after each of them.
/// </summary>
public sealed class LiveTableSortedViewTests
{
    private enum Op
    {
        Insert,
        Update,
        Delete,
        DeleteMissing,
        Reload,
        Read,
    }

    private static readonly Gen<(Op Op, int Pick, int Rank, int Size)> Step = Gen.Select(
        Gen.Frequency((5, Op.Insert), (6, Op.Update), (5, Op.Delete), (1, Op.DeleteMissing), (1, Op.Reload), (2, Op.Read)),
        Gen.Int[0, int.MaxValue],
        Gen.Int[0, 40],
        Gen.Int[0, 5_000]);

    private static readonly Gen<(int Leaf, int Branch, int Size, bool Ordered, bool AppOrder, (Op Op, int Pick, int Rank, int Size)[] Steps)> Scenario =
        Gen.Select(Gen.Int[4, 16], Gen.Int[4, 8], Gen.Int[0, 5_000], Gen.Bool, Gen.Bool, Step.Array[1, 60]);

    // By rank (often equal: the key breaks ties), as an app's comparer.
    private static readonly IComparer<Row> ByRank = Comparer<Row>.Create(static (x, y) => x.Rank.CompareTo(y.Rank));

    [Fact]
    public void RandomEditsMatchASortedListModel()
    {
        Scenario.Sample(
            static s => new Run(s.Leaf, s.Branch, s.AppOrder).Execute(s.Size, s.Ordered, s.Steps),
            iter: 200,
            print: static s => $"leaf={s.Leaf} branch={s.Branch} size={s.Size} ordered={s.Ordered} appOrder={s.AppOrder} steps: "
                + string.Join(", ", s.Steps.Select(static x => $"{x.Op}({x.Pick},{x.Rank},{x.Size})")));
    }

    // A row of the view: compared by reference, like a decoded row.
    private sealed class Row
    {
        public Row(int key, int rank)
        {
            Key = key;
            Rank = rank;
        }

        public int Key { get; }

        public int Rank { get; }

        public override string ToString() => $"{Key}/{Rank}";
    }

    private sealed class Run
    {
        private readonly RowOrder<Row, int> _order;
        private readonly SortedRowView<Row, int> _view;
        private readonly List<Row> _model = new();
        private readonly List<Row> _bound = new();
        private readonly List<string> _told = new();
        private int _nextKey;

        // By the app's comparer (rank, then key) or, with none, by key alone (a reload then sorts the keys).
        public Run(int leaf, int branch, bool appOrder)
        {
            _order = new RowOrder<Row, int>(appOrder ? ByRank : null, static row => row.Key);
            _view = new SortedRowView<Row, int>(_order, static row => row.Key, leaf, branch);
        }

        public void Execute(int size, bool ordered, (Op Op, int Pick, int Rank, int Size)[] steps)
        {
            Reload(size, ordered, rank: 7);
            foreach (var (op, pick, rank, newSize) in steps)
            {
                var expected = Do(op, pick, rank, newSize);
                Assert.Equal(expected, _told);
                Assert.Null(_view.FindBrokenInvariant());
                Assert.Equal(_model.Count, _view.Count);
                Assert.True(_model.SequenceEqual(_view.ToList(), ReferenceEqualityComparer.Instance), $"after {op}: the view's rows differ from the model's");
                Assert.True(_model.SequenceEqual(_bound, ReferenceEqualityComparer.Instance), $"after {op}: the bound list differs from the model");
                if (_model.Count > 0)
                {
                    var probe = _model[pick % _model.Count];
                    Assert.True(_view.TryGet(probe.Key, out var found) && ReferenceEquals(found, probe));
                }
            }
        }

        // Does one step on the view and the model; returns the notifications the model says the view must raise.
        private List<string> Do(Op op, int pick, int rank, int size)
        {
            _told.Clear();
            switch (op)
            {
                case Op.Insert:
                    var inserted = new Row(_nextKey++, rank);
                    var at = Place(inserted);
                    _model.Insert(at, inserted);
                    _view.Apply(LiveEdit<Row, int>.Upsert(inserted.Key, inserted), Raise);
                    return new List<string> { $"Add {inserted}@{at}" };
                case Op.Update when _model.Count > 0:
                    var index = pick % _model.Count;
                    var previous = _model[index];
                    var updated = new Row(previous.Key, rank);
                    _model.RemoveAt(index);
                    var target = Place(updated);
                    _model.Insert(target, updated);
                    _view.Apply(LiveEdit<Row, int>.Upsert(updated.Key, updated), Raise);
                    var told = new List<string> { $"Replace {previous}->{updated}@{index}" };
                    if (target != index)
                    {
                        told.Add($"Move {updated}@{index}->{target}");
                    }

                    return told;
                case Op.Delete when _model.Count > 0:
                    var removed = pick % _model.Count;
                    var row = _model[removed];
                    _model.RemoveAt(removed);
                    _view.Apply(LiveEdit<Row, int>.Delete(row.Key), Raise);
                    return new List<string> { $"Remove {row}@{removed}" };
                case Op.DeleteMissing:
                    _view.Apply(LiveEdit<Row, int>.Delete(-1 - pick % 100), Raise);
                    return new List<string>();
                case Op.Reload:
                    Reload(size, ordered: pick % 2 == 0, rank);
                    return new List<string> { "Reset" };
                case Op.Read when _model.Count > 0:
                    var read = pick % _model.Count;
                    Assert.Same(_model[read], _view[read]);
                    return new List<string>();
                default:
                    return new List<string>();
            }
        }

        // Where a row goes in the model (sorted by the view's order, the row not in it).
        private int Place(Row row)
        {
            var at = _model.BinarySearch(row, _order);
            Assert.True(at < 0, $"{row} is in the model already");
            return ~at;
        }

        // Reloads size rows (keys kept from the model where there are some, one duplicated, the last one winning), in the
        // view's order or shuffled.
        private void Reload(int size, bool ordered, int rank)
        {
            _told.Clear();
            var rows = new List<Row>();
            for (var i = 0; i < size; i++)
            {
                var key = i < _model.Count ? _model[i].Key : _nextKey++;
                rows.Add(new Row(key, (key * 7 + rank) % 41));
            }

            if (size > 10)
            {
                rows.Add(new Row(rows[3].Key, rank)); // the same key twice: the later row is the one shown
            }

            var shuffled = rows.ToArray();
            new Random(size + rank).Shuffle(shuffled);

            var latest = new Dictionary<int, Row>();
            foreach (var row in shuffled)
            {
                latest[row.Key] = row;
            }

            _model.Clear();
            _model.AddRange(latest.Values);
            _model.Sort(_order);
            _view.Apply(LiveEdit<Row, int>.Reset(ordered ? _model.ToList() : shuffled), Raise);
            Assert.Equal(new[] { "Reset" }, _told);
        }

        // What a bound list does with each notification, checking the view already shows the state it describes.
        private void Raise(NotifyCollectionChangedEventArgs e)
        {
            switch (e.Action)
            {
                case NotifyCollectionChangedAction.Add:
                    var added = (Row)e.NewItems![0]!;
                    _bound.Insert(e.NewStartingIndex, added);
                    _told.Add($"Add {added}@{e.NewStartingIndex}");
                    break;
                case NotifyCollectionChangedAction.Remove:
                    var removed = (Row)e.OldItems![0]!;
                    Assert.Same(removed, _bound[e.OldStartingIndex]);
                    _bound.RemoveAt(e.OldStartingIndex);
                    _told.Add($"Remove {removed}@{e.OldStartingIndex}");
                    break;
                case NotifyCollectionChangedAction.Replace:
                    var replaced = (Row)e.OldItems![0]!;
                    Assert.Same(replaced, _bound[e.NewStartingIndex]);
                    _bound[e.NewStartingIndex] = (Row)e.NewItems![0]!;
                    _told.Add($"Replace {replaced}->{e.NewItems[0]}@{e.NewStartingIndex}");
                    break;
                case NotifyCollectionChangedAction.Move:
                    var moved = (Row)e.NewItems![0]!;
                    Assert.Same(moved, _bound[e.OldStartingIndex]);
                    _bound.RemoveAt(e.OldStartingIndex);
                    _bound.Insert(e.NewStartingIndex, moved);
                    _told.Add($"Move {moved}@{e.OldStartingIndex}->{e.NewStartingIndex}");
                    break;
                case NotifyCollectionChangedAction.Reset:
                    _bound.Clear();
                    _bound.AddRange(_view.ToList());
                    _told.Add("Reset");
                    break;
            }

            // The handler reads the view: it shows the state the notification describes, whole.
            Assert.Equal(_bound.Count, _view.Count);
            Assert.Null(_view.FindBrokenInvariant());
            var index = e.Action == NotifyCollectionChangedAction.Remove ? -1 : e.NewStartingIndex;
            if (index >= 0)
            {
                Assert.Same(_bound[index], _view[index]);
            }
        }
    }
}
