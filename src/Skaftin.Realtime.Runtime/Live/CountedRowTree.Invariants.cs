namespace Skaftin.Realtime;

// What must hold of the tree's shape after every operation (checked by the tests): every leaf at the same depth, each
// branch's counts and firsts equal to its children's, no node over its capacity, each node other than the root at or
// above its minimum (the last of each level, where appended rows start a node, at least not empty: one item, or two
// children), and the root's total equal to Count.
internal sealed partial class CountedRowTree<T>
{
    /// <summary>The first broken rule of the tree's shape, or null when every one holds. For tests: O(n).</summary>
    /// <returns>What is wrong, or null.</returns>
    public string? FindBrokenInvariant()
    {
        var leafDepth = -1;
        var problem = Check(_root, isRoot: true, isLast: true, depth: 0, ref leafDepth, out var total);
        return problem ?? (total == _count ? null : $"the tree holds {total} items but Count is {_count}");
    }

    /// <summary>How many leaves hold the items (for tests: how full they are). O(n / leaf capacity).</summary>
    /// <returns>The number of leaves.</returns>
    public int CountLeaves() => CountLeaves(_root);

    private static int CountLeaves(Node node)
    {
        if (node is not Branch branch)
        {
            return 1;
        }

        var leaves = 0;
        for (var i = 0; i < branch.Length; i++)
        {
            leaves += CountLeaves(branch.Children[i]);
        }

        return leaves;
    }

    private string? Check(Node node, bool isRoot, bool isLast, int depth, ref int leafDepth, out int total)
    {
        total = 0;
        if (node.Length > Capacity(node))
        {
            return $"a node at depth {depth} holds {node.Length}, over its capacity {Capacity(node)}";
        }

        var minimum = isRoot ? 0 : isLast ? 1 : MinimumLength(node);
        if (node.Length < minimum)
        {
            return $"a node at depth {depth} holds {node.Length}, under its minimum {minimum}";
        }

        if (node is Leaf leaf)
        {
            if (leafDepth >= 0 && leafDepth != depth)
            {
                return $"leaves at depths {leafDepth} and {depth}";
            }

            leafDepth = depth;
            total = leaf.Length;
            for (var i = leaf.Length; i < leaf.Items.Length; i++)
            {
                if (leaf.Items[i] is not null)
                {
                    return $"a leaf at depth {depth} keeps a reference past its length, at {i}";
                }
            }

            return null;
        }

        var branch = (Branch)node;
        if (branch.Length < 2)
        {
            return $"a branch at depth {depth} has {branch.Length} child";
        }

        for (var i = 0; i < branch.Length; i++)
        {
            var problem = Check(branch.Children[i], isRoot: false, isLast && i == branch.Length - 1, depth + 1, ref leafDepth, out var childTotal);
            if (problem is not null)
            {
                return problem;
            }

            if (branch.Counts[i] != childTotal)
            {
                return $"a branch at depth {depth} counts {branch.Counts[i]} items in child {i}, which holds {childTotal}";
            }

            if (!ReferenceEquals(branch.Firsts[i], branch.Children[i].First))
            {
                return $"a branch at depth {depth} keeps a stale first item for child {i}";
            }

            total += childTotal;
        }

        for (var i = branch.Length; i < branch.Children.Length; i++)
        {
            if (branch.Children[i] is not null || branch.Firsts[i] is not null || branch.Counts[i] != 0)
            {
                return $"a branch at depth {depth} keeps an entry past its length, at {i}";
            }
        }

        return null;
    }
}
