using System;

namespace Skaftin.Realtime;

// Removing: the item leaves its leaf; a node left with fewer than a quarter of its capacity (a branch: fewer than two
// children) merges with a sibling when both fit in one node, or else takes items from it so both are half full. A
// root branch left with one child gives way to that child. (The last node of a level may be under its minimum: rows
// appended in order start it with one; its next removal merges or fills it.)
internal sealed partial class CountedRowTree<T>
{
    /// <summary>Removes the item at <paramref name="index"/>, shifting the items after it back by one.</summary>
    /// <param name="index">From 0 to <see cref="Count"/> − 1.</param>
    public void RemoveAt(int index)
    {
        CheckIndex(index, _count);
        RemoveIn(_root, index);
        _count--;
        while (_root is Branch { Length: 1 } root)
        {
            _root = root.Children[0];
        }
    }

    // The fewest items or children a node other than the root keeps.
    private int MinimumLength(Node node) => node is Leaf ? Math.Max(1, LeafCapacity / 4) : Math.Max(2, BranchCapacity / 4);

    private int Capacity(Node node) => node is Leaf ? LeafCapacity : BranchCapacity;

    private void RemoveIn(Node node, int index)
    {
        if (node is Leaf leaf)
        {
            leaf.Length--;
            Array.Copy(leaf.Items, index + 1, leaf.Items, index, leaf.Length - index);
            leaf.Items[leaf.Length] = null!;
            return;
        }

        var branch = (Branch)node;
        var i = branch.ChildAt(ref index);

        var child = branch.Children[i];
        RemoveIn(child, index);
        branch.Counts[i]--;
        if (child.Length >= MinimumLength(child) || branch.Length == 1)
        {
            if (child.Length > 0)
            {
                branch.Firsts[i] = child.First;
            }

            return;
        }

        Rebalance(branch, i > 0 ? i - 1 : i);
    }

    // Child left or left + 1 of branch is under its minimum: merge the two, or share their entries evenly.
    private void Rebalance(Branch branch, int left)
    {
        var a = branch.Children[left];
        var b = branch.Children[left + 1];
        if (a.Length + b.Length <= Capacity(a))
        {
            Move(b, 0, a, a.Length, b.Length);
            branch.Refresh(left);
            branch.RemoveChild(left + 1);
            return;
        }

        var half = (a.Length + b.Length) / 2;
        if (a.Length < half)
        {
            Move(b, 0, a, a.Length, half - a.Length);
        }
        else
        {
            Move(a, half, b, 0, a.Length - half);
        }

        branch.Refresh(left);
        branch.Refresh(left + 1);
    }
}
