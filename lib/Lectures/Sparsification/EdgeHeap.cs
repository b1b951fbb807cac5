namespace Lectures.Sparsification;

/// <summary>
/// A binary max-heap of edge ids with 64-bit keys: the top is the largest key, equal keys ordered by the tie rule
/// on the edge id (ids are the lexicographic order of (u, v)).
/// </summary>
internal sealed class EdgeHeap(int capacity, TieRule tieRule)
{
    private readonly long[] keys = new long[capacity];
    private readonly int[] ids = new int[capacity];
    private readonly bool smallestFirst = tieRule == TieRule.SmallestEdge;
    private int count;

    public int Count => count;

    public void Push(long key, int id)
    {
        var i = count++;
        while (i > 0)
        {
            var parent = (i - 1) >> 1;
            if (!Above(key, id, keys[parent], ids[parent])) break;
            keys[i] = keys[parent];
            ids[i] = ids[parent];
            i = parent;
        }
        keys[i] = key;
        ids[i] = id;
    }

    public (long Key, int Id) Pop()
    {
        var top = (keys[0], ids[0]);
        var (key, id) = (keys[--count], ids[count]);
        var i = 0;
        while (true)
        {
            var child = 2 * i + 1;
            if (child >= count) break;
            if (child + 1 < count && Above(keys[child + 1], ids[child + 1], keys[child], ids[child])) child++;
            if (!Above(keys[child], ids[child], key, id)) break;
            keys[i] = keys[child];
            ids[i] = ids[child];
            i = child;
        }
        keys[i] = key;
        ids[i] = id;
        return top;
    }

    private bool Above(long k1, int id1, long k2, int id2) =>
        k1 > k2 || (k1 == k2 && (smallestFirst ? id1 < id2 : id1 > id2));
}
