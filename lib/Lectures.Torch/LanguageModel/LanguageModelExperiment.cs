using Lectures.Torch.Experiments;
using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Serialization;
using Lectures.Finetuning;
using Lectures.TextTasks;
using Lectures.Torch.Runtime;
using TorchSharp;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The talk's language-model findings at laptop scale: pretrain a character GRU on the pretraining mix of the text
/// tasks, measure every training input's reward std from sampled outputs, then finetune each task from the same
/// weights with SFT, RFT (PPO, and REINFORCE), full SFT then RFT, and SFT on a small labelled fraction then RFT.
/// </summary>
public static class LanguageModelExperiment
{
    /// <summary>Supervised finetuning on all labelled training inputs.</summary>
    public const string Sft = "SFT";

    /// <summary>RFT with PPO.</summary>
    public const string Rft = "RFT (PPO)";

    /// <summary>RFT with REINFORCE and a leave-one-out baseline.</summary>
    public const string Reinforce = "RFT (REINFORCE)";

    /// <summary>An initial SFT phase on all labelled inputs, then RFT (PPO).</summary>
    public const string SftThenRft = "SFT then RFT";

    /// <summary>A short SFT phase on a small labelled fraction, then RFT (PPO).</summary>
    public const string CheapSftThenRft = "small SFT then RFT";

    /// <summary>The file name of the pretrained model in the output directory.</summary>
    public const string PretrainedFileName = "pretrained.lm";

    /// <summary>
    /// Runs the experiment on every selected task, writes CSV files, report.html and the pretrained model into
    /// <see cref="LanguageModelExperimentOptions.OutputDirectory"/>, and returns the outcome. With a
    /// <paramref name="journal"/> (its directory should be the output directory), each finished task is appended to
    /// outcomes.jsonl there as it completes; resuming skips the recorded tasks (with the same options) and starts from
    /// the pretrained model saved there instead of pretraining again.
    /// </summary>
    public static LanguageModelExperimentResult Run(LanguageModelExperimentOptions options, IProgress<LanguageModelProgress>? progress = null,
        JournalSettings? journal = null)
    {
        options.Validated();
        var tasks = options.Tasks?.Select(TextBenchmark.Task).ToArray() ?? [.. TextBenchmark.Tasks()];
        var recorded = RunJournal.Open(journal, "outcomes.jsonl", null, SettingsDescription.Of(options, nameof(options.OutputDirectory)), tasks.Length);
        var clock = Stopwatch.StartNew();
        var saved = Path.Combine(options.OutputDirectory, PretrainedFileName);
        using var pretrained = options.UseShippedModel ? Prepare(options, CharacterLanguageModel.LoadShipped)
            : options.PretrainedModelPath is { } path ? Prepare(options, () => CharacterLanguageModel.Load(path))
            : journal is { Resume: true } && File.Exists(saved) ? Prepare(options, () => CharacterLanguageModel.Load(saved))
            : Pretrain(options, progress);
        Directory.CreateDirectory(options.OutputDirectory);
        pretrained.Save(saved);
        var outcomes = new List<TaskOutcome>();
        foreach (var (task, k) in tasks.Select((t, k) => (t, k)))
        {
            var run = recorded.Run(task.Name, $"task {task.Name}",
                () => new RecordedRun([JsonSerializer.Serialize(RunTask(pretrained, task, k, options, progress), OutcomeJson)], ""));
            if (run is not null) outcomes.Add(JsonSerializer.Deserialize<TaskOutcome>(run.Rows[0], OutcomeJson)!);
        }
        recorded.Complete();
        var result = new LanguageModelExperimentResult(options, pretrained.ParameterCount, outcomes, clock.Elapsed);
        LanguageModelReport.Write(result, options.OutputDirectory);
        return result;
    }

    /// <summary>A task's outcome as one JSON line: every number round-trips exactly (NaN included).</summary>
    static readonly JsonSerializerOptions OutcomeJson = new()
    {
        IgnoreReadOnlyProperties = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>
    /// Pretraining: next-token cross-entropy on <see cref="TextBenchmark.PretrainingMix"/> of all six tasks for
    /// <see cref="LanguageModelExperimentOptions.PretrainingSteps"/> steps (weights and mix seeded by the options' seed).
    /// </summary>
    public static CharacterLanguageModel Pretrain(LanguageModelExperimentOptions options, IProgress<LanguageModelProgress>? progress = null)
    {
        options.Validated();
        var model = Prepare(options, () => new CharacterLanguageModel(new LanguageModelShape(CharacterVocabulary.Size, HiddenSize: options.HiddenSize), options.Seed));
        var mix = TextBenchmark.PretrainingMix(TextBenchmark.Tasks(), Math.Max(1, options.PretrainingSteps) * options.PretrainingBatchSize, options.Seed);
        using var trainer = new LanguageModelTrainer(model, new TrainerOptions(options.PretrainingLearningRate, options.PretrainingBatchSize, Seed: options.Seed));
        trainer.Train(NextTokenObjective.Pretraining, mix, options.PretrainingSteps,
            progress is null ? null : new Relay<TrainingStep>(s => progress.Report(new("pretraining", "", s.Step, options.PretrainingSteps))));
        return model;
    }

    static CharacterLanguageModel Prepare(LanguageModelExperimentOptions options, Func<CharacterLanguageModel> create)
    {
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(options.Threads);
        return create();
    }

    static TaskOutcome RunTask(CharacterLanguageModel pretrained, TextTask task, int taskIndex, LanguageModelExperimentOptions options,
        IProgress<LanguageModelProgress>? progress)
    {
        var seed = options.Seed * 1009 + taskIndex * 101;
        var train = TaskExample.Of(task, task.Examples(options.TrainInputs, seed + 1));
        var test = TaskExample.Of(task, task.Examples(options.TestInputs, seed + 2, train.Select(e => e.Example)));
        var decoding = new DecodingOptions();
        using var probe = new RewardStdProbe(new RewardStdMonitor(options.StdThreshold), decoding, seed + 3, options.ProbeSamples);
        var initial = probe.Measure(pretrained, train);
        var initialTest = probe.Measure(pretrained, test).ExpectedReward.Average();
        var labelled = train.Take(Math.Max(1, (int)Math.Round(options.LabelledFraction * train.Length))).ToArray();

        var runs = new List<(string Name, Phase[] Phases)>
        {
            (Sft, [new(NextTokenObjective.Sft, train, options.FinetuningSteps)]),
            (Rft, [new(Ppo(options), train, options.FinetuningSteps)]),
        };
        if (options.IncludeReinforce)
            runs.Add((Reinforce, [new(new ReinforceObjective(options.SamplesPerInput), train, options.FinetuningSteps)]));
        if (options.IncludeSftPhaseRuns)
        {
            runs.Add((SftThenRft, [new(NextTokenObjective.Sft, train, options.InitialSftSteps), new(Ppo(options), train, options.FinetuningSteps)]));
            runs.Add((CheapSftThenRft, [new(NextTokenObjective.Sft, labelled, options.SmallSftSteps), new(Ppo(options), train, options.FinetuningSteps)]));
        }

        var outcomes = new Dictionary<string, FinetuningRun>();
        for (var r = 0; r < runs.Count; r++)
        {
            var (name, phases) = runs[r];
            outcomes[name] = Finetune(pretrained, name, phases, train, test, probe, initial, options, seed + 10 * (r + 1),
                progress is null ? null : s => progress.Report(new(task.Name, name, s, phases.Sum(p => p.Steps))));
        }
        return new TaskOutcome(task.Name, task.UnfamiliarFraction, train.Select(e => e.Example.Input).ToArray(),
            initial.ExpectedReward, initial.RewardStd, initialTest, outcomes, options.StdThreshold, options.LowReward);
    }

    sealed class Relay<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }

    sealed record Phase(TrainingObjective Objective, IReadOnlyList<TaskExample> Data, int Steps);

    static PpoObjective Ppo(LanguageModelExperimentOptions options) => new(options.SamplesPerInput, epochs: options.PpoEpochs);

    static FinetuningRun Finetune(CharacterLanguageModel pretrained, string name, Phase[] phases, TaskExample[] train, TaskExample[] test,
        RewardStdProbe probe, RewardStdReport initial, LanguageModelExperimentOptions options, int seed, Action<int>? stepDone)
    {
        using var model = pretrained.Clone();
        var curve = new List<ProbePoint> { Point(initial, 0, "pretrained", options) };
        var phaseEnds = new List<ProbePoint>();
        var step = 0;
        RewardStdReport last = initial;
        for (var p = 0; p < phases.Length; p++)
        {
            var phase = phases[p];
            using var trainer = new LanguageModelTrainer(model, new TrainerOptions(options.LearningRate, options.BatchSize, Seed: seed + p));
            for (var done = 0; done < phase.Steps;)
            {
                var chunk = Math.Min(options.ProbeEvery - step % options.ProbeEvery, phase.Steps - done);
                trainer.Train(phase.Objective, phase.Data, chunk);
                done += chunk;
                step += chunk;
                stepDone?.Invoke(step);
                if (step % options.ProbeEvery == 0 || done == phase.Steps)
                {
                    last = probe.Measure(model, train);
                    curve.Add(Point(last, step, phase.Objective.Name, options));
                }
            }
            phaseEnds.Add(curve[^1]);
        }
        var testReward = probe.Measure(model, test).ExpectedReward.Average();
        return new FinetuningRun(name, curve, last.ExpectedReward, last.RewardStd, testReward, phaseEnds);
    }

    static ProbePoint Point(RewardStdReport report, int step, string phase, LanguageModelExperimentOptions options)
    {
        var n = report.RewardStd.Length;
        var smallLow = Enumerable.Range(0, n).Count(i => report.RewardStd[i] < options.StdThreshold && report.ExpectedReward[i] < options.LowReward);
        return new ProbePoint(step, phase, report.ExpectedReward.Average(), report.RewardStd.Average(),
            report.FractionBelow(options.StdThreshold), (double)smallLow / n);
    }
}
