using System.Net;
using Lectures.Torch.Experiments;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// The shape all the experiments share, driven only through <see cref="IExperiment{TOptions, TResults}"/>: the
/// Reduced run records every run of its tally; a kill during its last run (the run's line, its half-written rows and
/// the completion mark lost) resumes to the same journal, byte for byte, running only that run; and the report holds
/// the title, one chart per chart and the CSV files of the uninterrupted run.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ExperimentShapeTests : TemporaryDirectoryTest
{
    [Theory]
    [MemberData(nameof(ExperimentCase.Names), MemberType = typeof(ExperimentCase))]
    public void AReducedRunKilledInItsLastRunResumesToTheSameFilesAndReport(string name)
    {
        var experiment = ExperimentCase.All[name];
        var (straight, results) = experiment.Reduced();
        var runsLines = File.ReadAllLines(Path.Combine(straight, experiment.RunsFile));
        var runLines = runsLines.Where(l => l.StartsWith("run\t", StringComparison.Ordinal)).ToList();
        Assert.Equal((runLines.Count, 0), (results.Tally.Runs, results.Tally.RecordedEarlier));
        Assert.Equal("complete", runsLines[^1]);

        var killed = Path.Combine(Root, "killed");
        Directory.CreateDirectory(killed);
        foreach (var file in Directory.GetFiles(straight)) File.Copy(file, Path.Combine(killed, Path.GetFileName(file)));
        var lastRows = int.Parse(runLines[^1].Split('\t')[2]);
        File.WriteAllLines(Path.Combine(killed, experiment.RunsFile), runsLines.Where(l => l != runLines[^1] && l != "complete"));
        var rows = File.ReadAllLines(Path.Combine(straight, experiment.JournalFile));
        File.WriteAllText(Path.Combine(killed, experiment.JournalFile),
            string.Concat(rows[..^lastRows].Select(r => r + "\n")) + rows[^lastRows][..(rows[^lastRows].Length / 2)]);

        var resumed = experiment.RunReduced(null, new JournalSettings(killed, Resume: true));
        Assert.Equal((results.Tally.Runs, results.Tally.Runs - 1), (resumed.Tally.Runs, resumed.Tally.RecordedEarlier));
        foreach (var file in new[] { experiment.JournalFile, experiment.RunsFile })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight, file)), File.ReadAllBytes(Path.Combine(killed, file)));

        var report = ExperimentReport.Write(resumed, Path.Combine(Root, "report"));
        var html = File.ReadAllText(report);
        Assert.Contains($"<title>{WebUtility.HtmlEncode(resumed.Title)}</title>", html);
        Assert.Equal(resumed.Charts().Count(), html.Split("newPlot(").Length - 1);
        var straightCsv = results.WriteCsv(Path.Combine(Root, "straight"));
        Assert.Equal(straightCsv.Select(Path.GetFileName), resumed.WriteCsv(Path.Combine(Root, "report")).Select(Path.GetFileName));
        Assert.All(straightCsv, path => Assert.Equal(File.ReadAllBytes(path), File.ReadAllBytes(Path.Combine(Root, "report", Path.GetFileName(path)))));
    }
}
