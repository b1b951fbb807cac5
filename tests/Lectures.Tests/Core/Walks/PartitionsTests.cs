namespace Lectures.Tests.Core.Walks;

using Lectures.Graphs;
using Lectures.Walks;

public class PartitionsTests
{
    [Fact]
    public void AllListsEachProperPartitionOnceUpToSwappingSides()
    {
        var all = Partitions.All(GraphFamilies.Path(4));
        Assert.Equal(7, all.Count);
        Assert.Equal([0], all[0]);
        Assert.Equal([0, 1, 3], all[5]);
        Assert.All(all, I => Assert.Equal(0, I[0]));
        // Every unordered split {I, I^c} of 4 vertices with both sides non-empty appears exactly once.
        var keys = all.Select(I => string.Join(",", I)).ToHashSet();
        Assert.Equal(7, keys.Count);
        Assert.DoesNotContain("0,1,2,3", keys);
    }

    [Fact]
    public void RandomIsSeededAndProper()
    {
        var g = GraphFamilies.Cycle(6);
        var a = Partitions.Random(g, 25, seed: 4);
        Assert.Equal(25, a.Count);
        Assert.Equal(a, Partitions.Random(g, 25, seed: 4));
        Assert.NotEqual(a, Partitions.Random(g, 25, seed: 5));
        Assert.All(a, I => Assert.InRange(I.Length, 1, 5));
        Assert.All(a, I => Assert.Equal(I.Order(), I));
    }

    [Fact]
    public void BadGraphsAndCountsAreNamed()
    {
        Assert.Contains("needs 2..20 vertices, the graph has 21",
            Assert.Throws<ArgumentException>(() => Partitions.All(GraphFamilies.Path(21))).Message);
        Assert.Contains("needs >= 2 vertices, the graph has 1",
            Assert.Throws<ArgumentException>(() => Partitions.Random(GraphFamilies.Path(1), 3, 0)).Message);
        Assert.Contains("must be >= 0, got -1",
            Assert.Throws<ArgumentOutOfRangeException>(() => Partitions.Random(GraphFamilies.Path(3), -1, 0)).Message);
    }
}
