using System;

namespace Skaftin.Realtime;

// Inserting: the item goes into its leaf; a full leaf splits in two, and a full branch that gets one more child splits
// in two, up to the root, which then gets a new root above it.
internal sealed partial class CountedRowTree<T>
{
    /// <summary>Inserts <paramref name="item"/> at <paramref name="index"/>, shifting the items from there on by one.</summary>
    /// <param name="index">From 0 to <see cref="Count"/>.</param>
    /// <param name="item">The item.</param>
    public void Insert(int index, T item)
    {
        if ((uint)index > (uint)_count)
        {
            throw new ArgumentOutOfRangeException(nameof(index), index, $"The index is outside 0 to {_count}.");
        }

        var split = InsertIn(_root, index, item, rightmost: true);
        _count++;
        if (split is null)
        {
            return;
        }

        var root = new Branch(BranchCapacity);
        root.Children[0] = _root;
        root.Children[1] = split;
        root.Length = 2;
        root.Refresh(0);
        root.Refresh(1);
        _root = root;
    }

    // Moves count entries of a node's arrays from [start, …) of one node to [at, …) of another, closing the gap left.
    private static void MoveRange<TEntry>(TEntry[] from, int fromLength, int start, TEntry[] to, int toLength, int at, int count)
    {
        Array.Copy(to, at, to, at + count, toLength - at);
        Array.Copy(from, start, to, at, count);
        Array.Copy(from, start + count, from, start, fromLength - start - count);
        Array.Clear(from, fromLength - count, count);
    }

    // Moves count items or children from [start, …) of one node into another of the same kind at [at, …).
    private static void Move(Node from, int start, Node to, int at, int count)
    {
        if (from is Leaf leaf)
        {
            MoveRange(leaf.Items, leaf.Length, start, ((Leaf)to).Items, to.Length, at, count);
        }
        else
        {
            var source = (Branch)from;
            var target = (Branch)to;
            MoveRange(source.Children, source.Length, start, target.Children, target.Length, at, count);
            MoveRange(source.Counts, source.Length, start, target.Counts, target.Length, at, count);
            MoveRange(source.Firsts, source.Length, start, target.Firsts, target.Length, at, count);
        }

        from.Length -= count;
        to.Length += count;
    }

    // Inserts item at index of node's subtree; returns the node's new right sibling when the node split. Rightmost: the
    // node is the last of its level, where rows appended in order arrive.
    private Node? InsertIn(Node node, int index, T item, bool rightmost)
    {
        if (node is Leaf leaf)
        {
            return InsertInLeaf(leaf, index, item, rightmost);
        }

        // At a boundary between two children the item goes at the end of the left one: the right one's first stays.
        var branch = (Branch)node;
        var i = 0;
        while (i < branch.Length - 1 && index > branch.Counts[i])
        {
            index -= branch.Counts[i];
            i++;
        }

        var split = InsertIn(branch.Children[i], index, item, rightmost && i == branch.Length - 1);
        if (split is null)
        {
            branch.Counts[i]++;
            branch.Firsts[i] = branch.Children[i].First;
            return null;
        }

        branch.Refresh(i);
        if (branch.Length < BranchCapacity)
        {
            branch.InsertChild(i + 1, split);
            return null;
        }

        var right = new Branch(BranchCapacity);
        if (rightmost && i == branch.Length - 1)
        {
            // The last child split where rows are appended: the new branch takes it and its new sibling only.
            Move(branch, i, right, 0, 1);
            right.InsertChild(1, split);
            return right;
        }

        var half = BranchCapacity / 2;
        Move(branch, half, right, 0, BranchCapacity - half);
        if (i + 1 <= half)
        {
            branch.InsertChild(i + 1, split);
        }
        else
        {
            right.InsertChild(i + 1 - half, split);
        }

        return right;
    }

    private Leaf? InsertInLeaf(Leaf leaf, int index, T item, bool rightmost)
    {
        if (leaf.Length < LeafCapacity)
        {
            Array.Copy(leaf.Items, index, leaf.Items, index + 1, leaf.Length - index);
            leaf.Items[index] = item;
            leaf.Length++;
            return null;
        }

        var right = new Leaf(LeafCapacity);
        if (rightmost && index == LeafCapacity)
        {
            // Appended after the last item: the full leaf stays full (rows added in order pack their leaves).
            right.Items[0] = item;
            right.Length = 1;
            return right;
        }

        var half = LeafCapacity / 2;
        Move(leaf, half, right, 0, LeafCapacity - half);
        if (index <= half)
        {
            InsertInLeaf(leaf, index, item, rightmost: false);
        }
        else
        {
            InsertInLeaf(right, index - half, item, rightmost: false);
        }

        return right;
    }
}
