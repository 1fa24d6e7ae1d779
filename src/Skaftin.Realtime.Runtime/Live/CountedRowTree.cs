using System;
using System.Collections.Generic;

namespace Skaftin.Realtime;

/// <summary>
/// A list of items in a counted B+-tree: leaves hold the items in arrays of up to <see cref="LeafCapacity"/>, branches
/// hold, per child, its subtree's item count and first item. Reading or replacing the item at an index, inserting or
/// removing one, and finding where an item goes in a sorted list (<see cref="LowerBound"/>) each walk one path from the
/// root: O(log n), where a <see cref="List{T}"/> shifts every item after the index. A sorted array becomes a tree in
/// O(n) (<see cref="Load"/>). Not thread-safe: the owner locks.
/// </summary>
/// <typeparam name="T">The item type.</typeparam>
internal sealed partial class CountedRowTree<T>
    where T : class
{
    /// <summary>The items a leaf holds at most, by default: a 1 KB array of references.</summary>
    public const int DefaultLeafCapacity = 128;

    /// <summary>The children a branch holds at most, by default.</summary>
    public const int DefaultBranchCapacity = 64;

    private Node _root;
    private int _count;

    /// <summary>Creates an empty tree.</summary>
    /// <param name="leafCapacity">The items a leaf holds at most; 4 or more (small only in tests, to make many leaves).</param>
    /// <param name="branchCapacity">The children a branch holds at most; 4 or more.</param>
    public CountedRowTree(int leafCapacity = DefaultLeafCapacity, int branchCapacity = DefaultBranchCapacity)
    {
        if (leafCapacity < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(leafCapacity), leafCapacity, "A leaf holds 4 items or more.");
        }

        if (branchCapacity < 4)
        {
            throw new ArgumentOutOfRangeException(nameof(branchCapacity), branchCapacity, "A branch holds 4 children or more.");
        }

        LeafCapacity = leafCapacity;
        BranchCapacity = branchCapacity;
        _root = new Leaf(leafCapacity);
    }

    /// <summary>The items a leaf holds at most.</summary>
    public int LeafCapacity { get; }

    /// <summary>The children a branch holds at most.</summary>
    public int BranchCapacity { get; }

    /// <summary>How many items the tree holds.</summary>
    public int Count => _count;

    /// <summary>How many levels the tree has (1: the root is a leaf).</summary>
    public int Height
    {
        get
        {
            var height = 1;
            for (var node = _root; node is Branch branch; node = branch.Children[0])
            {
                height++;
            }

            return height;
        }
    }

    /// <summary>The item at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    public T this[int index]
    {
        get
        {
            CheckIndex(index, _count);
            var node = _root;
            while (node is Branch branch)
            {
                var i = branch.ChildAt(ref index);

                node = branch.Children[i];
            }

            return ((Leaf)node).Items[index];
        }
    }

    /// <summary>Replaces the item at <paramref name="index"/>.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    /// <param name="item">The new item.</param>
    public void Set(int index, T item)
    {
        CheckIndex(index, _count);
        SetIn(_root, index, item);
    }

    /// <summary>
    /// How many items sort before <paramref name="item"/> in <paramref name="order"/>: the index of the first item not
    /// less than it, where it goes. The tree must be sorted by <paramref name="order"/>; comparisons: O(log n).
    /// </summary>
    /// <param name="item">The item looked for.</param>
    /// <param name="order">The order the tree is sorted by.</param>
    /// <returns>From 0 to <see cref="Count"/>.</returns>
    public int LowerBound(T item, IComparer<T> order)
    {
        var below = 0;
        var node = _root;
        while (node is Branch branch)
        {
            // The last child whose first item is less than item (or the first child): item goes in it or right after it.
            var pick = 0;
            var low = 1;
            var high = branch.Length - 1;
            while (low <= high)
            {
                var middle = (low + high) >> 1;
                if (order.Compare(branch.Firsts[middle], item) < 0)
                {
                    pick = middle;
                    low = middle + 1;
                }
                else
                {
                    high = middle - 1;
                }
            }

            for (var i = 0; i < pick; i++)
            {
                below += branch.Counts[i];
            }

            node = branch.Children[pick];
        }

        var leaf = (Leaf)node;
        var first = 0;
        var last = leaf.Length - 1;
        while (first <= last)
        {
            var middle = (first + last) >> 1;
            if (order.Compare(leaf.Items[middle], item) < 0)
            {
                first = middle + 1;
            }
            else
            {
                last = middle - 1;
            }
        }

        return below + first;
    }

    /// <summary>The index of <paramref name="item"/> (the same reference) by a walk through every item: O(n).</summary>
    /// <param name="item">The item.</param>
    /// <returns>Its index, or −1.</returns>
    public int IndexOfReference(T item)
    {
        var index = 0;
        return Find(_root, item, ref index) ? index : -1;
    }

    /// <summary>Appends every item, in order, to <paramref name="list"/>.</summary>
    /// <param name="list">The list.</param>
    public void AddTo(List<T> list) => AddTo(_root, list);

    private static void CheckIndex(int index, int count)
    {
        if ((uint)index >= (uint)count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The index is outside 0 to {count - 1}.");
        }
    }

    private static void SetIn(Node node, int index, T item)
    {
        if (node is Leaf leaf)
        {
            leaf.Items[index] = item;
            return;
        }

        var branch = (Branch)node;
        var i = branch.ChildAt(ref index);

        SetIn(branch.Children[i], index, item);
        branch.Firsts[i] = branch.Children[i].First;
    }

    private static bool Find(Node node, T item, ref int index)
    {
        if (node is Leaf leaf)
        {
            // By reference: a row type's Equals may say two rows with the same values are equal.
            for (var at = 0; at < leaf.Length; at++)
            {
                if (ReferenceEquals(leaf.Items[at], item))
                {
                    index += at;
                    return true;
                }
            }

            index += leaf.Length;
            return false;
        }

        var branch = (Branch)node;
        for (var i = 0; i < branch.Length; i++)
        {
            if (Find(branch.Children[i], item, ref index))
            {
                return true;
            }
        }

        return false;
    }

    private static void AddTo(Node node, List<T> list)
    {
        if (node is Leaf leaf)
        {
            list.AddRange(new ArraySegment<T>(leaf.Items, 0, leaf.Length));
            return;
        }

        var branch = (Branch)node;
        for (var i = 0; i < branch.Length; i++)
        {
            AddTo(branch.Children[i], list);
        }
    }
}
