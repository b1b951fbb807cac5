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
    /// and the error of their mean ||(1/R) sum_r g_N,r - grad V||.
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
        foreach (var n in sampleCounts)
        {
            Array.Clear(mean);
            double squaredError = 0;
            for (var r = 0; r < repeats; r++)
            {
                var estimate = policy.ReinforceGradient(rewards, n, rng.Next(), baseline);
                for (var j = 0; j < exact.Length; j++)
                {
                    difference[j] = estimate[j] - exact[j];
                    mean[j] += difference[j] / repeats;
                }
                var e = SoftmaxPolicy.Norm(difference);
                squaredError += e * e;
            }
            points.Add(new ReinforceNoisePoint(n, exactNorm, Math.Sqrt(squaredError / repeats), SoftmaxPolicy.Norm(mean)));
        }
        return points;
    }
}

/// <summary>N samples per estimate: the exact ||grad V||, the RMS error of one N-sample REINFORCE estimate, and the
/// error of the mean of the repeated estimates (unbiasedness: it shrinks like 1/sqrt(N R)).</summary>
public sealed record ReinforceNoisePoint(int Samples, double ExactGradientNorm, double RmsError, double MeanEstimateError);
