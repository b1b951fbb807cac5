using Lectures.Finetuning;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>Who a run is, for its log rows.</summary>
public sealed record RunLabel(string Method, string Optimizer, string Task, int Seed);

/// <summary>The log of one finetuning run; <see cref="DivergedAtStep"/> is set when the logits stopped being finite.</summary>
public sealed record FinetuningLog(IReadOnlyList<ControlledExperimentRecord> Records, int? DivergedAtStep);

/// <summary>
/// The one finetuning loop shared by every method: full batch, each step back-propagates
/// -sum_i w_i dJ_i/dz_i (the objective's per-input logit gradients and weights) through the network and takes an
/// optimiser step. Every <c>logEvery</c> steps, at the start of each phase and at the end, it logs per group the mean reward, accuracy,
/// reward std, the fractions with small std (all, and those predicted wrongly: stuck) and the norm of the gradient of
/// the group's mean objective.
/// </summary>
public static class FinetuningTrainer
{
    /// <summary>Group name of the modified inputs (small reward std after pretraining).</summary>
    public const string SmallStdGroup = "small-std";

    /// <summary>Group name of the inputs that keep their class (large reward std after pretraining).</summary>
    public const string LargeStdGroup = "large-std";

    /// <summary>Group name of all training inputs.</summary>
    public const string AllGroup = "all";

    /// <summary>Finetunes <paramref name="model"/> in place with <paramref name="method"/> (each phase's objective from <paramref name="objectives"/>) and returns the log.</summary>
    public static FinetuningLog Run(Mlp model, TrainingBatch batch, FinetuningMethod method, PhaseObjectives objectives, OptimizerSetting optimizer,
        RunLabel label, int logEvery = 1, double smallStdThreshold = 0.1)
    {
        ArgumentNullException.ThrowIfNull(model);
        ArgumentNullException.ThrowIfNull(batch);
        ArgumentNullException.ThrowIfNull(method);
        ArgumentNullException.ThrowIfNull(objectives);
        if (logEvery < 1)
            throw new ArgumentException($"logEvery {logEvery} is invalid: expected at least 1.", nameof(logEvery));

        var small = batch.Task.IsModified.Select((m, i) => (m, i)).Where(t => t.m).Select(t => t.i).ToArray();
        var large = batch.Task.IsModified.Select((m, i) => (m, i)).Where(t => !t.m).Select(t => t.i).ToArray();
        using var smallWeights = GroupWeights(small, batch);
        using var largeWeights = GroupWeights(large, batch);
        var monitor = new RewardStdMonitor(smallStdThreshold);
        var records = new List<ControlledExperimentRecord>();
        var total = method.TotalSteps;
        var step = 0;
        for (var phaseIndex = 0; phaseIndex < method.Phases.Count; phaseIndex++)
        {
            var phase = method.Phases[phaseIndex];
            var objective = objectives.For(phase);
            var last = phaseIndex == method.Phases.Count - 1;
            using var torchOptimizer = optimizer.Create(model.parameters(), phase.LearningRateScale);
            using var weights = objective.Weights(batch);
            for (var s = 0; s < phase.Steps + (last ? 1 : 0); s++, step++)
            {
                Lectures.Interruption.ThrowIfRequested();
                using var scope = NewDisposeScope();
                var logits = model.call(batch.Inputs);
                if (!logits.isfinite().all().item<bool>())
                    return new FinetuningLog(records, step);
                var ascent = objective.InputGradients(logits.detach(), phase.Temperature, batch, step);
                var logging = s == 0 || step % logEvery == 0 || step == total;
                double smallNorm = 0, largeNorm = 0;
                if (logging)
                {
                    smallNorm = GradientNorm(model, logits, smallWeights * ascent);
                    largeNorm = GradientNorm(model, logits, largeWeights * ascent);
                }
                var allNorm = GradientNorm(model, logits, weights * ascent);
                if (logging)
                    records.AddRange(Log(logits, batch, monitor, label, step, objective.Name,
                        (SmallStdGroup, small, smallNorm), (LargeStdGroup, large, largeNorm), (AllGroup, Enumerable.Range(0, batch.Count).ToArray(), allNorm)));
                if (step < total) torchOptimizer.step();
            }
        }
        return new FinetuningLog(records, null);
    }

    static Tensor GroupWeights(int[] members, TrainingBatch batch)
    {
        var w = new double[batch.Count];
        foreach (var i in members) w[i] = 1.0 / members.Length;
        return tensor(w, new long[] { batch.Count, 1 }, batch.DType);
    }

    /// <summary>
    /// Leaves grad_theta J in the parameters' .grad, J = sum_i weightedAscent_i . z_i, and returns its norm
    /// sqrt(sum over parameters of sum(g * g)). g * g, not g.square(): square() is pow(2) with a Scalar that TorchSharp
    /// leaves to its finalizer, which can free it while pow still reads it ("Unknown scalar type", issue 20).
    /// </summary>
    internal static double GradientNorm(Mlp model, Tensor logits, Tensor weightedAscent)
    {
        model.zero_grad();
        logits.backward(new[] { -weightedAscent }, retain_graph: true);
        var squares = 0.0;
        foreach (var p in model.parameters())
        {
            var g = p.grad!;
            squares += (g * g).sum().to_type(ScalarType.Float64).item<double>();
        }
        return Math.Sqrt(squares);
    }

    static IEnumerable<ControlledExperimentRecord> Log(Tensor logits, TrainingBatch batch, RewardStdMonitor monitor, RunLabel label, int step, string phase,
        params (string Name, int[] Members, double GradientNorm)[] groups)
    {
        bool[] correct;
        double[] std;
        using (no_grad())
        {
            using var p = Policy.Probabilities(logits, 1.0).to_type(ScalarType.Float64);
            using var rewards = batch.Rewards.to_type(ScalarType.Float64);
            monitor.Observe(p.data<double>().ToArray(), rewards.data<double>().ToArray(), batch.ClassCount);
            using var ok = p.argmax(1).eq(batch.Targets.argmax(1));
            correct = ok.data<bool>().ToArray();
            std = monitor.RewardStd.ToArray();
        }
        foreach (var (name, members, norm) in groups)
        {
            var summary = monitor.Summarize(members);
            yield return new ControlledExperimentRecord(label.Method, label.Optimizer, label.Task, label.Seed, step, phase, name,
                summary.MeanExpectedReward, members.Count(i => correct[i]) / (double)members.Length, norm,
                summary.MeanRewardStd, TenthPercentile(members.Select(i => std[i]).ToArray()), summary.FractionBelowThreshold,
                members.Count(i => std[i] < monitor.Threshold && !correct[i]) / (double)members.Length);
        }
    }

    /// <summary>The 10th percentile with linear interpolation between order statistics (numpy's default).</summary>
    static double TenthPercentile(double[] values)
    {
        Array.Sort(values);
        var position = 0.1 * (values.Length - 1);
        var lo = (int)Math.Floor(position);
        var hi = Math.Min(lo + 1, values.Length - 1);
        return values[lo] + (position - lo) * (values[hi] - values[lo]);
    }
}
