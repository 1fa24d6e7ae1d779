using System;

namespace Skaftin.Realtime;

// Loading: a sorted array becomes a tree bottom up, in O(n): the items cut into leaves of even size (as full as the
// capacity lets), then each level's nodes into branches of even size, until one node is left.
internal sealed partial class CountedRowTree<T>
{
    /// <summary>Replaces every item with <paramref name="items"/>, in their order.</summary>
    /// <param name="items">The new items (copied; the array stays the caller's).</param>
    public void Load(T[] items)
    {
        if (items is null)
        {
            throw new ArgumentNullException(nameof(items));
        }

        if (items.Length == 0)
        {
            _root = new Leaf(LeafCapacity);
            _count = 0;
            return;
        }

        var level = new Node[Parts(items.Length, LeafCapacity)];
        var from = 0;
        for (var k = 0; k < level.Length; k++)
        {
            var leaf = new Leaf(LeafCapacity) { Length = PartSize(items.Length, level.Length, k) };
            Array.Copy(items, from, leaf.Items, 0, leaf.Length);
            from += leaf.Length;
            level[k] = leaf;
        }

        while (level.Length > 1)
        {
            var parents = new Node[Parts(level.Length, BranchCapacity)];
            var next = 0;
            for (var k = 0; k < parents.Length; k++)
            {
                var branch = new Branch(BranchCapacity) { Length = PartSize(level.Length, parents.Length, k) };
                for (var s = 0; s < branch.Length; s++)
                {
                    branch.Children[s] = level[next++];
                    branch.Refresh(s);
                }

                parents[k] = branch;
            }

            level = parents;
        }

        _root = level[0];
        _count = items.Length;
    }

    // How many nodes of at most capacity entries hold count entries.
    private static int Parts(int count, int capacity) => (count + capacity - 1) / capacity;

    // The size of part k when count entries are cut into parts of even size (the first ones one larger).
    private static int PartSize(int count, int parts, int k) => count / parts + (k < count % parts ? 1 : 0);
}
