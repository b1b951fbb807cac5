using System.Text;
using Lectures.Cli.Kit;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;
using Lectures.Torch.LanguageModel;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// Part 2's experiments at their Reduced settings reproduce, byte for byte, the CSV files and journal settings written
/// before the experiment layer was refactored (Golden/finetune-*, Golden/lm-*). The Full settings' journal lines are
/// compared too, so that a run directory started by the earlier code resumes with this one.
/// </summary>
[Collection(TorchTrainingCollection.Name)]
public sealed class FinetuningGoldenTests : TemporaryDirectoryTest
{
    static readonly string Golden = Path.Combine(KitRoot.Find(AppContext.BaseDirectory), "tests", "Lectures.Tests", "Torch", "Experiments", "Golden");

    [Fact]
    public void ControlledExperimentReducedWritesTheGoldenRecords()
    {
        ControlledExperiment.Run(ControlledExperimentOptions.Reduced, journal: new JournalSettings(Root));
        AssertGolden(("finetune-records.csv", File.ReadAllText(Path.Combine(Root, "records.csv"))),
            ("finetune-records.settings", SettingLines(Path.Combine(Root, "records.runs"))));
    }

    [Fact]
    public void LanguageModelExperimentReducedWritesTheGoldenFiles()
    {
        LanguageModelExperiment.Run(LanguageModelExperimentOptions.Reduced(), journal: new JournalSettings(Root)).WriteCsv(Root);
        AssertGolden([.. new[] { "tasks.csv", "inputs.csv", "curves.csv", "outcomes.jsonl" }.Select(file => ("lm-" + file, File.ReadAllText(Path.Combine(Root, file)))),
            ("lm-outcomes.settings", SettingLines(Path.Combine(Root, "outcomes.runs")))]);
    }

    [Fact]
    public void FullSettingsDescribeThemselvesAsBefore()
    {
        AssertGolden(("finetune-full.settings", Lines(SettingsDescription.Of(ControlledExperimentOptions.Full))),
            ("lm-full.settings", Lines(new LanguageModelExperimentOptions().Settings())));
    }

    [Fact]
    public void TheStartingModelIsRecordedAsTheEarlierFlatOptions()
    {
        string Start(StartingModel start) => string.Join("; ", new LanguageModelExperimentOptions { StartingModel = start }.Settings()
            .Where(s => s.Name.StartsWith("Pretrain", StringComparison.Ordinal) || s.Name == "UseShippedModel").Select(s => $"{s.Name} = {s.Value}"));
        Assert.Equal("PretrainedModelPath = /tmp/x.lm; PretrainingBatchSize = 64; PretrainingLearningRate = 0.005; PretrainingSteps = 3000; UseShippedModel = False",
            Start(StartingModel.FromFile("/tmp/x.lm")));
        Assert.Equal("PretrainedModelPath = none; PretrainingBatchSize = 32; PretrainingLearningRate = 0.01; PretrainingSteps = 200; UseShippedModel = False",
            Start(StartingModel.Pretrain(200, 32, 0.01)));
        Assert.Equal("PretrainedModelPath = none; PretrainingBatchSize = 64; PretrainingLearningRate = 0.005; PretrainingSteps = 3000; UseShippedModel = True",
            Start(StartingModel.Shipped));
    }

    static string Lines(IEnumerable<(string Name, string Value)> settings) => string.Concat(settings.Select(s => $"setting\t{s.Name}\t{s.Value}\n"));

    /// <summary>The "setting" lines of a journal's .runs file.</summary>
    static string SettingLines(string runsPath) =>
        string.Concat(File.ReadAllLines(runsPath).Where(l => l.StartsWith("setting\t", StringComparison.Ordinal)).Select(l => l + "\n"));

    /// <summary>Asserts that every (golden file, output) pair is equal byte for byte, naming every file that differs.</summary>
    static void AssertGolden(params (string Name, string Actual)[] files)
    {
        var differences = files.Select(f => Difference(f.Name, f.Actual)).OfType<string>().ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>
    /// Null when <paramref name="actual"/> equals the golden file byte for byte; otherwise keeps the output in the
    /// temporary directory and names the first differing line.
    /// </summary>
    static string? Difference(string name, string actual)
    {
        var path = Path.Combine(Golden, name);
        var bytes = Encoding.UTF8.GetBytes(actual);
        var kept = Path.Combine(Path.GetTempPath(), "golden-actual-" + name);
        if (!File.Exists(path))
        {
            File.WriteAllBytes(kept, bytes);
            return $"The golden file {path} is missing; the output is in {kept}.";
        }
        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(bytes)) return null;
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        File.WriteAllBytes(kept, bytes);
        return $"{name} differs from the golden file at line {line + 1} ({a.Length} lines, golden {e.Length}; the output is in {kept}):\n" +
            $"  golden: {(line < e.Length ? e[line] : "(end)")}\n  actual: {(line < a.Length ? a[line] : "(end)")}";
    }
}
