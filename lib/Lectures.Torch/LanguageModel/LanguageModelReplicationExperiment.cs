using System.Diagnostics;
using Lectures.Finetuning;
using Lectures.TextTasks;
using Lectures.Torch.Experiments;
using Lectures.Torch.Runtime;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The replication of the paper's "a few SFT steps on as few as 1% of the input samples suffice" (GRUE; apple/ml-rlgrad's
/// datapool.frac_train_samples and alg.training_args.max_steps) in the character language model: per task and seed, SFT on
/// every training input until its training loss stops improving (<see cref="SftPlateau"/>, N_full steps), then RFT (PPO);
/// RFT alone; and SFT at the same learning rate on a uniformly random 1% of the training inputs for ceil(f * N_full)
/// steps, f in 5%, 10%, 20%, 40%, then RFT. Each is scored by its mean test reward V.
/// </summary>
public sealed class LanguageModelReplicationExperiment : IExperiment<LanguageModelReplicationOptions, LanguageModelReplicationResults>
{
    LanguageModelReplicationExperiment() { }

    /// <inheritdoc />
    public static string Name => "language-model-replication";

    /// <inheritdoc />
    public static string Description => "the paper's cheap SFT phase (1% of 2,000 inputs, 5-40% of the full phase's steps) then RFT, on increment and translate, 3 seeds";

    /// <inheritdoc />
    public static string JournalFile => RunFile.FileName;

    /// <inheritdoc cref="LanguageModelReplicationOptions.Reduced" />
    public static LanguageModelReplicationOptions Reduced => LanguageModelReplicationOptions.Reduced();

    /// <inheritdoc cref="LanguageModelReplicationOptions.Standard" />
    public static LanguageModelReplicationOptions Standard => LanguageModelReplicationOptions.Standard;

    /// <summary>replication.jsonl: one (task, seed) per line, every number round-tripping exactly.</summary>
    internal static RunFile<LanguageModelReplicationRun> RunFile { get; } =
        RunFile<LanguageModelReplicationRun>.Jsonl("replication.jsonl", LanguageModelExperiment.Json);

    /// <summary>
    /// Runs every (task, seed) of the grid (tasks outer, seeds inner; of journal.Shard's share) on
    /// <see cref="LanguageModelReplicationOptions.Threads"/> torch threads, reporting each finished phase. With a
    /// <paramref name="journal"/>, each finished (task, seed) is appended to replication.jsonl; resuming skips the recorded ones.
    /// </summary>
    public static LanguageModelReplicationResults Run(LanguageModelReplicationOptions options, IProgress<ExperimentProgress>? progress = null,
        JournalSettings? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var tasks = options.Tasks.Names!.Select(TextBenchmark.Task).ToArray();
        var grid = tasks.SelectMany((task, k) => options.Seeds.Select(seed => (Task: task, TaskIndex: k, Seed: seed))).ToArray();
        var recorded = RunFile.Open(journal, options.Settings(), grid.Length);
        TorchRuntime.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        var clock = Stopwatch.StartNew();
        using var pretrained = options.StartingModel switch
        {
            ShippedCheckpoint => CharacterLanguageModel.LoadShipped(),
            CheckpointFile file => CharacterLanguageModel.Load(file.Path),
            _ => LanguageModelExperiment.Pretrain(new LanguageModelOptions { StartingModel = options.StartingModel, Threads = options.Threads }),
        };
        var runs = new List<LanguageModelReplicationRun>();
        var phasesPerRun = 2 + options.CheapStepFractions.Count;
        for (var g = 0; g < grid.Length; g++)
        {
            if (!recorded.Includes(g)) continue;
            var (task, k, seed) = grid[g];
            var phase = 0;
            var run = RunFile.Run(recorded, $"{task.Name}/{seed}", $"task {task.Name}, seed {seed}", () => RunOne(pretrained, task, k, seed, options,
                what => progress?.Report(new ExperimentProgress(g * phasesPerRun + ++phase, grid.Length * phasesPerRun, $"{task.Name} · seed {seed} · {what}"))));
            if (run is not null) runs.Add(run);
        }
        recorded.Complete();
        return new LanguageModelReplicationResults(options, runs, clock.Elapsed) { RecordedEarlier = recorded.RecordedEarlier };
    }

    /// <summary>
    /// The training inputs of the cheap SFT phase: <paramref name="count"/> of the n <paramref name="train"/> inputs drawn
    /// uniformly without replacement: the first <paramref name="count"/> of a random permutation of them
    /// (new Random(<paramref name="seed"/>).Shuffle, the kit's seeded split), in that order.
    /// </summary>
    public static TaskExample[] CheapSample(IReadOnlyList<TaskExample> train, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(train);
        if (count < 1 || count > train.Count)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The cheap sample needs 1..{train.Count} inputs (the training inputs); got {count}.");
        var order = Enumerable.Range(0, train.Count).ToArray();
        new Random(seed).Shuffle(order);
        return [.. order[..count].Select(i => train[i])];
    }

    /// <summary>
    /// <paramref name="count"/> training inputs drawn independently from the task's input distribution with
    /// new Random(<paramref name="seed"/>), repeats allowed (increment has 999 possible inputs and translate 1,110, so 2,000
    /// distinct ones do not exist), each with its reference f(x).
    /// </summary>
    public static TaskExample[] TrainingInputs(TextTask task, int count, int seed)
    {
        ArgumentNullException.ThrowIfNull(task);
        var random = new Random(seed);
        return [.. Enumerable.Range(0, count).Select(_ => task.RandomInput(random)).Select(x => new TaskExample(task, new TextExample(x, task.Reference(x))))];
    }

    static LanguageModelReplicationRun RunOne(CharacterLanguageModel pretrained, TextTask task, int taskIndex, int seed,
        LanguageModelReplicationOptions options, Action<string> phaseDone)
    {
        var baseSeed = seed * 1009 + taskIndex * 101;
        var train = TrainingInputs(task, options.Tasks.TrainInputs, baseSeed + 1);
        var test = TaskExample.Of(task, task.Examples(options.Tasks.TestInputs, baseSeed + 2, train.Select(e => e.Example)));
        var cheap = CheapSample(train, options.CheapInputs, baseSeed + 4);
        var f = options.Finetuning;
        // Every model is scored with the same sampling seed, and every RFT phase draws its batches with the same seed, so
        // the differences between methods carry less sampling noise.
        double TestReward(CharacterLanguageModel model)
        {
            using var probe = new RewardStdProbe(new RewardStdMonitor(), new DecodingOptions(), baseSeed + 3, options.TestSamples);
            return probe.Measure(model, test).ExpectedReward.Average();
        }
        LanguageModelTrainer Trainer(CharacterLanguageModel model, int trainerSeed) =>
            new(model, new LanguageModelTrainerOptions(f.LearningRate, f.BatchSize, Seed: trainerSeed));
        var ppo = PolicyGradientObjective.Ppo(f.SamplesPerInput, epochs: f.PpoEpochs);
        double RftFrom(CharacterLanguageModel start, int trainerSeed)
        {
            using var model = start.Clone();
            using var trainer = Trainer(model, trainerSeed);
            trainer.Train(ppo, train, f.Steps);
            return TestReward(model);
        }

        var pretrainedReward = TestReward(pretrained);
        var rft = RftFrom(pretrained, baseSeed + 20);
        phaseDone("RFT");

        using var full = pretrained.Clone();
        var curve = new List<SftLossPoint>();
        using (var trainer = Trainer(full, baseSeed + 10))
        {
            var plateau = new SftPlateau(options.FullSft);
            double loss;
            do
            {
                trainer.Train(NextTokenObjective.Sft, train, options.FullSft.Every);
                loss = NextTokenObjective.Sft.DatasetLoss(full, train);
                curve.Add(new SftLossPoint(trainer.StepsTaken, loss));
            }
            while (!plateau.Stops(trainer.StepsTaken, loss));
        }
        var fullSteps = curve[^1].Step;
        var fullThenRft = RftFrom(full, baseSeed + 20);
        phaseDone($"full SFT ({fullSteps} steps) then RFT");

        var cheapSteps = options.CheapSteps(fullSteps);
        var cheapRewards = new double[cheapSteps.Length];
        for (var c = 0; c < cheapSteps.Length; c++)
        {
            using var model = pretrained.Clone();
            using (var trainer = Trainer(model, baseSeed + 30 + c)) trainer.Train(NextTokenObjective.Sft, cheap, cheapSteps[c]);
            cheapRewards[c] = RftFrom(model, baseSeed + 20);
            phaseDone($"cheap SFT ({cheapSteps[c]} steps) then RFT");
        }
        return new LanguageModelReplicationRun(task.Name, seed, fullSteps, curve, [.. cheap.Select(e => e.Example.Input)], cheapSteps,
            pretrainedReward, rft, fullThenRft, cheapRewards);
    }
}
