using Lectures.Data;
using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>Progress of a controlled experiment: run <see cref="Run"/> of <see cref="RunCount"/> has just finished.</summary>
public sealed record ControlledExperimentProgress(int Run, int RunCount, RunLabel Label);

/// <summary>
/// The controlled finetuning experiments with perfect exploration: for each seed, split the data, standardise the
/// training inputs, pretrain an MLP on label sets, build the finetuning task (per relabelling rule and reward variant),
/// and finetune a copy of the pretrained model with every method and optimiser, logging reward, accuracy, gradient
/// norm and reward std per group.
/// </summary>
public static class ControlledExperiment
{
    /// <summary>Runs the whole grid of <paramref name="options"/>, reporting each finished run.</summary>
    public static ControlledExperimentResults Run(ControlledExperimentOptions options, IProgress<ControlledExperimentProgress>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        Validate(options);
        if (options.Threads < 1)
            throw new ArgumentException($"Threads {options.Threads} is invalid: expected at least 1.", nameof(options));
        Runtime.TorchRuntime.EnsureLoaded();
        var threads = TorchSharp.torch.get_num_threads();
        TorchSharp.torch.set_num_threads(options.Threads);
        try
        {
            return RunGrid(options, progress);
        }
        finally
        {
            TorchSharp.torch.set_num_threads(threads);
        }
    }

    static ControlledExperimentResults RunGrid(ControlledExperimentOptions options, IProgress<ControlledExperimentProgress>? progress)
    {
        var data = options.Data ?? Digits.Load();
        if (options.TrainCount >= data.Count)
            throw new ArgumentException($"TrainCount {options.TrainCount} is too large: the data has {data.Count} inputs and the test set needs at least one.", nameof(options));
        var dtype = options.SinglePrecision ? TorchSharp.torch.ScalarType.Float32 : TorchSharp.torch.ScalarType.Float64;
        var sizes = new[] { data.Dimension }.Concat(options.HiddenSizes).Append(data.ClassCount).ToArray();
        var methodCount = ControlledMethods.All(options, 0).Count;
        var runCount = options.Seeds.Count * options.Relabellings.Count * options.WrongRewardsOnModified.Count * options.Optimizers.Count * methodCount;
        var records = new List<ControlledExperimentRecord>();
        var diverged = new List<RunLabel>();
        var done = 0;
        foreach (var seed in options.Seeds)
        {
            var train = data.Split(options.TrainCount, seed).Train.Standardized();
            var sets = LabelSets.Draw(data.ClassCount, options.LabelSetSize, seed);
            using var pretrained = new Mlp(sizes, seed, dtype);
            Pretraining.Run(pretrained, train, sets, options.PretrainSteps, options.PretrainLearningRate);
            foreach (var (relabelling, wrong) in options.Relabellings.SelectMany(r => options.WrongRewardsOnModified.Select(w => (r, w))))
            {
                var task = FinetuningTask.Create(train, sets, options.ModifiedFraction, wrong, seed, relabelling);
                using var batch = new TrainingBatch(train, task, dtype);
                var jobs = options.Optimizers.SelectMany(o => ControlledMethods.All(options, seed).Select(m => (Optimizer: o, Method: m))).ToArray();
                var labels = jobs.Select(job => new RunLabel(job.Method.Name, job.Optimizer.Name, TaskName(relabelling, wrong), seed)).ToArray();
                var runs = new FinetuningRun[jobs.Length];
                for (var j = 0; j < jobs.Length; j++)
                {
                    using var model = pretrained.Copy();
                    runs[j] = FinetuningTrainer.Run(model, batch, jobs[j].Method, jobs[j].Optimizer, labels[j], options.LogEvery, options.SmallStdThreshold);
                    progress?.Report(new ControlledExperimentProgress(++done, runCount, labels[j]));
                }
                records.AddRange(runs.SelectMany(r => r.Records));
                diverged.AddRange(labels.Where((_, j) => runs[j].DivergedAtStep is not null));
            }
        }
        return new ControlledExperimentResults(records, diverged, options);
    }

    /// <summary>The name of a task variant, e.g. "random inputs relabelled, wrong -1" or "whole classes relabelled, wrong 0.5 on relabelled".</summary>
    public static string TaskName(Relabelling relabelling, double wrongRewardOnModified) =>
        (relabelling == Relabelling.RandomInputs ? "random inputs relabelled" : "whole classes relabelled")
        + (wrongRewardOnModified == -1 ? ", wrong -1" : $", wrong {wrongRewardOnModified:G3} on relabelled");

    static void Validate(ControlledExperimentOptions o)
    {
        if (o.Steps < 1 || o.SftPhaseSteps < 0 || o.CheapSftSteps < 0 || o.SftPhaseSteps > o.Steps || o.CheapSftSteps > o.Steps)
            throw new ArgumentException(
                $"Step budget {o.Steps} with SFT phases of {o.SftPhaseSteps} and {o.CheapSftSteps} steps is invalid: expected phases within the budget.", nameof(o));
        if (o.Seeds.Count == 0 || o.Optimizers.Count == 0 || o.Relabellings.Count == 0 || o.WrongRewardsOnModified.Count == 0)
            throw new ArgumentException("The grid is empty: expected at least one seed, optimiser, relabelling rule and reward variant.", nameof(o));
    }
}
