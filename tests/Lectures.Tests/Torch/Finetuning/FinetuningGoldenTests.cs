using Lectures.Tests.Torch.Experiments;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;

namespace Lectures.Tests.Torch.Finetuning;

/// <summary>
/// The Reduced finetuning experiment reproduces, byte for byte, records.csv and the journal's settings written before
/// the experiment layer was refactored (Golden/finetune-*), with the rows of the sweep of SFT phases (issue 27) appended and its
/// two settings lines added; the Standard settings' journal lines are compared too, and a run folder recorded under the
/// methods' earlier names (Golden/earlier-finetune-records.csv) resumes to today's file.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class FinetuningGoldenTests : TemporaryDirectoryTest
{
    static readonly ExperimentCase Case = ExperimentCase.All[FinetuningExperiment.Name];

    [Fact]
    public void ReducedWritesTheGoldenRecords()
    {
        var (journal, _) = Case.Reduced();
        GoldenFiles.AssertEqual(("finetune-records.csv", File.ReadAllText(Path.Combine(journal, "records.csv"))),
            ("finetune-records.settings", GoldenFiles.SettingLines(Path.Combine(journal, "records.runs"))));
    }

    /// <summary>
    /// A run folder recorded before method names were built from the phases ("SFT then RFT", "1% SFT then RFT",
    /// "RFT, lr x10") and before the sweep of SFT phases (issue 27) resumes, with the sweep left out as it was then,
    /// without running anything again, and gives today's file but for the sweep's rows (appended after the heuristics'):
    /// the only change is the names.
    /// </summary>
    [Fact]
    public void ARunFolderOfTheEarlierMethodNamesResumesToTodaysFile()
    {
        var folder = Path.Combine(Root, "earlier");
        Directory.CreateDirectory(folder);
        var rows = File.ReadAllLines(Path.Combine(GoldenFiles.Directory, "earlier-finetune-records.csv"));
        File.WriteAllText(Path.Combine(folder, "records.csv"), string.Concat(rows.Select(r => r + "\n")));
        // One run line per (method, optimizer, task, seed), with its row count, in the order recorded.
        var runs = rows.Skip(1).Select(r => Csv.Split(r, 14)).GroupBy(f => $"{f[0]}|{f[1]}|{f[2]}|{f[3]}")
            .Select(g => $"run\t{g.Key}\t{g.Count()}\t\n");
        var reduced = FinetuningExperiment.Reduced;
        var earlier = reduced with { Methods = reduced.Methods.WithoutSweep() };
        File.WriteAllText(Path.Combine(folder, "records.runs"), GoldenFiles.Lines(earlier.Settings()) + string.Concat(runs));
        var resumed = FinetuningExperiment.Run(earlier, journal: new JournalSettings(folder, Resume: true));
        Assert.Equal((11, 11), (resumed.Tally.Runs, resumed.Tally.RecordedEarlier));
        resumed.WriteCsv(Path.Combine(folder, "final"));
        var sweep = FinetuningMethods.For(reduced).All.Skip(11).Select(m => m.Name).ToHashSet();
        var golden = File.ReadAllLines(Path.Combine(GoldenFiles.Directory, "finetune-records.csv"));
        var withoutSweep = golden.Where((line, k) => k == 0 || !sweep.Contains(Csv.Split(line, 14)[0])).ToArray();
        Assert.Equal(golden[..withoutSweep.Length], withoutSweep);
        Assert.Equal(string.Concat(withoutSweep.Select(l => l + "\n")), File.ReadAllText(Path.Combine(folder, "final", "records.csv")));
    }

    [Fact]
    public void StandardSettingsDescribeThemselvesAsBefore() =>
        GoldenFiles.AssertEqual(("finetune-full.settings", GoldenFiles.Lines(FinetuningExperiment.Standard.Settings())));
}
