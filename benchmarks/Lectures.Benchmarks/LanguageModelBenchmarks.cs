using System.Diagnostics;
using System.Globalization;
using Lectures.Finetuning;
using Lectures.TextTasks;
using Lectures.Torch.Experiments;
using Lectures.Torch.LanguageModel;

namespace Lectures.Benchmarks;

/// <summary>Timings of the language model: a reward-std probe, one PPO step, and the reduced lecture run from the shipped checkpoint.</summary>
public sealed class LanguageModelBenchmark : Benchmark
{
    /// <inheritdoc/>
    public override string Name => "lm";

    /// <inheritdoc/>
    public override void Run()
    {
        var options = new LanguageModelOptions();
        using var model = CharacterLanguageModel.LoadShipped();
        TorchSharp.torch.set_num_threads(options.Threads);
        var task = new TranslationTask();
        var inputs = TaskExample.Of(task, task.Examples(options.Tasks.TrainInputs, seed: 1));
        using var probe = new RewardStdProbe(new RewardStdMonitor(options.Probe.StdThreshold), new DecodingOptions(), seed: 1);
        Report($"reward-std probe, {inputs.Length} inputs x 10 samples", Seconds(MedianSeconds(() => probe.Measure(model, inputs))));
        using var trainer = new LanguageModelTrainer(model.Clone(), new LanguageModelTrainerOptions(options.Finetuning.LearningRate, options.Finetuning.BatchSize));
        var ppo = PolicyGradientObjective.Ppo(options.Finetuning.SamplesPerInput, epochs: options.Finetuning.PpoEpochs);
        Report($"PPO step, {options.Finetuning.BatchSize} inputs x {options.Finetuning.SamplesPerInput} samples, {options.Finetuning.PpoEpochs} epochs",
            Seconds(MedianSeconds(() => trainer.Train(ppo, inputs, 1))));
        var reduced = LanguageModelOptions.Reduced();
        var clock = Stopwatch.StartNew();
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var result = LanguageModelExperiment.Run(reduced);
        Report("reduced lecture run (one task, shipped checkpoint)",
            $"{Seconds(clock.Elapsed.TotalSeconds)} wall, {Seconds((Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds)} CPU");
        var t = result.Tasks[0];
        Report($"  {t.Task}: small std / RFT gain over SFT gain", $"{t.FractionSmallStd:F2} / {t.RftGainRelativeToSft:F2}");
    }

    static string Seconds(double s) => s.ToString("F3", CultureInfo.InvariantCulture) + " s";
}

/// <summary>The full language-model experiment (all tasks, pretraining included): prints the findings and writes
/// out/experiments/lm (CSV, report.html, pretrained.lm, the source of datasets/lm-pretrained.lm).</summary>
public sealed class LanguageModelExperimentBenchmark : Benchmark
{
    /// <inheritdoc/>
    public override string Name => "lm-experiment";

    /// <inheritdoc/>
    public override void Run()
    {
        var lastReport = Stopwatch.StartNew();
        var progress = new Progress<ExperimentProgress>(p =>
        {
            if (lastReport.Elapsed.TotalSeconds < 30 && p.Done != p.Total) return;
            lastReport.Restart();
            Console.WriteLine($"  {p}");
        });
        var directory = Path.Combine("out", "experiments", "lm");
        var result = LanguageModelExperiment.Run(new LanguageModelOptions(), progress, new JournalSettings(directory));
        ExperimentReport.Write(result, directory);
        foreach (var t in result.Tasks)
        {
            var runs = string.Join(" ", t.Runs.Values.Select(r => FormattableString.Invariant($"[{r.Name}] {r.TestReward:F3}")));
            Report(t.Task, FormattableString.Invariant(
                $"small std {t.FractionSmallStd:F2}, small std & low V {t.FractionSmallStdLowReward:F2}, after SFT phase {t.FractionSmallStdAfterSftPhase:F2} (low V {t.FractionSmallStdLowRewardAfterSftPhase:F2}), test reward pretrained {t.InitialTestReward:F3} {runs}, RFT/SFT gain {t.RftGainRelativeToSft:F2}, small-SFT recovery of gain {t.CheapSftRecovery:F2}, of benefit over RFT {t.CheapSftBenefitRecovery:F2}"));
        }
        foreach (var run in new[] { result.Tasks[0].RunNames.Rft, result.Tasks[0].RunNames.Sft })
            Report($"improvement by initial std, {run}", string.Join("  ", result.ImprovementByInitialStd(run).Select(b =>
                string.Create(CultureInfo.InvariantCulture, $"[{b.Lower:F2},{b.Upper:F2}) n={b.Count} {b.Mean:F3}"))));
        Report("Spearman(small std, RFT/SFT gain)", string.Create(CultureInfo.InvariantCulture,
            $"{result.SpearmanSmallStdVersusRelativeGain:F2} (small std & low V: {result.SpearmanSmallStdLowRewardVersusRelativeGain:F2})"));
        Report("elapsed", Seconds(result.Elapsed.TotalSeconds));
    }

    static string Seconds(double s) => s.ToString("F0", CultureInfo.InvariantCulture) + " s";
}
