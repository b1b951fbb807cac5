using System.Runtime.CompilerServices;
using Lectures.Torch.Experiments;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// The reduced sparsification (GCN on Cora) and interaction experiments reproduce, byte for byte, the CSV files and
/// the journal (.runs: settings and finished runs) that the code before the experiment refactor wrote (issue 18).
/// The files in Golden/ were written once by that code; LECTURES_WRITE_GOLDEN=1 rewrites them.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public class GnnGoldenTests
{
    [Fact]
    public void ReducedSparsificationOnCoraReproducesTheGoldenFiles()
    {
        var journal = NewDirectory();
        var report = NewDirectory();
        try
        {
            var results = SparsificationExperiment.Run(SparsificationOptions.Reduced(), journal: new JournalSettings(journal));
            results.WriteCsv(report);
            AssertGolden("sparsification.csv", Path.Combine(journal, "sparsification.csv"));
            AssertGolden("sparsification.runs", Path.Combine(journal, "sparsification.runs"));
            AssertGolden("sparsification.csv", Path.Combine(report, "sparsification.csv"));
            // The run's summary.csv reads back through FullRuns with the means (4 decimals) of the runs.
            var read = FullRuns.Sparsification("GCN", "cora", Path.Combine(report, SparsificationResults.SummaryFileName));
            Assert.Equal(results.MeansByLevel().Select(p => (p.Series, p.X, p.Count)), read.Summary.Select(p => (p.Series, p.X, p.Count)));
            Assert.All(results.MeansByLevel().Zip(read.Summary), p => Assert.InRange(Math.Abs(p.First.Mean - p.Second.Mean), 0, 5.0001e-5));
        }
        finally
        {
            Directory.Delete(journal, recursive: true);
            Directory.Delete(report, recursive: true);
        }
    }

    [Fact]
    public void ReducedInteractionReproducesTheGoldenFiles()
    {
        var journal = NewDirectory();
        var report = NewDirectory();
        try
        {
            var results = InteractionExperiment.Run(InteractionOptions.Reduced, journal: new JournalSettings(journal));
            results.WriteCsv(report);
            AssertGolden("interaction.csv", Path.Combine(journal, "interaction.csv"));
            AssertGolden("interaction.runs", Path.Combine(journal, "interaction.runs"));
            AssertGolden("interaction.csv", Path.Combine(report, "interaction.csv"));
            var read = FullRuns.Interaction(Path.Combine(report, InteractionResults.SummaryFileName));
            Assert.Equal(results.MeansByPlacement().Select(b => b.Category), read.Bars.Select(b => b.Category));
            Assert.All(results.MeansByPlacement().Zip(read.Bars), b => Assert.InRange(Math.Abs(b.First.Mean - b.Second.Mean), 0, 5.0001e-5));
        }
        finally
        {
            Directory.Delete(journal, recursive: true);
            Directory.Delete(report, recursive: true);
        }
    }

    /// <summary>The folder of the golden files, beside this source file.</summary>
    internal static string GoldenDirectory([CallerFilePath] string source = "") => Path.Combine(Path.GetDirectoryName(source)!, "Golden");

    /// <summary>Asserts that <paramref name="path"/> holds the bytes of Golden/<paramref name="name"/> (or writes them, with LECTURES_WRITE_GOLDEN=1).</summary>
    internal static void AssertGolden(string name, string path)
    {
        var golden = Path.Combine(GoldenDirectory(), name);
        if (Environment.GetEnvironmentVariable("LECTURES_WRITE_GOLDEN") == "1") File.Copy(path, golden, overwrite: true);
        Assert.True(File.Exists(golden), $"The golden file {golden} is missing.");
        Assert.Equal(File.ReadAllText(golden), File.ReadAllText(path));
        Assert.Equal(File.ReadAllBytes(golden), File.ReadAllBytes(path));
    }

    static string NewDirectory()
    {
        var dir = Path.Combine(Path.GetTempPath(), "lectures-golden-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }
}
