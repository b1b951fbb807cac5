using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;
using Lectures.Tests.Torch;
using Lectures.Torch.Runtime;

namespace Lectures.Tests.Torch.Finetuning;

/// <summary>An experiment stopped part-way and resumed writes the same records.csv, byte for byte, as one run straight through.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ResumeTests : TemporaryDirectoryTest
{
    /// <summary>100 digits, MLP 64-8-10, 30 pretraining and 20 finetuning steps, 3 methods, 2 seeds: 6 runs in a few seconds.</summary>
    static readonly FinetuningOptions Small = new()
    {
        Task = new LabelSetTaskOptions(TrainCount: 100),
        HiddenSizes = [8],
        Pretraining = new PretrainingOptions(30, 1e-2),
        Methods = new FinetuningMethodOptions
        {
            Steps = 20, SftPhaseSteps = 10, CheapSftSteps = 2,
            Chosen = ["RFT (exact gradient)", "SFT", "SFT for 10 steps, then RFT (exact gradient) for 10 steps"],
        },
        Grid = new FinetuningGridOptions
        {
            Optimizers = [new OptimizerOptions(OptimizerKind.Sgd, 0.5)],
            Relabellings = [Relabelling.RandomInputs],
            WrongRewardsOnModified = [-1.0],
            Seeds = [0, 1],
        },
        LogEvery = 5,
    };

    [Fact]
    public void AStoppedExperimentResumesToTheSameRecordsCsvByteForByte()
    {
        var straight = Path.Combine(Root, "straight");
        FinetuningExperiment.Run(Small, journal: new JournalSettings(straight)).WriteCsv(Path.Combine(straight, "final"));
        var expected = File.ReadAllBytes(Path.Combine(straight, "final", "records.csv"));
        Assert.Equal(expected, File.ReadAllBytes(Path.Combine(straight, "records.csv")));

        // Stop after 4 of the 6 runs (as Ctrl+C does), then cut a fifth run's row off mid-line (as a kill does).
        var stopped = Path.Combine(Root, "stopped");
        using var stop = new CancellationTokenSource();
        var e = Assert.Throws<ExperimentIncompleteException>(() => FinetuningExperiment.Run(Small,
            new SynchronousProgress<ExperimentProgress>(p => { if (p.Done == 4) stop.Cancel(); }), new JournalSettings(stopped, Cancellation: stop.Token)));
        Assert.Equal((4, 6), (e.Finished, e.Total));
        Assert.Contains("Stopped after 4 finished runs", e.Message);
        var records = Path.Combine(stopped, "records.csv");
        var partial = File.ReadAllText(records);
        Assert.StartsWith(partial, File.ReadAllText(Path.Combine(straight, "records.csv")));
        Assert.Equal(4, File.ReadAllLines(Path.Combine(stopped, "records.runs")).Count(l => l.StartsWith("run\t", StringComparison.Ordinal)));
        File.AppendAllText(records, "RFT,SGD lr 0.5,\"random inp");

        var resumedRuns = new List<int>();
        var resumed = FinetuningExperiment.Run(Small, new SynchronousProgress<ExperimentProgress>(p => resumedRuns.Add(p.Done)), new JournalSettings(stopped, Resume: true));
        Assert.Equal([1, 2, 3, 4, 5, 6], resumedRuns);
        resumed.WriteCsv(stopped);
        Assert.Equal(expected, File.ReadAllBytes(records));
    }

    [Fact]
    public void ResumingWithOtherSettingsIsRefusedNamingTheDifference()
    {
        var directory = Path.Combine(Root, "other");
        using var stop = new CancellationTokenSource();
        stop.Cancel();
        Assert.Throws<ExperimentIncompleteException>(() => FinetuningExperiment.Run(Small, journal: new JournalSettings(directory, Cancellation: stop.Token)));
        var e = Assert.Throws<InvalidOperationException>(() =>
            FinetuningExperiment.Run(Small with { Methods = Small.Methods with { Steps = 30, Chosen = null }, Grid = Small.Grid with { Seeds = [0] } }, journal: new JournalSettings(directory, Resume: true)));
        Assert.Contains("Seeds: [0, 1] recorded, [0] now", e.Message);
        Assert.Contains("Steps: 20 recorded, 30 now", e.Message);
        Assert.DoesNotContain("TrainCount", e.Message);
    }

    [Fact]
    public void StartingAfreshOverUnfinishedRunsIsRefused()
    {
        var directory = Path.Combine(Root, "unfinished");
        using var stop = new CancellationTokenSource();
        Assert.Throws<ExperimentIncompleteException>(() => FinetuningExperiment.Run(Small,
            new SynchronousProgress<ExperimentProgress>(_ => stop.Cancel()), new JournalSettings(directory, Cancellation: stop.Token)));
        var e = Assert.Throws<InvalidOperationException>(() => FinetuningExperiment.Run(Small, journal: new JournalSettings(directory)));
        Assert.Contains("holds 1 finished runs of an unfinished experiment", e.Message);
        Assert.Contains("--resume", e.Message);
    }
}
