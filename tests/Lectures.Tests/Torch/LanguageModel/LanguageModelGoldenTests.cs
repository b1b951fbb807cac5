using Lectures.Tests.Torch.Experiments;
using Lectures.Torch.Experiments;
using Lectures.Torch.LanguageModel;

namespace Lectures.Tests.Torch.LanguageModel;

/// <summary>
/// The Reduced language-model experiment reproduces, byte for byte, its CSV files, outcomes.jsonl and the journal's
/// settings written before the experiment layer was refactored (Golden/lm-*); the Standard settings' journal lines are
/// compared too, and an outcome recorded under the earlier run names (Golden/earlier-lm-outcomes.jsonl) resumes to
/// today's files.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class LanguageModelGoldenTests : TemporaryDirectoryTest
{
    static readonly ExperimentCase Case = ExperimentCase.All[LanguageModelExperiment.Name];
    static readonly string[] Files = ["tasks.csv", "inputs.csv", "curves.csv"];

    [Fact]
    public void ReducedWritesTheGoldenFiles()
    {
        var (journal, results) = Case.Reduced();
        results.WriteCsv(Root);
        GoldenFiles.AssertEqual([.. Files.Select(file => ("lm-" + file, File.ReadAllText(Path.Combine(Root, file)))),
            ("lm-outcomes.jsonl", File.ReadAllText(Path.Combine(journal, "outcomes.jsonl"))),
            ("lm-outcomes.settings", GoldenFiles.SettingLines(Path.Combine(journal, "outcomes.runs")))]);
    }

    [Fact]
    public void AnOutcomeOfTheEarlierRunNamesResumesToTodaysFiles()
    {
        var folder = Path.Combine(Root, "earlier");
        Directory.CreateDirectory(folder);
        File.Copy(Path.Combine(GoldenFiles.Directory, "earlier-lm-outcomes.jsonl"), Path.Combine(folder, "outcomes.jsonl"));
        File.WriteAllText(Path.Combine(folder, "outcomes.runs"),
            File.ReadAllText(Path.Combine(GoldenFiles.Directory, "lm-outcomes.settings")) + "run\ttranslate\t1\t\n");
        var resumed = LanguageModelExperiment.Run(LanguageModelExperiment.Reduced, journal: new JournalSettings(folder, Resume: true));
        Assert.Equal((1, 1), (resumed.Tally.Runs, resumed.Tally.RecordedEarlier));
        resumed.WriteCsv(folder);
        GoldenFiles.AssertFiles(folder, "lm-", Files);
    }

    [Fact]
    public void StandardSettingsDescribeThemselvesAsBefore() =>
        GoldenFiles.AssertEqual(("lm-full.settings", GoldenFiles.Lines(LanguageModelExperiment.Standard.Settings())));

    [Fact]
    public void TheStartingModelIsRecordedAsTheEarlierFlatOptions()
    {
        string Start(StartingModel start) => string.Join("; ", new LanguageModelOptions { StartingModel = start }.Settings()
            .Where(s => s.Name.StartsWith("Pretrain", StringComparison.Ordinal) || s.Name == "UseShippedModel").Select(s => $"{s.Name} = {s.Value}"));
        Assert.Equal("PretrainedModelPath = /tmp/x.lm; PretrainingBatchSize = 64; PretrainingLearningRate = 0.005; PretrainingSteps = 3000; UseShippedModel = False",
            Start(StartingModel.FromFile("/tmp/x.lm")));
        Assert.Equal("PretrainedModelPath = none; PretrainingBatchSize = 32; PretrainingLearningRate = 0.01; PretrainingSteps = 200; UseShippedModel = False",
            Start(StartingModel.Pretrain(200, 32, 0.01)));
        Assert.Equal("PretrainedModelPath = none; PretrainingBatchSize = 64; PretrainingLearningRate = 0.005; PretrainingSteps = 3000; UseShippedModel = True",
            Start(StartingModel.Shipped));
    }
}
