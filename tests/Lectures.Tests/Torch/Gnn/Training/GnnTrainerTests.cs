using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Runtime;
using Lectures.Torch.Sparsification;
using TorchSharp;

namespace Lectures.Tests.Torch.Gnn.Training;

/// <summary>
/// The GNN training loop shared by vertex classification, UGS's masked training and the interaction experiment
/// (whose Reduced run is pinned byte for byte by GnnGoldenTests).
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public class GnnTrainerTests
{
    public GnnTrainerTests() => TorchRuntime.EnsureLoaded();

    [Fact]
    public void EarlyStoppingReportsTheFirstEpochWithTheBestValidationAccuracy()
    {
        // Validation accuracies by epoch; with patience 3 the run stops after epoch 5 (three epochs since the best, 2),
        // the tie at epoch 4 does not move the best, and epoch 6's 0.9 is never reached.
        double[] validation = [0.5, 0.7, 0.6, 0.7, 0.65, 0.9];
        var epochs = new List<int>();
        var result = GnnTrainer.Fit(() => TrainingTests.TinyGcn.Create(4, 2, GnnReadout.Vertex), new TrainingOptions(MaxEpochs: 10, Patience: 3), seed: 0,
            (model, _) =>
            {
                Assert.True(model.training);
                epochs.Add(epochs.Count + 1);
            },
            model =>
            {
                Assert.False(model.training);
                Assert.False(torch.is_grad_enabled());
                var epoch = epochs[^1];
                return new EpochValidation(validation[epoch - 1], () => (epoch / 10.0, epoch / 100.0));
            });
        Assert.Equal(new TrainingResult(TestAccuracy: 0.2, ValidationAccuracy: 0.7, TrainAccuracy: 0.02, BestEpoch: 2, Epochs: 5), result);
        Assert.Equal([1, 2, 3, 4, 5], epochs);
    }

    [Fact]
    public void TrainingStopsAtMaxEpochsAndTheSeedFixesTheInitialWeights()
    {
        float[] FirstWeights(int seed)
        {
            float[] weights = [];
            GnnTrainer.Fit(() => TrainingTests.TinyGcn.Create(4, 2, GnnReadout.Vertex), new TrainingOptions(MaxEpochs: 2, Patience: 5), seed,
                (model, _) => weights = model.parameters().First().data<float>().ToArray(), _ => new EpochValidation(0.5, () => (0, 0)));
            return weights;
        }
        var epochs = 0;
        var result = GnnTrainer.Fit(() => TrainingTests.TinyGcn.Create(4, 2, GnnReadout.Vertex), new TrainingOptions(MaxEpochs: 4, Patience: 5), 0,
            (_, _) => epochs++, _ => new EpochValidation(epochs / 10.0, () => (1, 1)));
        Assert.Equal(new TrainingResult(1, 0.4, 1, 4, 4), result);
        Assert.Equal(FirstWeights(7), FirstWeights(7));
        Assert.NotEqual(FirstWeights(7), FirstWeights(8));
    }

    /// <summary>Results of the loops before they were merged into one (issue 26), recorded with that code.</summary>
    [Fact]
    public void VertexClassificationAndUgsGiveTheResultsOfTheLoopsBeforeTheMerge()
    {
        using var task = new VertexClassification(TrainingTests.Tiny, VertexSplit.Random(TrainingTests.Tiny.VertexCount, 3));
        var gcn = task.Train(TrainingTests.TinyGcn, TrainingTests.Quick, seed: 3);
        var gat = task.Train(TrainingTests.TinyGcn with { Architecture = GnnArchitecture.Gat }, TrainingTests.Quick with { MaxEpochs = 10 }, seed: 4);
        using var messages = MessageGraph.From(TrainingTests.Tiny);
        var (masked, mask) = task.Fit(messages, TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 12 }, 5, new EdgeMaskTraining());
        var round = UnifiedGraphSparsifier.Round(task, TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 12 }, 5, []);
        Assert.Equal(new TrainingResult(1, 1, 95 / 96.0, 8, 28), gcn);
        Assert.Equal(new TrainingResult(1, 1, 1, 3, 10), gat);
        Assert.Equal(new TrainingResult(1, 1, 0.96875, 3, 12), masked);
        // The mask is float32; these are its first values and its sum, read back as doubles.
        Assert.Equal([0.9696767926216125, 0.9695688486099243, 0.969525933265686, 0.9702507257461548], mask!.Take(4));
        Assert.Equal(367.6308372616768, mask!.Sum());
        Assert.Equal([252, 285, 243, 234, 73, 114, 137, 62, 119, 366, 30, 331, 122, 46, 174, 370, 156, 83, 307], round);
    }
}
