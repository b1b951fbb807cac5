using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Sparsification;

using Lectures.Tests.Torch.Gnn.Training;

namespace Lectures.Tests.Torch.Sparsification;

[Collection(TorchTrainingCollection.Name)]
public class UgsTests
{
    private static readonly TrainingOptions OneRound = TrainingTests.Quick with { MaxEpochs = 10, Patience = 10 };

    [Fact]
    public void EachRoundRemovesFivePercentOfTheOriginalEdges()
    {
        var graph = TrainingTests.Tiny;
        var m = graph.EdgeCount;
        var perRound = (int)Math.Round(0.05 * m, MidpointRounding.AwayFromZero);
        Assert.Equal(perRound, UnifiedGraphSparsifier.EdgesPerRound(m));
        using var task = new VertexClassification(graph, VertexSplit.Random(graph.VertexCount, 0));
        var first = UnifiedGraphSparsifier.Round(task, TrainingTests.TinyGcn, OneRound, seed: 0, removed: []);
        Assert.Equal(perRound, first.Distinct().Count());
        // The second round takes 5% of the original m again, not 5% of what is left, and only edges still there.
        var second = UnifiedGraphSparsifier.Round(task, TrainingTests.TinyGcn, OneRound, seed: 0, removed: first);
        Assert.Equal(perRound, second.Length);
        Assert.Empty(second.Intersect(first));
    }

    [Fact]
    public void TheOrderIsAPermutationBuiltFromEqualRounds()
    {
        var graph = Graphs.GraphFamilies.StochasticBlockModel([12, 12], 0.5, 0.05, seed: 2, featureCount: 8, wordsPerVertex: 2);
        using var task = new VertexClassification(graph, VertexSplit.Random(graph.VertexCount, 1));
        var rounds = new List<double>();
        var order = UnifiedGraphSparsifier.Order(task, TrainingTests.TinyGcn, OneRound with { MaxEpochs = 3 }, seed: 1,
            roundFraction: 0.2, progress: new SynchronousProgress<double>(rounds.Add));
        Assert.Equal(Enumerable.Range(0, graph.EdgeCount), order.EdgeIds.Order());
        var perRound = UnifiedGraphSparsifier.EdgesPerRound(graph.EdgeCount, 0.2);
        Assert.Equal((graph.EdgeCount + perRound - 1) / perRound, rounds.Count);
        Assert.Equal(perRound / (double)graph.EdgeCount, rounds[0], 12);
    }

    [Fact]
    public void WithAStrongL1PushTheMaskRemovesEdgesTheLossDoesNotNeed()
    {
        // Edges inside a block carry the label signal; edges across blocks mislead. UGS should drop the misleading ones first.
        var graph = Graphs.GraphFamilies.StochasticBlockModel([30, 30], 0.2, 0.05, seed: 3, featureCount: 20, wordsPerVertex: 2, topicShare: 0.5);
        var labels = graph.Labels!;
        using var task = new VertexClassification(graph, VertexSplit.Random(graph.VertexCount, 2));
        var first = UnifiedGraphSparsifier.Round(task, TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 40, Patience = 40 }, 2, [],
            roundFraction: 0.2);
        var across = graph.Edges.Count(e => labels[e.U] != labels[e.V]) / (double)graph.EdgeCount;
        var acrossRemoved = first.Count(id => labels[graph.Edges[id].U] != labels[graph.Edges[id].V]) / (double)first.Length;
        Assert.True(acrossRemoved > across, $"cross-block share: removed {acrossRemoved:F2}, in the graph {across:F2}.");
    }
}
