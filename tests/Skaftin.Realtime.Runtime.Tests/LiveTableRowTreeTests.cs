using System;
using System.Collections.Generic;
using System.Linq;
using CsCheck;
using Xunit;

namespace Skaftin.Realtime.Runtime.Tests;

/// <summary>
/// Issue 24, item 4: the counted B+-tree that holds a live table's rows, against a <see cref="List{T}"/> doing the same
/// edits. Small leaves and branches (4 to 12 entries) make a few thousand items span hundreds of leaves and several
/// levels, so splits, merges, borrowing and root changes all happen; after every step the items, the count and the
/// tree's shape rules are checked.
/// </summary>
public sealed class LiveTableRowTreeTests
{
    private enum Op
    {
        Insert,
        Append,
        RemoveAt,
        Set,
        Get,
        Load,
    }

    private static readonly Gen<(Op Op, int Position, int Size)> Step = Gen.Select(
        Gen.Frequency((5, Op.Insert), (2, Op.Append), (6, Op.RemoveAt), (2, Op.Set), (2, Op.Get), (1, Op.Load)),
        Gen.Int[0, int.MaxValue],
        Gen.Int[0, 5_000]);

    private static readonly Gen<(int Leaf, int Branch, int Size, (Op Op, int Position, int Size)[] Steps)> Scenario =
        Gen.Select(Gen.Int[4, 12], Gen.Int[4, 8], Gen.Int[0, 5_000], Step.Array[1, 120]);

    [Fact]
    public void RandomEditsMatchAList()
    {
        Scenario.Sample(
            static s => Run(s.Leaf, s.Branch, s.Size, s.Steps),
            iter: 300,
            print: static s => $"leaf={s.Leaf} branch={s.Branch} size={s.Size} steps: {string.Join(", ", s.Steps.Select(static x => $"{x.Op}({x.Position},{x.Size})"))}");
    }

    // Runs of removals from one place empty whole leaves and branches: each must merge or borrow, down to an empty tree.
    [Theory]
    [InlineData(0)]
    [InlineData(1)]
    [InlineData(2)]
    public void RemovingEveryItemKeepsTheShape(int where)
    {
        var items = Enumerable.Range(0, 3_000).Select(static i => new Item(i)).ToArray();
        var tree = new CountedRowTree<Item>(4, 4);
        tree.Load(items);
        var model = items.ToList();
        var random = new Random(where);
        while (model.Count > 0)
        {
            var index = where switch { 0 => 0, 1 => model.Count - 1, _ => random.Next(model.Count) };
            tree.RemoveAt(index);
            model.RemoveAt(index);
            Assert.Null(tree.FindBrokenInvariant());
            Assert.Equal(model.Count, tree.Count);
            if (model.Count > 0)
            {
                Assert.Same(model[model.Count / 2], tree[model.Count / 2]);
            }
        }

        Assert.Equal(1, tree.Height);
    }

    // Rows added in order (new keys at the end) fill their leaves, as a load does: no half-empty leaf per split.
    [Fact]
    public void ItemsAppendedInOrderPackTheirLeaves()
    {
        var tree = new CountedRowTree<Item>(8, 4);
        for (var i = 0; i < 4_096; i++)
        {
            tree.Insert(i, new Item(i));
        }

        var loaded = new CountedRowTree<Item>(8, 4);
        loaded.Load(Enumerable.Range(0, 4_096).Select(static i => new Item(i)).ToArray());
        Assert.Null(tree.FindBrokenInvariant());
        Assert.Equal(4_096 / 8, tree.CountLeaves());
        Assert.Equal(loaded.CountLeaves(), tree.CountLeaves());
        Assert.InRange(tree.Height, loaded.Height, loaded.Height + 1);
        Assert.Equal(Enumerable.Range(0, 4_096), Items(tree).Select(static item => item.Value));
    }

    [Fact]
    public void LowerBoundFindsWhereAnItemGoes()
    {
        var order = Comparer<Item>.Create(static (x, y) => x.Value.CompareTo(y.Value));
        var items = Enumerable.Range(0, 2_000).Select(static i => new Item(2 * i)).ToArray();
        var tree = new CountedRowTree<Item>(4, 4);
        tree.Load(items);
        for (var value = -1; value <= 4_000; value++)
        {
            Assert.Equal((value + 1) / 2, tree.LowerBound(new Item(value), order));
        }

        Assert.Equal(0, new CountedRowTree<Item>().LowerBound(new Item(0), order));
    }

    private static void Run(int leaf, int branch, int size, (Op Op, int Position, int Size)[] steps)
    {
        var tree = new CountedRowTree<Item>(leaf, branch);
        var model = new List<Item>();
        var next = 0;
        Load(tree, model, size, ref next);
        foreach (var (op, position, newSize) in steps)
        {
            switch (op)
            {
                case Op.Insert:
                    var at = position % (model.Count + 1);
                    var inserted = new Item(next++);
                    tree.Insert(at, inserted);
                    model.Insert(at, inserted);
                    break;
                case Op.Append:
                    var appended = new Item(next++);
                    tree.Insert(model.Count, appended);
                    model.Add(appended);
                    break;
                case Op.RemoveAt when model.Count > 0:
                    var removed = position % model.Count;
                    tree.RemoveAt(removed);
                    model.RemoveAt(removed);
                    break;
                case Op.Set when model.Count > 0:
                    var replaced = position % model.Count;
                    var item = new Item(next++);
                    tree.Set(replaced, item);
                    model[replaced] = item;
                    break;
                case Op.Get when model.Count > 0:
                    Assert.Same(model[position % model.Count], tree[position % model.Count]);
                    break;
                case Op.Load:
                    Load(tree, model, newSize, ref next);
                    break;
            }

            Assert.Null(tree.FindBrokenInvariant());
            Assert.Equal(model.Count, tree.Count);
            var list = new List<Item>();
            tree.AddTo(list);
            Assert.True(model.SequenceEqual(list, ReferenceEqualityComparer.Instance), $"after {op}: the items differ");
            Assert.Throws<ArgumentOutOfRangeException>(() => tree[model.Count]);
            if (model.Count > 0)
            {
                var probe = position % model.Count;
                Assert.Same(model[probe], tree[probe]);
                Assert.Equal(probe, tree.IndexOfReference(model[probe]));
            }
        }
    }

    private static void Load(CountedRowTree<Item> tree, List<Item> model, int size, ref int next)
    {
        var items = new Item[size];
        for (var i = 0; i < size; i++)
        {
            items[i] = new Item(next++);
        }

        tree.Load(items);
        model.Clear();
        model.AddRange(items);
    }

    private static List<Item> Items(CountedRowTree<Item> tree)
    {
        var list = new List<Item>();
        tree.AddTo(list);
        return list;
    }

    // An item compared by reference (the tree never looks at its value).
    private sealed class Item
    {
        public Item(int value) => Value = value;

        public int Value { get; }

        public override string ToString() => Value.ToString(System.Globalization.CultureInfo.InvariantCulture);
    }
}
