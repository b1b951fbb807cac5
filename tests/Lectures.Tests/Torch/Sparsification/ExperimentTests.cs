using Lectures.Torch.Experiments;
using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;

using Lectures.Tests.Torch.Gnn.Training;

namespace Lectures.Tests.Torch.Sparsification;

[Collection(TorchTrainingCollection.Name)]
public class ExperimentTests
{
    [Fact]
    public void PairedSeedsGiveEveryMethodTheSameAccuracyWhereTheGraphsAgree()
    {
        var options = new SparsificationOptions("tiny", TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 15 },
            [SparsificationMethod.OneWis, SparsificationMethod.Random], 50, [0, 1]);
        var results = SparsificationExperiment.Run(new LoadedGraph(TrainingTests.Tiny, "tiny SBM"), options);
        Assert.Equal(2 * 3 * 2, results.Runs.Count);
        foreach (var seed in new[] { 0, 1 })
            foreach (var level in new[] { 0.0, 100.0 })
            {
                var at = results.Runs.Where(r => r.Seed == seed && r.RemovedPercent == level).ToList();
                Assert.Single(at.Select(r => r.Result).Distinct());
            }
        var half = results.Runs.First(r => r.RemovedPercent == 50);
        Assert.Equal((int)Math.Round(0.5 * TrainingTests.Tiny.EdgeCount, MidpointRounding.AwayFromZero), half.EdgesRemoved);
        Assert.Equal(TrainingTests.Tiny.EdgeCount, half.EdgesRemoved + half.EdgesKept);

        var summary = results.MeansByLevel();
        Assert.Equal(6, summary.Count);
        var oneWisAt0 = summary.Single(p => p.Series == "1-WIS" && p.X == 0);
        Assert.Equal(results.Runs.Where(r => r.Method == "1-WIS" && r.RemovedPercent == 0).Average(r => r.Result.TestAccuracy), oneWisAt0.Mean, 12);
        Assert.All(results.PairedDifference("1-WIS", "random").Where(p => p.X != 50), p => Assert.Equal(0, p.Mean));
    }

    [Fact]
    public void TheReportHasOneCsvRowPerRunAndTheChart()
    {
        var options = new SparsificationOptions("tiny", TrainingTests.TinyGcn, TrainingTests.Quick with { MaxEpochs = 3 },
            [SparsificationMethod.Random], 50, [0]);
        var results = SparsificationExperiment.Run(new LoadedGraph(TrainingTests.Tiny, "tiny SBM"), options);
        var dir = Path.Combine(Path.GetTempPath(), "lectures-gexp-" + Guid.NewGuid().ToString("N"));
        try
        {
            var html = File.ReadAllText(ExperimentReport.Write(results, dir));
            var csv = File.ReadAllLines(Path.Combine(dir, "sparsification.csv"));
            Assert.Equal(1 + 3, csv.Length);
            Assert.StartsWith("method,removed_percent,seed,", csv[0]);
            Assert.StartsWith("random,50,0,", csv[2]);
            Assert.Contains("test accuracy vs edges removed", html);
            Assert.Contains("tiny SBM", html);
        }
        finally
        {
            Directory.Delete(dir, recursive: true);
        }
    }

    [Fact]
    public void UnknownDatasetsAndBadGridsAreNamed()
    {
        var e = Assert.Throws<ArgumentException>(() => Datasets.ByName("no-such-graph"));
        Assert.Contains("Unknown dataset 'no-such-graph'", e.Message);
        e = Assert.Throws<ArgumentException>(() => (SparsificationOptions.Reduced() with { StepPercent = 7 }).Validate());
        Assert.Contains("must divide 100", e.Message);
        Assert.Equal([0.0, 25, 50, 75, 100], SparsificationOptions.Reduced().Levels);
    }

    [Fact]
    public void TheInteractionExperimentRecordsBothPlacementsWithTheirWalkIndex()
    {
        var options = InteractionOptions.Reduced with
        {
            Models = InteractionOptions.Architectures([GnnArchitecture.Gin]), TrainPairs = 64, ValidationPairs = 32, TestPairs = 32,
            Training = InteractionOptions.Reduced.Training with { MaxEpochs = 2 }, Seeds = [0],
        };
        var results = InteractionExperiment.Run(options);
        Assert.Equal([(ChunkPlacement.LowWalkIndex, 548L), (ChunkPlacement.HighWalkIndex, 8258L)],
            results.Runs.Select(r => (r.Placement, r.WalkIndex)));
        Assert.All(results.Runs, r => Assert.InRange(r.TestAccuracy, 0, 1));
        var comparison = Assert.Single(results.Comparisons());
        Assert.Equal(results.Runs[1].TestAccuracy - results.Runs[0].TestAccuracy, comparison.Difference, 12);
    }
}
