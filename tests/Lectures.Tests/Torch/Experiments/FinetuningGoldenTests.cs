using System.Text;
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

    /// <summary>
    /// A run folder recorded before method names were built from the phases (Golden/earlier-*: "SFT then RFT",
    /// "1% SFT then RFT", "RFT, lr x10", "small SFT then RFT") resumes without running anything again and gives
    /// today's files, whose only change is the names.
    /// </summary>
    [Fact]
    public void RunFoldersOfTheEarlierMethodNamesResumeToTodaysFiles()
    {
        var controlled = Path.Combine(Root, "controlled");
        Directory.CreateDirectory(controlled);
        var rows = File.ReadAllLines(Path.Combine(Golden, "earlier-finetune-records.csv"));
        File.WriteAllText(Path.Combine(controlled, "records.csv"), string.Concat(rows.Select(r => r + "\n")));
        // One run line per (method, optimizer, task, seed), with its row count, in the order recorded.
        var runs = rows.Skip(1).Select(r => Csv.Split(r, 14)).GroupBy(f => $"{f[0]}|{f[1]}|{f[2]}|{f[3]}")
            .Select(g => $"run\t{g.Key}\t{g.Count()}\t\n");
        File.WriteAllText(Path.Combine(controlled, "records.runs"), File.ReadAllText(Path.Combine(Golden, "finetune-records.settings")) + string.Concat(runs));
        var resumed = ControlledExperiment.Run(ControlledExperimentOptions.Reduced, journal: new JournalSettings(controlled, Resume: true));
        resumed.WriteCsv(Path.Combine(controlled, "final"));
        var lm = Path.Combine(Root, "lm");
        Directory.CreateDirectory(lm);
        File.Copy(Path.Combine(Golden, "earlier-lm-outcomes.jsonl"), Path.Combine(lm, "outcomes.jsonl"));
        File.WriteAllText(Path.Combine(lm, "outcomes.runs"), File.ReadAllText(Path.Combine(Golden, "lm-outcomes.settings")) + "run\ttranslate\t1\t\n");
        LanguageModelExperiment.Run(LanguageModelExperimentOptions.Reduced(), journal: new JournalSettings(lm, Resume: true)).WriteCsv(lm);
        AssertGolden([("finetune-records.csv", File.ReadAllText(Path.Combine(controlled, "final", "records.csv"))),
            .. new[] { "tasks.csv", "inputs.csv", "curves.csv" }.Select(file => ("lm-" + file, File.ReadAllText(Path.Combine(lm, file))))]);
    }

    [Fact]
    public void FullSettingsDescribeThemselvesAsBefore()
    {
        AssertGolden(("finetune-full.settings", Lines(ControlledExperimentOptions.Full.Settings())),
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
