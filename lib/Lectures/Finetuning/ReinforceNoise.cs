namespace Lectures.Finetuning;

/// <summary>
/// Exploration noise and the expected gradient as two different things: the sampled REINFORCE estimate g_N (N outputs)
/// scatters around the exact gradient grad V with an error that shrinks like 1/sqrt(N), while grad V itself does not
/// depend on N (it is what infinitely many samples, "perfect exploration", would give).
/// </summary>
public static class ReinforceNoise
{
    /// <summary>
    /// For each N in <paramref name="sampleCounts"/>, <paramref name="repeats"/> independent N-sample REINFORCE estimates
    /// with baseline b (seeds drawn from <paramref name="seed"/>): ||grad V||, the RMS error sqrt(mean_r ||g_N,r - grad V||^2)
    /// , the error of their mean ||(1/R) sum_r g_N,r - grad V|| and how many of the N R draws were an output with the
    /// highest reward.
    /// </summary>
    public static IReadOnlyList<ReinforceNoisePoint> Measure(SoftmaxPolicy policy, double[] rewards, int[] sampleCounts, int repeats, int seed, double baseline = 0)
    {
        if (repeats < 1)
            throw new ArgumentOutOfRangeException(nameof(repeats), repeats, $"Need at least 1 repeat per sample count; got {repeats}.");
        if (sampleCounts.Length == 0)
            throw new ArgumentException("At least one sample count is needed.", nameof(sampleCounts));
        var exact = policy.ExactGradient(rewards);
        var exactNorm = SoftmaxPolicy.Norm(exact);
        var rng = new Random(seed);
        var points = new List<ReinforceNoisePoint>();
        var mean = new double[exact.Length];
        var difference = new double[exact.Length];
        var best = rewards.Max();
        foreach (var n in sampleCounts)
        {
            Array.Clear(mean);
            double squaredError = 0;
            var bestDraws = 0;
            for (var r = 0; r < repeats; r++)
            {
                var drawSeed = rng.Next();
                var estimate = policy.ReinforceGradient(rewards, n, drawSeed, baseline);
                bestDraws += policy.Sample(n, drawSeed).Count(y => rewards[y] == best);
                for (var j = 0; j < exact.Length; j++)
                {
                    difference[j] = estimate[j] - exact[j];
                    mean[j] += difference[j] / repeats;
                }
                var e = SoftmaxPolicy.Norm(difference);
                squaredError += e * e;
            }
            points.Add(new ReinforceNoisePoint(n, exactNorm, Math.Sqrt(squaredError / repeats), SoftmaxPolicy.Norm(mean), bestDraws));
        }
        return points;
    }
}

/// <summary>N samples per estimate: the exact ||grad V||, the RMS error of one N-sample REINFORCE estimate, and the
/// error of the mean of the repeated estimates (unbiasedness: it shrinks like 1/sqrt(N R)), and the number of the N R
/// draws that were an output with the highest reward.</summary>
public sealed record ReinforceNoisePoint(int Samples, double ExactGradientNorm, double RmsError, double MeanEstimateError, int BestRewardDraws);
