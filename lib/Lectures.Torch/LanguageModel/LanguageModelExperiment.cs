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
public sealed class LanguageModelExperiment : IExperiment<LanguageModelOptions, LanguageModelResults>
{
    LanguageModelExperiment() { }

    /// <inheritdoc />
    public static string Name => "language-model";

    /// <inheritdoc />
    public static string Description => "a small character language model: reward std per input, RFT vs SFT on six text tasks (findings I-III; --seed N)";

    /// <inheritdoc />
    public static string JournalFile => RunFile.FileName;

    /// <inheritdoc cref="LanguageModelOptions.Reduced" />
    public static LanguageModelOptions Reduced => LanguageModelOptions.Reduced();

    /// <inheritdoc cref="LanguageModelOptions.Standard" />
    public static LanguageModelOptions Standard => LanguageModelOptions.Standard;

    /// <summary>How the language-model experiments record a run: stored properties only, NaN and infinities as named literals.</summary>
    internal static JsonSerializerOptions Json { get; } = new()
    {
        IgnoreReadOnlyProperties = true,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    /// <summary>outcomes.jsonl: one task's outcome per line, every number round-tripping exactly (NaN included).</summary>
    internal static RunFile<LanguageModelRun> RunFile { get; } = RunFile<LanguageModelRun>.Jsonl("outcomes.jsonl", Json);

    /// <summary>The file name of the pretrained model in the journal's directory.</summary>
    public const string PretrainedFileName = "pretrained.lm";

    /// <summary>
    /// Runs the experiment on every selected task on <see cref="LanguageModelOptions.Threads"/> torch threads
    /// and returns the outcome, reporting the training steps done out of all the experiment's steps. It writes no
    /// files of its own: with a <paramref name="journal"/>, each finished task is appended to outcomes.jsonl in the
    /// journal's directory as it completes, with the pretrained model beside it (<see cref="PretrainedFileName"/>);
    /// resuming skips the recorded tasks (with the same options) and starts from that model instead of pretraining again.
    /// </summary>
    public static LanguageModelResults Run(LanguageModelOptions options, IProgress<ExperimentProgress>? progress = null,
        JournalSettings? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var tasks = options.Tasks.Names?.Select(TextBenchmark.Task).ToArray() ?? [.. TextBenchmark.Tasks()];
        var recorded = RunFile.Open(journal, options.Settings(), tasks.Length);
        TorchRuntime.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        var clock = Stopwatch.StartNew();
        var saved = recorded.Directory is { } directory ? Path.Combine(directory, PretrainedFileName) : null;
        var resumed = journal is { Resume: true } && File.Exists(saved);
        var pretraining = resumed ? null : options.StartingModel as LanguageModelPretraining;
        var steps = new StepCounter(progress, (pretraining?.Steps ?? 0) + recorded.Total * StepsPerTask(options));
        using var pretrained = options.StartingModel switch
        {
            ShippedCheckpoint => CharacterLanguageModel.LoadShipped(),
            CheckpointFile file => CharacterLanguageModel.Load(file.Path),
            _ when resumed => CharacterLanguageModel.Load(saved!),
            _ => Pretrain(options, pretraining!, steps),
        };
        if (saved is not null) pretrained.Save(saved);
        var outcomes = new List<LanguageModelRun>();
        foreach (var (task, k) in tasks.Select((t, k) => (t, k)))
        {
            if (!recorded.Includes(k)) continue;
            if (recorded.Recorded(task.Name) is not null) steps.Skip(StepsPerTask(options));
            var run = RunFile.Run(recorded, task.Name, $"task {task.Name}", () => RunTask(pretrained, task, k, options, steps));
            if (run is not null) outcomes.Add(JournalMigrations.Upgraded(run, options));
        }
        recorded.Complete();
        return new LanguageModelResults(options, pretrained.ParameterCount, outcomes, clock.Elapsed) { RecordedEarlier = recorded.RecordedEarlier };
    }

    /// <summary>
    /// Pretraining as <see cref="LanguageModelOptions.StartingModel"/> says (a <see cref="LanguageModelPretraining"/>):
    /// next-token cross-entropy on <see cref="TextBenchmark.PretrainingMix"/> of all six tasks (weights and mix seeded by
    /// the options' seed), reporting the steps done.
    /// </summary>
    public static CharacterLanguageModel Pretrain(LanguageModelOptions options, IProgress<ExperimentProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        if (options.StartingModel is not LanguageModelPretraining pretraining)
            throw new ArgumentException($"The options start from {options.StartingModel}, not from pretraining.", nameof(options));
        TorchRuntime.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        return Pretrain(options, pretraining, new StepCounter(progress, pretraining.Steps));
    }

    static CharacterLanguageModel Pretrain(LanguageModelOptions options, LanguageModelPretraining pretraining, StepCounter steps)
    {
        var model = new CharacterLanguageModel(new LanguageModelShape(CharacterVocabulary.Size, HiddenSize: options.HiddenSize), options.Seed);
        var mix = TextBenchmark.PretrainingMix(TextBenchmark.Tasks(), Math.Max(1, pretraining.Steps) * pretraining.BatchSize, options.Seed);
        using var trainer = new LanguageModelTrainer(model, new LanguageModelTrainerOptions(pretraining.LearningRate, pretraining.BatchSize, Seed: options.Seed));
        for (var done = 0; done < pretraining.Steps;)
        {
            var chunk = Math.Min(PretrainingReportEvery, pretraining.Steps - done);
            trainer.Train(NextTokenObjective.Pretraining, mix, chunk);
            done += chunk;
            steps.Report(chunk, $"pretraining · step {done}/{pretraining.Steps}");
        }
        return model;
    }

    /// <summary>Pretraining reports its progress every this many steps (the trainer continues one run across the calls).</summary>
    const int PretrainingReportEvery = 10;

    /// <summary>Training steps of one task: the steps of every run.</summary>
    static int StepsPerTask(LanguageModelOptions options) => LanguageModelMethods.For(options).Runs(options).Sum(m => m.TotalSteps);

    /// <summary>
    /// A method phase as the trainer runs it: SFT is next-token cross-entropy on the references of the training inputs
    /// (of the first round(fraction * n) of them for a fraction), RFT is PPO or REINFORCE on the training inputs.
    /// </summary>
    static Phase Trained(MethodPhase phase, TaskExample[] train, LanguageModelOptions options) => phase switch
    {
        { Objective: FinetuningObjective.Sft } => new(NextTokenObjective.Sft,
            phase.Fraction == 1 ? train : train.Take(Math.Max(1, (int)Math.Round(phase.Fraction * train.Length))).ToArray(), phase.Steps),
        { Estimator: RewardGradient.Ppo } => new(Ppo(options), train, phase.Steps),
        { Estimator: RewardGradient.Reinforce } => new(PolicyGradientObjective.Reinforce(options.Finetuning.SamplesPerInput), train, phase.Steps),
        _ => throw new ArgumentException($"Phase '{phase.Name(withSteps: false)}' needs every output enumerated, which a language model cannot do.", nameof(phase)),
    };

    /// <summary>Counts the experiment's training steps and reports each with its message.</summary>
    sealed class StepCounter(IProgress<ExperimentProgress>? progress, int total)
    {
        int done;

        /// <summary>Counts <paramref name="steps"/> steps done and reports them.</summary>
        public void Report(int steps, string message)
        {
            done += steps;
            progress?.Report(new ExperimentProgress(done, total, message));
        }

        /// <summary>Counts <paramref name="steps"/> steps recorded by an earlier start, without a report.</summary>
        public void Skip(int steps) => done += steps;
    }

    static LanguageModelRun RunTask(CharacterLanguageModel pretrained, TextTask task, int taskIndex, LanguageModelOptions options,
        StepCounter steps)
    {
        var seed = options.Seed * 1009 + taskIndex * 101;
        var train = TaskExample.Of(task, task.Examples(options.Tasks.TrainInputs, seed + 1));
        var test = TaskExample.Of(task, task.Examples(options.Tasks.TestInputs, seed + 2, train.Select(e => e.Example)));
        var decoding = new DecodingOptions();
        using var probe = new RewardStdProbe(new RewardStdMonitor(options.Probe.StdThreshold), decoding, seed + 3, options.Probe.Samples);
        var initial = probe.Measure(pretrained, train);
        var initialTest = probe.Measure(pretrained, test).ExpectedReward.Average();
        var methods = LanguageModelMethods.For(options);
        var runs = methods.Runs(options);
        var outcomes = new Dictionary<string, MethodRun>();
        for (var r = 0; r < runs.Count; r++)
        {
            var method = runs[r];
            var phases = method.Phases.Select(p => Trained(p, train, options)).ToArray();
            outcomes[method.Name] = Finetune(pretrained, method.Name, phases, train, test, probe, initial, options, seed + 10 * (r + 1),
                (chunk, step) => steps.Report(chunk, $"{task.Name} · {method.Name} · step {step}/{method.TotalSteps}"));
        }
        return new LanguageModelRun(task.Name, task.UnfamiliarFraction, train.Select(e => e.Example.Input).ToArray(),
            initial.ExpectedReward, initial.RewardStd, initialTest, outcomes, options.Probe.StdThreshold, options.Probe.LowReward, methods.Names);
    }

    sealed record Phase(TrainingObjective Objective, IReadOnlyList<TaskExample> Data, int Steps);

    static PolicyGradientObjective Ppo(LanguageModelOptions options) => PolicyGradientObjective.Ppo(options.Finetuning.SamplesPerInput, epochs: options.Finetuning.PpoEpochs);

    static MethodRun Finetune(CharacterLanguageModel pretrained, string name, Phase[] phases, TaskExample[] train, TaskExample[] test,
        RewardStdProbe probe, RewardStdReport initial, LanguageModelOptions options, int seed, Action<int, int> stepsDone)
    {
        using var model = pretrained.Clone();
        var curve = new List<ProbePoint> { Point(initial, 0, "pretrained", options) };
        var phaseEnds = new List<ProbePoint>();
        var step = 0;
        RewardStdReport last = initial;
        for (var p = 0; p < phases.Length; p++)
        {
            var phase = phases[p];
            using var trainer = new LanguageModelTrainer(model, new LanguageModelTrainerOptions(options.Finetuning.LearningRate, options.Finetuning.BatchSize, Seed: seed + p));
            for (var done = 0; done < phase.Steps;)
            {
                var chunk = Math.Min(options.Probe.Every - step % options.Probe.Every, phase.Steps - done);
                trainer.Train(phase.Objective, phase.Data, chunk);
                done += chunk;
                step += chunk;
                stepsDone(chunk, step);
                if (step % options.Probe.Every == 0 || done == phase.Steps)
                {
                    last = probe.Measure(model, train);
                    curve.Add(Point(last, step, phase.Objective.Name, options));
                }
            }
            phaseEnds.Add(curve[^1]);
        }
        var testReward = probe.Measure(model, test).ExpectedReward.Average();
        return new MethodRun(name, curve, last.ExpectedReward, last.RewardStd, testReward, phaseEnds);
    }

    static ProbePoint Point(RewardStdReport report, int step, string phase, LanguageModelOptions options)
    {
        var n = report.RewardStd.Length;
        var smallLow = Enumerable.Range(0, n).Count(i => report.RewardStd[i] < options.Probe.StdThreshold && report.ExpectedReward[i] < options.Probe.LowReward);
        return new ProbePoint(step, phase, report.ExpectedReward.Average(), report.RewardStd.Average(),
            report.FractionBelow(options.Probe.StdThreshold), (double)smallLow / n);
    }
}
