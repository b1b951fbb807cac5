using System.Numerics;

namespace Lectures.Finetuning;

/// <summary>
/// Watches the reward std of every input during training. Call <see cref="Observe(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/>
/// (exact: probabilities and rewards of every output) or <see cref="ObserveSamples(ReadOnlySpan{double}, int)"/> (sampled
/// rewards per input) on each step; per-input V and STD stay readable in <see cref="ExpectedReward"/> and
/// <see cref="RewardStd"/> until the next call. Buffers are reused, so a step allocates nothing once the monitor
/// has seen its largest batch.
/// V(x) = sum_y p(y|x) r(x,y); STD(x) = sqrt(sum_y p(y|x) (r(x,y) - V(x))^2).
/// </summary>
public sealed class RewardStdMonitor
{
    /// <summary>Tolerance on a row of probabilities summing to 1 (loose enough for float32 softmax outputs).</summary>
    public const double ProbabilitySumTolerance = 1e-3;

    private double[] expectedReward = [];
    private double[] rewardStd = [];
    private readonly int[] histogram;

    /// <summary>A monitor counting inputs with STD below <paramref name="threshold"/>, with a histogram of
    /// <paramref name="histogramBins"/> equal bins over STD in [0, 1] (rewards in [-1, 1] give STD &lt;= 1).</summary>
    public RewardStdMonitor(double threshold = 0.1, int histogramBins = 20)
    {
        if (!(threshold > 0 && threshold <= 1))
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"The STD threshold must be in (0, 1]; got {threshold}.");
        if (histogramBins < 1)
            throw new ArgumentOutOfRangeException(nameof(histogramBins), histogramBins, $"The histogram needs at least 1 bin; got {histogramBins}.");
        Threshold = threshold;
        histogram = new int[histogramBins];
    }

    /// <summary>Inputs with STD below this count as small-std inputs.</summary>
    public double Threshold { get; }

    /// <summary>Number of observations made so far (training steps).</summary>
    public int Step { get; private set; }

    /// <summary>Number of inputs in the latest observation.</summary>
    public int Inputs { get; private set; }

    /// <summary>V(x_i) of each input in the latest observation.</summary>
    public ReadOnlySpan<double> ExpectedReward => expectedReward.AsSpan(0, Inputs);

    /// <summary>STD(x_i) of each input in the latest observation.</summary>
    public ReadOnlySpan<double> RewardStd => rewardStd.AsSpan(0, Inputs);

    /// <summary>Counts of the latest STDs in equal bins over [0, 1]; bin b covers [b/B, (b+1)/B), the last bin includes 1.</summary>
    public ReadOnlySpan<int> Histogram => histogram;

    /// <summary>
    /// Exact per-input V and STD from probabilities and rewards, both row-major [inputs x outputs]
    /// (row i is p(.|x_i) and r(x_i, .)). Rewards must lie in [-1, 1]; each probability row must sum to 1.
    /// </summary>
    public RewardStdSummary Observe(ReadOnlySpan<double> probabilities, ReadOnlySpan<double> rewards, int outputs) =>
        ObserveExact(probabilities, rewards, outputs);

    /// <summary>The float32 overload of <see cref="Observe(ReadOnlySpan{double}, ReadOnlySpan{double}, int)"/> (tensor data as is).</summary>
    public RewardStdSummary Observe(ReadOnlySpan<float> probabilities, ReadOnlySpan<float> rewards, int outputs) =>
        ObserveExact(probabilities, rewards, outputs);

    /// <summary>
    /// Per-input V and STD estimated from sampled rewards, row-major [inputs x samplesPerInput]:
    /// V = mean of the samples, STD = sqrt(mean of (r - V)^2) (the plug-in estimate; with m samples it is
    /// sqrt((m-1)/m) times the unbiased one on average).
    /// </summary>
    public RewardStdSummary ObserveSamples(ReadOnlySpan<double> sampledRewards, int samplesPerInput) =>
        ObserveSampled(sampledRewards, samplesPerInput);

    /// <summary>The float32 overload of <see cref="ObserveSamples(ReadOnlySpan{double}, int)"/>.</summary>
    public RewardStdSummary ObserveSamples(ReadOnlySpan<float> sampledRewards, int samplesPerInput) =>
        ObserveSampled(sampledRewards, samplesPerInput);

    /// <summary>The summary of the latest observation restricted to the given inputs (e.g. the small-std group of
    /// an experiment): their mean V, mean STD and fraction with STD below the threshold.</summary>
    public RewardStdSummary Summarize(ReadOnlySpan<int> inputs)
    {
        var totals = new Totals();
        foreach (var i in inputs)
        {
            if ((uint)i >= (uint)Inputs)
                throw new ArgumentOutOfRangeException(nameof(inputs), i, $"Input {i} is out of range: the latest observation has {Inputs} inputs (0..{Inputs - 1}).");
            totals.Add(expectedReward[i], rewardStd[i], Threshold);
        }
        return totals.ToSummary(Step, Threshold);
    }

    /// <summary>A copy of the latest per-input V, STD and histogram, for charts and logs (this allocates).</summary>
    public RewardStdReport Report() =>
        new(Step, ExpectedReward.ToArray(), RewardStd.ToArray(), histogram.ToArray(), Threshold);

    private RewardStdSummary ObserveExact<T>(ReadOnlySpan<T> probabilities, ReadOnlySpan<T> rewards, int outputs)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        if (probabilities.Length != rewards.Length)
            throw new ArgumentException($"Probabilities have {probabilities.Length} entries but rewards have {rewards.Length}; both must be [inputs x {outputs}].", nameof(rewards));
        var n = Prepare(probabilities.Length, outputs, "Probabilities", "outputs", nameof(probabilities));
        for (var i = 0; i < n; i++)
        {
            var p = probabilities.Slice(i * outputs, outputs);
            var r = rewards.Slice(i * outputs, outputs);
            double sum = 0, v = 0;
            for (var k = 0; k < outputs; k++)
            {
                var pk = double.CreateTruncating(p[k]);
                var rk = CheckedReward(double.CreateTruncating(r[k]), i, k);
                if (!(pk >= 0))
                    throw new ArgumentException($"Probability p({k}|x_{i}) = {pk} is not a probability (expected >= 0).", nameof(probabilities));
                sum += pk;
                v += pk * rk;
            }
            if (Math.Abs(sum - 1) > ProbabilitySumTolerance)
                throw new ArgumentException($"Probabilities of input {i} sum to {sum}, expected 1 (within {ProbabilitySumTolerance}).", nameof(probabilities));
            v /= sum;
            double variance = 0;
            for (var k = 0; k < outputs; k++)
            {
                var d = double.CreateTruncating(r[k]) - v;
                variance += double.CreateTruncating(p[k]) * d * d;
            }
            Record(i, v, Math.Sqrt(variance / sum));
        }
        return Finish();
    }

    private RewardStdSummary ObserveSampled<T>(ReadOnlySpan<T> sampledRewards, int samplesPerInput)
        where T : unmanaged, IFloatingPointIeee754<T>
    {
        var n = Prepare(sampledRewards.Length, samplesPerInput, "Sampled rewards", "samples", nameof(sampledRewards));
        for (var i = 0; i < n; i++)
        {
            var r = sampledRewards.Slice(i * samplesPerInput, samplesPerInput);
            double v = 0;
            for (var s = 0; s < samplesPerInput; s++) v += CheckedReward(double.CreateTruncating(r[s]), i, s);
            v /= samplesPerInput;
            double variance = 0;
            for (var s = 0; s < samplesPerInput; s++)
            {
                var d = double.CreateTruncating(r[s]) - v;
                variance += d * d;
            }
            Record(i, v, Math.Sqrt(variance / samplesPerInput));
        }
        return Finish();
    }

    private static double CheckedReward(double reward, int input, int output) =>
        reward is >= -1 and <= 1
            ? reward
            : throw new ArgumentException($"Reward r(x_{input}, {output}) = {reward} is outside [-1, 1].", "rewards");

    // Checks a row-major [inputs x width] array of the given length, sizes the buffers, and returns the number of inputs.
    private int Prepare(int length, int width, string what, string perInput, string parameter)
    {
        if (width < 1)
            throw new ArgumentOutOfRangeException(parameter, width, $"Each input needs at least 1 of its {perInput}; got {width}.");
        if (length % width != 0)
            throw new ArgumentException($"{what} have {length} entries, not a multiple of {width} {perInput} per input.", parameter);
        var inputs = length / width;
        if (expectedReward.Length < inputs)
        {
            expectedReward = new double[inputs];
            rewardStd = new double[inputs];
        }
        Inputs = inputs;
        Array.Clear(histogram);
        return inputs;
    }

    private void Record(int i, double v, double std)
    {
        expectedReward[i] = v;
        rewardStd[i] = std;
        histogram[Math.Min((int)(std * histogram.Length), histogram.Length - 1)]++;
    }

    private RewardStdSummary Finish()
    {
        Step++;
        var totals = new Totals();
        for (var i = 0; i < Inputs; i++) totals.Add(expectedReward[i], rewardStd[i], Threshold);
        return totals.ToSummary(Step, Threshold);
    }

    private struct Totals
    {
        private double sumV, sumStd;
        private int below, count;

        public void Add(double v, double std, double threshold)
        {
            sumV += v;
            sumStd += std;
            if (std < threshold) below++;
            count++;
        }

        public readonly RewardStdSummary ToSummary(int step, double threshold)
        {
            var n = Math.Max(count, 1);
            return new RewardStdSummary(step, count, sumV / n, sumStd / n, (double)below / n, threshold);
        }
    }
}

/// <summary>One step of a <see cref="RewardStdMonitor"/>: over <paramref name="Inputs"/> inputs, the mean V, the mean
/// STD, and the fraction of inputs whose STD is below <paramref name="Threshold"/>.</summary>
public readonly record struct RewardStdSummary(
    int Step, int Inputs, double MeanExpectedReward, double MeanRewardStd, double FractionBelowThreshold, double Threshold);

/// <summary>A copy of one observation: per-input V and STD (the scatter of V against STD), and the STD histogram
/// counts in equal bins over [0, 1].</summary>
public sealed record RewardStdReport(int Step, double[] ExpectedReward, double[] RewardStd, int[] Histogram, double Threshold)
{
    /// <summary>Fraction of inputs with STD strictly below <paramref name="threshold"/>.</summary>
    public double FractionBelow(double threshold) =>
        RewardStd.Length == 0 ? 0 : (double)RewardStd.Count(s => s < threshold) / RewardStd.Length;

    /// <summary>Fraction of inputs with STD strictly below <paramref name="threshold"/> and V strictly below <paramref name="lowReward"/>.</summary>
    public double FractionBelow(double threshold, double lowReward) =>
        RewardStd.Length == 0 ? 0 : (double)RewardStd.Where((s, i) => s < threshold && ExpectedReward[i] < lowReward).Count() / RewardStd.Length;
}
