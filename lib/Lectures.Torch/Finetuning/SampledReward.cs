using Lectures.Finetuning;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// RFT with sampled REINFORCE: m labels y_1..y_m ~ p(.|x_i) per input, and the unbiased estimate
/// dV/dz = (1/m) sum_j (r(y_j) - b_j) (e_{y_j} - p) / tau with the leave-one-out baseline b_j = mean of the other
/// m-1 rewards (b_j = 0 when m = 1; <see cref="LeaveOneOut"/>). Samples come from <c>new Random(seed * 1000003 + step)</c> (u ~ U[0, 1), y = the first
/// label whose cumulative probability exceeds u), so runs repeat exactly, also across processes.
/// </summary>
public sealed class SampledReward : PolicyObjective
{
    readonly int samplesPerInput;
    readonly int seed;

    /// <summary>REINFORCE with <paramref name="samplesPerInput"/> samples per input per step.</summary>
    public SampledReward(int samplesPerInput, int seed)
    {
        if (samplesPerInput < 1)
            throw new ArgumentException($"Samples per input {samplesPerInput} is invalid: expected at least 1.", nameof(samplesPerInput));
        this.samplesPerInput = samplesPerInput;
        this.seed = seed;
    }

    /// <inheritdoc />
    public override string Name => $"RFT (REINFORCE, {samplesPerInput} samples)";

    /// <inheritdoc />
    public override Tensor InputGradients(Tensor logits, double temperature, TrainingBatch batch, int step)
    {
        using var scope = NewDisposeScope();
        var p = Policy.Probabilities(logits, temperature);
        var probs = p.to_type(ScalarType.Float64).data<double>().ToArray();
        int n = batch.Count, k = batch.ClassCount, m = samplesPerInput;
        // Not HashCode.Combine: it is salted per process, so the samples (and every REINFORCE run) changed between runs.
        var random = new Random(unchecked(seed * 1000003 + step));
        // coefficient[i, y] = (1/m) sum_j (r_j - b_j) [y_j = y]; the gradient is coefficient - (sum_y coefficient) p.
        var coefficient = new double[n * k];
        var ys = new int[m];
        var rs = new double[m];
        var advantages = new double[m];
        for (var i = 0; i < n; i++)
        {
            for (var j = 0; j < m; j++)
            {
                ys[j] = Sample(probs.AsSpan(i * k, k), random.NextDouble());
                rs[j] = batch.Task.Reward(i, ys[j]);
            }
            LeaveOneOut.Advantages(rs, advantages);
            for (var j = 0; j < m; j++) coefficient[i * k + ys[j]] += advantages[j] / m;
        }
        var c = tensor(coefficient, new long[] { n, k }, batch.DType);
        return (c - c.sum(1, keepdim: true) * p).DividedBy(temperature).MoveToOuterDisposeScope();
    }

    static int Sample(ReadOnlySpan<double> p, double u)
    {
        var cumulative = 0.0;
        for (var y = 0; y < p.Length; y++)
        {
            cumulative += p[y];
            if (u < cumulative) return y;
        }
        return p.Length - 1;
    }
}
