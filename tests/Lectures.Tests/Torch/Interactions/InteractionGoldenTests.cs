using Lectures.Tests.Torch.Experiments;
using Lectures.Torch.Experiments;
using Lectures.Torch.Interactions;

namespace Lectures.Tests.Torch.Interactions;

/// <summary>
/// The Reduced interaction experiment reproduces, byte for byte, the CSV file and the journal that the code before the
/// experiment refactors wrote, and a run folder that code left when killed after 3 of 6 runs (Golden/earlier-interaction,
/// its settings under the earlier flat names) resumes to them.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class InteractionGoldenTests : TemporaryDirectoryTest
{
    static readonly ExperimentCase Case = ExperimentCase.All[InteractionExperiment.Name];

    [Fact]
    public void ReducedReproducesTheGoldenFiles()
    {
        var means = ((InteractionResults)Case.AssertReducedIsGolden(Root)).MeansByPlacement();
        // The run's summary.csv reads back through FullRuns with the means (4 decimals) of the runs.
        var read = FullRuns.Interaction(Path.Combine(Root, InteractionResults.SummaryFileName));
        Assert.Equal(means.Select(b => b.Category), read.Bars.Select(b => b.Category));
        Assert.All(means.Zip(read.Bars), b => Assert.InRange(Math.Abs(b.First.Mean - b.Second.Mean), 0, 5.0001e-5));
    }

    [Fact]
    public void ARunFolderKilledByEarlierCodeResumesToTheGoldenFiles()
    {
        var folder = GoldenFiles.CopyFolder("earlier-interaction", Path.Combine(Root, "earlier"));
        Assert.Equal((6, 3), Case.ResumeReduced(folder));
        GoldenFiles.AssertFiles(folder, "", Case.JournalFile, Case.RunsFile);
    }
}
