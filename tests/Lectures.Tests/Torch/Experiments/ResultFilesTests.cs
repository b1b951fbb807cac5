using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Torch.Experiments;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// The GNN experiments' result files: summary.csv in the schema of the shipped benchmarks/results files, with
/// provenance, read back by FullRuns; and the journal's settings lines of the Standard settings, which must not
/// change so that runs started by earlier code resume.
/// </summary>
public class ResultFilesTests : TemporaryDirectoryTest
{
    static readonly RunProvenance Provenance = new("2026-11-30", "0123456789abcdef0123456789abcdef01234567", "lectures experiment sparsify --dataset cora");

    [Fact]
    public void SummaryHeadersAreThoseOfTheShippedResultFiles()
    {
        Assert.Equal(SparsificationResults.SummaryHeader, File.ReadLines(Path.Combine(FullRuns.Directory, "sparsification.csv")).First());
        Assert.Equal(InteractionResults.SummaryHeader, File.ReadLines(Path.Combine(FullRuns.Directory, "interaction.csv")).First());
    }

    [Fact]
    public void ATwoSeedSparsificationSummaryHasTheMeanAndSampleStdAndReadsBack()
    {
        // Accuracies 0.80 and 0.84: mean 0.82, sample std sqrt(2 * 0.02^2 / 1) = 0.028284...
        var options = SparsificationOptions.Standard() with { Methods = [SparsificationMethod.OneWis], StepPercent = 50, Seeds = [0, 1] };
        SparsificationRun Run(int seed, double accuracy) => new("1-WIS", 50, seed, 10, 10, new TrainingResult(accuracy, 0.9, 0.95, 3, 10));
        var results = new SparsificationResults("a hand-made case", options, [Run(0, 0.80), Run(1, 0.84)], TimeSpan.Zero) { Provenance = Provenance };
        var paths = results.WriteCsv(Root);
        Assert.Equal([Path.Combine(Root, "sparsification.csv"), Path.Combine(Root, "summary.csv")], paths);
        Assert.Equal(SparsificationResults.SummaryHeader + "\n" +
            "GCN,cora,2,2026-11-30,0123456789abcdef0123456789abcdef01234567,lectures experiment sparsify --dataset cora,1-WIS,50,0.8200,0.0283\n",
            File.ReadAllText(paths[1]));
        var read = FullRuns.Sparsification("GCN", "cora", paths[1]);
        var point = Assert.Single(read.Summary);
        Assert.Equal(("1-WIS", 50.0, 0.82, 0.0283, 2), (point.Series, point.X, point.Mean, point.StandardDeviation, point.Count));
        Assert.Equal((2, "2026-11-30", Provenance.Commit, Provenance.Command), (read.Source.Seeds, read.Source.Date, read.Source.Commit, read.Source.Command));
        Assert.Contains("commit 0123456", read.Source.Label);
    }

    [Fact]
    public void ATwoSeedInteractionSummaryHasTheMeanAndSampleStdAndReadsBack()
    {
        // Test accuracies 0.50 and 0.60: mean 0.55, sample std 0.0707; train 0.70 and 0.80: mean 0.750.
        var options = InteractionOptions.Standard with { Models = InteractionOptions.Architectures([GnnArchitecture.Gcn]), Seeds = [0, 1] };
        InteractionRun Run(int seed, double test, double train) => new("GCN", ChunkPlacement.LowWalkIndex, 548, seed, train, 0.6, test, 2, 5);
        var results = new InteractionResults(options, [Run(0, 0.50, 0.70), Run(1, 0.60, 0.80)], TimeSpan.Zero) { Provenance = Provenance };
        var paths = results.WriteCsv(Root);
        Assert.Equal(InteractionResults.SummaryHeader + "\n" +
            "GCN,2,2026-11-30,0123456789abcdef0123456789abcdef01234567,lectures experiment sparsify --dataset cora,low,548,0.5500,0.0707,0.750\n",
            File.ReadAllText(paths[1]));
        var bar = Assert.Single(FullRuns.Interaction(paths[1]).Bars);
        Assert.Equal(("GCN", "low walk index", 0.55, 0.0707, 2), (bar.Category, bar.Series, bar.Mean, bar.StandardDeviation, bar.Count));
        Assert.Contains("train 75.0%", bar.Note);
    }

    [Fact]
    public void StandardSettingsLinesAreThoseRecordedByEarlierRuns()
    {
        // Recorded by the code before the options were composed: the sparsification lines by the full GCN run on Cora,
        // the interaction lines as its flat options (BatchSize, Depth, ..., ValidationPairs) described them.
        static string Lines(IEnumerable<(string Name, string Value)> settings) => string.Concat(settings.Select(s => $"setting\t{s.Name}\t{s.Value}\n"));
        Assert.Equal(File.ReadAllText(Path.Combine(GnnGoldenTests.GoldenDirectory(), "sparsify-standard-cora.settings")),
            Lines(SparsificationOptions.Standard().Settings(Datasets.ByName("cora"))));
        Assert.Equal(File.ReadAllText(Path.Combine(GnnGoldenTests.GoldenDirectory(), "interaction-standard.settings")),
            Lines(InteractionOptions.Standard.Settings()));
        Assert.Contains(("WeightDecay", "0.001"), (InteractionOptions.Standard with { Training = InteractionOptions.Standard.Training with { WeightDecay = 1e-3 } }).Settings());
    }

    [Fact]
    public void InteractionModelsOfDifferentShapesAreRefused()
    {
        var options = InteractionOptions.Standard with { Models = [new GnnSpec(GnnArchitecture.Gcn, 16, 3, 0), new GnnSpec(GnnArchitecture.Gin, 32, 3, 0)] };
        var e = Assert.Throws<ArgumentException>(options.Validate);
        Assert.Contains("must share one shape", e.Message);
    }
}
