using Lectures.Torch.Experiments;
using System.Diagnostics;
using Lectures.Data;
using Lectures.Finetuning;
using Lectures.Torch.Runtime;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The controlled finetuning experiments with perfect exploration: for each seed, split the data, standardise the
/// training inputs, pretrain an MLP on label sets, build the finetuning task (per relabelling rule and reward variant),
/// and finetune a copy of the pretrained model with every method and optimiser (the sweep of SFT phases only on the grid's
/// sweep optimisers and reward variants), logging reward, accuracy, gradient
/// norm and reward std per group. The runs of a task variant train in parallel (<see cref="ParallelRuns{T}"/>), with the
/// results of a sequential run.
/// </summary>
public sealed class FinetuningExperiment : IExperiment<FinetuningOptions, FinetuningResults>
{
    FinetuningExperiment() { }

    /// <inheritdoc />
    public static string Name => "finetuning";

    /// <inheritdoc />
    public static string Description => "controlled finetuning on UCI digits: RFT vs SFT vs heuristics on small- and large-std inputs (3 seeds)";

    /// <inheritdoc />
    public static string JournalFile => FinetuningResults.RunFile.FileName;

    /// <inheritdoc cref="FinetuningOptions.Reduced" />
    public static FinetuningOptions Reduced => FinetuningOptions.Reduced;

    /// <inheritdoc cref="FinetuningOptions.Standard" />
    public static FinetuningOptions Standard => FinetuningOptions.Standard;

    /// <summary>
    /// Runs the whole grid of <paramref name="options"/>, reporting each finished run (its <see cref="Describe"/> as the
    /// message) on <see cref="FinetuningOptions.Threads"/> torch threads. With a <paramref name="journal"/>,
    /// each finished run's rows are appended to records.csv in its directory as the run completes, and resuming skips the
    /// runs recorded there (with the same options); the results are the same as those of an uninterrupted run.
    /// </summary>
    public static FinetuningResults Run(FinetuningOptions options, IProgress<ExperimentProgress>? progress = null,
        JournalSettings? journal = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        var data = options.Task.Data ?? Digits.Load();
        var methods = FinetuningMethods.For(options);
        var chosen = methods.Chosen(options.Methods.Chosen);
        var total = options.Grid.Seeds.Count * options.Grid.Relabellings.Count * options.Grid.WrongRewardsOnModified.Sum(w =>
            options.Grid.Optimizers.Sum(o => methods.InCell(chosen, options.Grid, o, w).Count));
        var runs = FinetuningResults.RunFile.Open(journal, options.Settings(), total);
        TorchRuntime.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        return RunGrid(options, data, methods, progress, runs);
    }

    static FinetuningResults RunGrid(FinetuningOptions options, LabelledImages data, FinetuningMethods methods,
        IProgress<ExperimentProgress>? progress, RunJournal journal)
    {
        var clock = Stopwatch.StartNew();
        var file = FinetuningResults.RunFile;
        var chosen = methods.Chosen(options.Methods.Chosen);
        var dtype = options.SinglePrecision ? TorchSharp.torch.ScalarType.Float32 : TorchSharp.torch.ScalarType.Float64;
        var sizes = new[] { data.Dimension }.Concat(options.HiddenSizes).Append(data.ClassCount).ToArray();
        var runCount = journal.Total;
        var records = new List<FinetuningRecord>();
        var diverged = new List<RunLabel>();
        var (index, done) = (0, 0);
        foreach (var seed in options.Grid.Seeds)
        {
            var train = data.Split(options.Task.TrainCount, seed).Train.Standardized();
            var sets = LabelSets.Draw(data.ClassCount, options.Task.LabelSetSize, seed);
            var variants = options.Grid.Relabellings.SelectMany(r => options.Grid.WrongRewardsOnModified.Select(w => (Relabelling: r, Wrong: w))).ToArray();
            var objectives = new PhaseObjectives(options.Methods.ReinforceSamples, seed);
            // Pretraining is skipped when every run of the seed is recorded (a resumed experiment) or in another shard, and
            // done once per setting in a process (a notebook that runs the experiment in parts).
            var pretrained = new Lazy<Mlp>(() => PretrainedModels.CopyFor(options, sizes, dtype, seed, () =>
            {
                var model = new Mlp(sizes, seed, dtype);
                Pretraining.Run(model, train, sets, options.Pretraining.Steps, options.Pretraining.LearningRate);
                return model;
            }));
            try
            {
                foreach (var (relabelling, wrong) in variants)
                {
                    var jobs = options.Grid.Optimizers.SelectMany(o => methods.InCell(chosen, options.Grid, o, wrong).Select(m => (Optimizer: o, Method: m))).ToArray();
                    var task = new Lazy<FinetuningTask>(() => FinetuningTask.Create(train, sets, options.Task.ModifiedFraction, wrong, seed, relabelling));
                    TrainingBatch? batch = null;
                    try
                    {
                        var included = jobs.Select(_ => journal.Includes(index++)).ToArray();
                        var labels = jobs.Select(j => new RunLabel(j.Method.Name, j.Optimizer.Name, TaskName(relabelling, wrong), seed)).ToArray();
                        var pending = Enumerable.Range(0, jobs.Length).Where(k => included[k] && !journal.IsRecorded(Key(labels[k]))
                            && !journal.IsRecorded(Key(labels[k] with { Method = JournalMigrations.EarlierName(methods, jobs[k].Method) }))).ToHashSet();
                        if (pending.Count > 0) batch = new TrainingBatch(train, task.Value, dtype);
                        using var ahead = new ParallelRuns<FinetuningRun>(Enumerable.Range(0, jobs.Length).Select(k => !pending.Contains(k) ? null : (Func<FinetuningRun>)(() =>
                        {
                            using var model = pretrained.Value.Copy();
                            return FinetuningTrainer.Run(model, batch!, jobs[k].Method, objectives, jobs[k].Optimizer, labels[k], options.LogEvery, options.SmallStdThreshold);
                        })).ToArray(), options.Threads);
                        for (var k = 0; k < jobs.Length; k++)
                        {
                            if (!included[k]) continue;
                            var (method, label) = (jobs[k].Method, labels[k]);
                            var run = JournalMigrations.RecordedUnderEarlierName(file, journal, methods, method, label, Key)
                                ?? file.Run(journal, Key(label), Describe(label), () => ahead.Take(k));
                            done++;
                            if (run is null) continue;
                            records.AddRange(run.Records);
                            if (run.DivergedAtStep is not null) diverged.Add(label);
                            progress?.Report(new ExperimentProgress(done, runCount, Describe(label)));
                        }
                    }
                    finally
                    {
                        batch?.Dispose();
                    }
                }
            }
            finally
            {
                if (pretrained.IsValueCreated) pretrained.Value.Dispose();
            }
        }
        journal.Complete();
        return new FinetuningResults(records, diverged, options) { RecordedEarlier = journal.RecordedEarlier, Elapsed = clock.Elapsed };
    }

    /// <summary>The run's key in the journal: method, optimiser, task and seed.</summary>
    static string Key(RunLabel label) => $"{label.Method}|{label.Optimizer}|{label.Task}|{label.Seed}";

    /// <summary>"RFT · SGD lr 0.5 · random inputs relabelled, wrong -1 · seed 0", for messages.</summary>
    public static string Describe(RunLabel label) => $"{label.Method} · {label.Optimizer} · {label.Task} · seed {label.Seed}";

    /// <summary>The name of a task variant, e.g. "random inputs relabelled, wrong -1" or "whole classes relabelled, wrong 0.5 on relabelled".</summary>
    public static string TaskName(Relabelling relabelling, double wrongRewardOnModified) =>
        (relabelling == Relabelling.RandomInputs ? "random inputs relabelled" : "whole classes relabelled")
        + (wrongRewardOnModified == -1 ? ", wrong -1" : $", wrong {wrongRewardOnModified:G3} on relabelled");
}
