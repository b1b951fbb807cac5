using Lectures.Tests.Torch.Experiments;
using Lectures.Torch.Experiments;
using Lectures.Torch.Sparsification;

namespace Lectures.Tests.Torch.Sparsification;

/// <summary>
/// The Reduced sparsification (GCN on Cora) reproduces, byte for byte, the CSV file and the journal (.runs: settings
/// and finished runs) that the code before the experiment refactors wrote, and a run folder that code left when killed
/// after 6 of 10 runs (Golden/earlier-sparsify) resumes to them.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class SparsificationGoldenTests : TemporaryDirectoryTest
{
    static readonly ExperimentCase Case = ExperimentCase.All[SparsificationExperiment.Name];

    [Fact]
    public void ReducedOnCoraReproducesTheGoldenFiles()
    {
        var means = ((SparsificationResults)Case.AssertReducedIsGolden(Root)).MeansByLevel();
        // The run's summary.csv reads back through FullRuns with the means (4 decimals) of the runs.
        var read = FullRuns.Sparsification("GCN", "cora", Path.Combine(Root, SparsificationResults.SummaryFileName));
        Assert.Equal(means.Select(p => (p.Series, p.X, p.Count)), read.Summary.Select(p => (p.Series, p.X, p.Count)));
        Assert.All(means.Zip(read.Summary), p => Assert.InRange(Math.Abs(p.First.Mean - p.Second.Mean), 0, 5.0001e-5));
    }

    [Fact]
    public void ARunFolderKilledByEarlierCodeResumesToTheGoldenFiles()
    {
        var folder = GoldenFiles.CopyFolder("earlier-sparsify", Path.Combine(Root, "earlier"));
        Assert.Equal((10, 6), Case.ResumeReduced(folder));
        GoldenFiles.AssertFiles(folder, "", Case.JournalFile, Case.RunsFile);
    }

}
