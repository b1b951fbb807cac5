using Lectures.Graphs;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Tests.Torch.Gnn.Training;

[Collection(TorchTrainingCollection.Name)]
public class TrainingTests
{
    // Three blocks of 40 vertices with block-specific words: easy for a GNN, chance is 1/3.
    internal static readonly Graph Tiny = GraphFamilies.StochasticBlockModel([40, 40, 40], 0.15, 0.01, seed: 5, featureCount: 60, wordsPerVertex: 4, topicShare: 0.6);

    internal static readonly GnnOptions TinyGcn = new(GnnArchitecture.Gcn, Hidden: 16, Dropout: 0.2);

    internal static readonly TrainingOptions Quick = new(LearningRate: 0.01, WeightDecay: 5e-4, MaxEpochs: 60, Patience: 20);

    [Theory]
    [InlineData(GnnArchitecture.Gcn)]
    [InlineData(GnnArchitecture.Gin)]
    [InlineData(GnnArchitecture.ResGcn)]
    [InlineData(GnnArchitecture.Gat)]
    public void ATinyConfigurationBeatsChanceByAClearMargin(GnnArchitecture architecture)
    {
        var result = VertexClassification.TrainOnce(Tiny, TinyGcn with { Architecture = architecture }, seed: 1, Quick);
        Assert.True(result.TestAccuracy >= 0.75, $"{architecture}: test accuracy {result.TestAccuracy:F3}, chance is 0.333.");
        Assert.InRange(result.BestEpoch, 1, result.Epochs);
    }

    [Fact]
    public void TheSameSeedGivesTheSameAccuracyAndAnotherSeedAnotherRun()
    {
        var split = VertexSplit.Random(Tiny.VertexCount, 7);
        using var task = new VertexClassification(Tiny, split);
        var first = task.Train(TinyGcn, Quick with { MaxEpochs = 15, Patience = 15 }, seed: 7);
        var second = task.Train(TinyGcn, Quick with { MaxEpochs = 15, Patience = 15 }, seed: 7);
        Assert.Equal(first, second);
        var gin = new GnnOptions(GnnArchitecture.Gin, Hidden: 16);
        Assert.Equal(task.Train(gin, Quick with { MaxEpochs = 5 }, seed: 3), task.Train(gin, Quick with { MaxEpochs = 5 }, seed: 3));
    }

    [Fact]
    public void TheRandomSplitIsEightyTenTenDisjointAndSeeded()
    {
        var split = VertexSplit.Random(2708, 4);
        Assert.Equal((2166, 271, 271), (split.Train.Length, split.Validation.Length, split.Test.Length));
        Assert.Equal(Enumerable.Range(0, 2708), split.Train.Concat(split.Validation).Concat(split.Test).Order());
        Assert.Equal(split.Test, VertexSplit.Random(2708, 4).Test);
        Assert.NotEqual(split.Test, VertexSplit.Random(2708, 5).Test);
    }

    [Fact]
    public void BadInputNamesTheProblem()
    {
        var e = Assert.Throws<ArgumentException>(() => new VertexClassification(GraphFamilies.Path(4), VertexSplit.Random(4, 0)));
        Assert.Contains("no vertex features", e.Message);
        using var task = new VertexClassification(Tiny, VertexSplit.Random(Tiny.VertexCount, 0));
        e = Assert.Throws<ArgumentException>(() => task.Train(TinyGcn, Quick, 0, GraphFamilies.Path(5)));
        Assert.Contains("5 vertices, expected the task's 120", e.Message);
        e = Assert.Throws<ArgumentException>(() => task.Train(TinyGcn with { Depth = 0 }, Quick, 0));
        Assert.Contains("depth L must be >= 1, got 0", e.Message);
    }
}
