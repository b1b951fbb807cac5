using Lectures.Torch.Experiments;
using Lectures.Torch.LanguageModel;
using Lectures.Tests.Torch;
using Lectures.Torch.Runtime;

namespace Lectures.Tests.Torch.LanguageModel;

/// <summary>The language-model experiment stopped after its first task and resumed writes the same CSV files, byte for byte.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ResumeTests : TemporaryDirectoryTest
{
    static readonly LanguageModelOptions Tiny = LanguageModelOptions.Reduced() with
    {
        Tasks = new TextTaskOptions(["translate", "reverse"], TrainInputs: 4, TestInputs: 2),
        Finetuning = new LanguageModelFinetuningOptions(Steps: 2, BatchSize: 2, SamplesPerInput: 2),
        Probe = new RewardStdProbeOptions(Every: 1, Samples: 2),
        Methods = new LanguageModelMethodOptions(IncludeReinforce: false, InitialSftSteps: 1, CheapSftSteps: 1),
    };

    [Fact]
    public void AStoppedLanguageModelExperimentResumesToTheSameCsvFiles()
    {
        var straight = Path.Combine(Root, "straight");
        LanguageModelExperiment.Run(Tiny, journal: new JournalSettings(straight)).WriteCsv(straight);

        var stopped = Path.Combine(Root, "stopped");
        using var stop = new CancellationTokenSource();
        var e = Assert.Throws<ExperimentIncompleteException>(() => LanguageModelExperiment.Run(Tiny,
            new SynchronousProgress<ExperimentProgress>(_ => stop.Cancel()), new JournalSettings(stopped, Cancellation: stop.Token)));
        Assert.Equal((1, 2), (e.Finished, e.Total));
        Assert.Single(File.ReadAllLines(Path.Combine(stopped, "outcomes.jsonl")));
        // Each task has 4 runs of 2, 2, 1 + 2 and 1 + 2 steps: 10 steps; the resumed start counts the first task's as done.
        var reports = new List<ExperimentProgress>();
        var result = LanguageModelExperiment.Run(Tiny, new SynchronousProgress<ExperimentProgress>(reports.Add), new JournalSettings(stopped, Resume: true));
        Assert.Equal(["reverse"], reports.Select(p => p.Message.Split(" · ")[0]).Distinct());
        Assert.Equal((11, 20), (reports[0].Done, reports[0].Total));
        Assert.Equal((20, 20), (reports[^1].Done, reports[^1].Total));
        Assert.Equal(["translate", "reverse"], result.Tasks.Select(t => t.Task));
        result.WriteCsv(stopped);
        foreach (var file in new[] { "tasks.csv", "inputs.csv", "curves.csv", "outcomes.jsonl" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight, file)), File.ReadAllBytes(Path.Combine(stopped, file)));
    }
}
