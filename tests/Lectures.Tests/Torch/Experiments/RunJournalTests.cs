using Lectures.Torch.Experiments;
using System.Runtime.InteropServices;

namespace Lectures.Tests.Torch.Experiments;

public sealed class RunJournalTests : TemporaryDirectoryTest
{
    static readonly (string, string)[] Settings = [("Seeds", "[0, 1]")];

    [Fact]
    public void ANativeErrorIsReportedWithTheRunsLabelAndTheOtherRunsGoOn()
    {
        var journal = RunJournal.Open(new JournalSettings(Root), "runs.csv", "x,y", Settings, total: 2);
        Assert.Null(journal.Run("a", "RFT · seed 0", () => throw new ExternalException("Unknown scalar type.\nException raised from type at Scalar.h")));
        Assert.Equal(["2,3"], journal.Run("b", "SFT · seed 0", () => new RecordedRun(["2,3"], ""))!.Rows);
        var e = Assert.Throws<ExperimentIncompleteException>(journal.Complete);
        Assert.Equal(["RFT · seed 0: Unknown scalar type."], e.Failures);
        Assert.Equal((1, 2), (e.Finished, e.Total));
        Assert.Equal("x,y\n2,3\n", File.ReadAllText(Path.Combine(Root, "runs.csv")));

        // Resuming reruns only the failed run; the recorded one is not run again.
        var resumed = RunJournal.Open(new JournalSettings(Root, Resume: true), "runs.csv", "x,y", Settings, total: 2);
        Assert.Equal(["2,3"], resumed.Run("b", "SFT · seed 0", () => throw new InvalidOperationException("must not rerun"))!.Rows);
        Assert.Equal("7", resumed.Run("a", "RFT · seed 0", () => new RecordedRun(["0,1", "4,5"], "7"))!.Extra);
        resumed.Complete();
        Assert.Equal("x,y\n2,3\n0,1\n4,5\n", File.ReadAllText(Path.Combine(Root, "runs.csv")));
        Assert.Equal(["setting\tSeeds\t[0, 1]", "run\tb\t1\t", "run\ta\t2\t7", "complete"],
            File.ReadAllLines(Path.Combine(Root, "runs.runs")).Skip(1));
    }

    [Fact]
    public void AResumeAfterTheReportReadsEachRunsOwnRowsWhenARunFinishedOutOfGridOrder()
    {
        RerunOfAFailedRun().Complete();
        Assert.Equal("x,y\n0,1\n4,5\n2,3\n", File.ReadAllText(Path.Combine(Root, "runs.csv")));
        // The report writes the results' rows in grid order, over the journal's file (ExperimentReport.Write does).
        ExperimentReport.WriteCsv(Path.Combine(Root, "runs.csv"), "x,y", ["0,1", "4,5", "2,3"]);
        AssertResumesWithEachRunsOwnRows();
    }

    [Fact]
    public void AReorderCutOffBeforeItsCsvWasReplacedResumesFromTheRowsInTheirOldOrder()
    {
        // Killed after the journal listed the grid order and before the CSV in grid order replaced the old one: the
        // resume must read the CSV in the order the runs finished.
        var resumed = RerunOfAFailedRun();
        var csv = File.ReadAllText(Path.Combine(Root, "runs.csv"));
        var runs = File.ReadAllText(Path.Combine(Root, "runs.runs"));
        resumed.Complete();
        var order = File.ReadAllLines(Path.Combine(Root, "runs.runs")).Single(l => l.StartsWith("order\t", StringComparison.Ordinal));
        File.WriteAllText(Path.Combine(Root, "runs.csv"), csv);
        File.WriteAllText(Path.Combine(Root, "runs.runs"), runs + order + "\n");
        AssertResumesWithEachRunsOwnRows().Complete();
        Assert.Equal("x,y\n0,1\n4,5\n2,3\n", File.ReadAllText(Path.Combine(Root, "runs.csv")));
    }

    /// <summary>
    /// A first start in which run a fails with a native error and b finishes (1 row); then a resume that reruns a (2 rows,
    /// extra "7"), not yet completed. The journal finished b before a, while the grid (the order asked) is a, b.
    /// </summary>
    RunJournal RerunOfAFailedRun()
    {
        var first = RunJournal.Open(new JournalSettings(Root), "runs.csv", "x,y", Settings, total: 2);
        Assert.Null(first.Run("a", "a", () => throw new ExternalException("Unknown scalar type.")));
        first.Run("b", "b", () => new RecordedRun(["2,3"], ""));
        Assert.Throws<ExperimentIncompleteException>(first.Complete);
        var resumed = RunJournal.Open(new JournalSettings(Root, Resume: true), "runs.csv", "x,y", Settings, total: 2);
        resumed.Run("a", "a", () => new RecordedRun(["0,1", "4,5"], "7"));
        resumed.Run("b", "b", () => throw new InvalidOperationException("must not rerun"));
        return resumed;
    }

    /// <summary>
    /// Resumes the journal of <see cref="RerunOfAFailedRun"/>: both runs are read back with their own rows, and neither
    /// runs again; b is asked for by looking it up (as an experiment looks up a run recorded under an earlier name).
    /// </summary>
    RunJournal AssertResumesWithEachRunsOwnRows()
    {
        var again = RunJournal.Open(new JournalSettings(Root, Resume: true), "runs.csv", "x,y", Settings, total: 2);
        Assert.Equal(2, again.RecordedEarlier);
        Assert.Equal(["0,1", "4,5"], again.Run("a", "a", () => throw new InvalidOperationException("must not rerun"))!.Rows);
        Assert.Equal(["2,3"], again.Recorded("b")!.Rows);
        Assert.Equal(("7", ""), (again.Recorded("a")!.Extra, again.Recorded("b")!.Extra));
        return again;
    }

    [Fact]
    public void ResumingDropsTheRowsOfARunThatWasNotListedAndRefusesAChangedHeader()
    {
        var journal = RunJournal.Open(new JournalSettings(Root), "runs.csv", "x,y", Settings, total: 2);
        journal.Record("a", new RecordedRun(["1,2"], ""));
        File.AppendAllText(Path.Combine(Root, "runs.csv"), "3,4\n5,");
        var resumed = RunJournal.Open(new JournalSettings(Root, Resume: true), "runs.csv", "x,y", Settings, total: 2);
        Assert.Equal(1, resumed.Count);
        Assert.Equal("x,y\n1,2\n", File.ReadAllText(Path.Combine(Root, "runs.csv")));
        var e = Assert.Throws<InvalidDataException>(() => RunJournal.Open(new JournalSettings(Root, Resume: true), "runs.csv", "x,y,z", Settings, total: 2));
        Assert.Contains("does not start with the header \"x,y,z\"", e.Message);
    }

    [Fact]
    public void SettingsAreListedInvariantlyWithLongValuesHashed()
    {
        var lines = SettingsDescription.Of(new
        {
            Rate = 0.1, Sizes = new[] { 128, 64 }, Data = Enumerable.Range(0, 100).ToArray(), Name = (string?)null, Single = true,
            Spec = new Lectures.Torch.Gnn.Training.TrainingOptions(MaxEpochs: 3),
        });
        Assert.Equal(["Data", "Name", "Rate", "Single", "Sizes", "Spec"], lines.Select(l => l.Name));
        Assert.Matches("^sha256:[0-9A-F]{16} \\(390 characters\\)$", lines[0].Value);
        Assert.Equal(["none", "0.1", "True", "[128, 64]", "{LearningRate = 0.0005, WeightDecay = 0.001, MaxEpochs = 3, Patience = 50}"],
            lines.Skip(1).Select(l => l.Value));
    }
}
