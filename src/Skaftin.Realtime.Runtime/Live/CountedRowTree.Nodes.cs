namespace Skaftin.Realtime;

// The tree's nodes. A leaf holds up to LeafCapacity items in one array; a branch holds up to BranchCapacity children,
// with, per child, how many items its subtree holds and the subtree's first item (what a search compares against).
internal sealed partial class CountedRowTree<T>
{
    private abstract class Node
    {
        /// <summary>How many items (a leaf) or children (a branch) the node holds now.</summary>
        public int Length;

        /// <summary>The first item of the subtree; the node is not empty.</summary>
        public abstract T First { get; }

        /// <summary>How many items the subtree holds.</summary>
        public abstract int Total { get; }
    }

    private sealed class Leaf : Node
    {
        public Leaf(int capacity) => Items = new T[capacity];

        public T[] Items { get; }

        public override T First => Items[0];

        public override int Total => Length;
    }

    private sealed class Branch : Node
    {
        public Branch(int capacity)
        {
            Children = new Node[capacity];
            Counts = new int[capacity];
            Firsts = new T[capacity];
        }

        public Node[] Children { get; }

        /// <summary>Per child, how many items its subtree holds.</summary>
        public int[] Counts { get; }

        /// <summary>Per child, the first item of its subtree.</summary>
        public T[] Firsts { get; }

        public override T First => Firsts[0];

        /// <summary>The child that holds the item at <paramref name="index"/>; <paramref name="index"/> becomes its index within that child.</summary>
        public int ChildAt(ref int index)
        {
            var i = 0;
            while (index >= Counts[i])
            {
                index -= Counts[i];
                i++;
            }

            return i;
        }

        public override int Total
        {
            get
            {
                var total = 0;
                for (var i = 0; i < Length; i++)
                {
                    total += Counts[i];
                }

                return total;
            }
        }

        // Refreshes what the branch keeps about child i (after the child changed).
        public void Refresh(int i)
        {
            Counts[i] = Children[i].Total;
            Firsts[i] = Children[i].First;
        }

        // Puts child at slot i, shifting the later ones right; there is room.
        public void InsertChild(int i, Node child)
        {
            var after = Length - i;
            System.Array.Copy(Children, i, Children, i + 1, after);
            System.Array.Copy(Counts, i, Counts, i + 1, after);
            System.Array.Copy(Firsts, i, Firsts, i + 1, after);
            Children[i] = child;
            Length++;
            Refresh(i);
        }

        // Takes the child at slot i out, shifting the later ones left.
        public void RemoveChild(int i)
        {
            var after = Length - i - 1;
            System.Array.Copy(Children, i + 1, Children, i, after);
            System.Array.Copy(Counts, i + 1, Counts, i, after);
            System.Array.Copy(Firsts, i + 1, Firsts, i, after);
            Length--;
            Children[Length] = null!;
            Firsts[Length] = null!;
            Counts[Length] = 0;
        }
    }
}
