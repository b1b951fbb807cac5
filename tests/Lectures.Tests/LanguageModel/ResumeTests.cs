using Lectures.Torch.Experiments;
using Lectures.Torch.LanguageModel;
using Lectures.Tests.Torch;
using Lectures.Torch.Runtime;

namespace Lectures.Tests.LanguageModel;

/// <summary>The language-model experiment stopped after its first task and resumed writes the same CSV files, byte for byte.</summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class ResumeTests : TemporaryDirectoryTest
{
    LanguageModelExperimentOptions Tiny(string directory) => LanguageModelExperimentOptions.Reduced() with
    {
        Tasks = ["translate", "reverse"], TrainInputs = 4, TestInputs = 2, FinetuningSteps = 2, BatchSize = 2, SamplesPerInput = 2,
        ProbeSamples = 2, ProbeEvery = 1, InitialSftSteps = 1, SmallSftSteps = 1, OutputDirectory = Path.Combine(Root, directory),
    };

    [Fact]
    public void AStoppedLanguageModelExperimentResumesToTheSameCsvFiles()
    {
        var straight = Tiny("straight");
        LanguageModelExperiment.Run(straight, journal: new JournalSettings(straight.OutputDirectory));

        var stopped = Tiny("stopped");
        using var stop = new CancellationTokenSource();
        var e = Assert.Throws<ExperimentIncompleteException>(() => LanguageModelExperiment.Run(stopped,
            new SynchronousProgress<LanguageModelProgress>(_ => stop.Cancel()), new JournalSettings(stopped.OutputDirectory, Cancellation: stop.Token)));
        Assert.Equal((1, 2), (e.Finished, e.Total));
        Assert.Single(File.ReadAllLines(Path.Combine(stopped.OutputDirectory, "outcomes.jsonl")));
        var tasks = new HashSet<string>();
        var result = LanguageModelExperiment.Run(stopped, new SynchronousProgress<LanguageModelProgress>(p => tasks.Add(p.Task)), new JournalSettings(stopped.OutputDirectory, Resume: true));
        Assert.Equal(["reverse"], tasks);
        Assert.Equal(["translate", "reverse"], result.Tasks.Select(t => t.Task));
        foreach (var file in new[] { "tasks.csv", "inputs.csv", "curves.csv", "outcomes.jsonl" })
            Assert.Equal(File.ReadAllBytes(Path.Combine(straight.OutputDirectory, file)), File.ReadAllBytes(Path.Combine(stopped.OutputDirectory, file)));
    }
}
