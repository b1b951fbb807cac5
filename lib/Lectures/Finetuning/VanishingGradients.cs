namespace Lectures.Finetuning;

/// <summary>
/// Theorem 1 in numbers: ||grad_theta V(x)|| &lt;= 6 T gamma STD(x)^{2/3}, checked on exactly enumerated policies,
/// and a family where STD -&gt; 0 while V stays far from the best reward.
/// </summary>
public static class VanishingGradients
{
    /// <summary>The Theorem 1 bound 6 T gamma STD^{2/3}.</summary>
    public static double Bound(int length, double gamma, double rewardStd) => 6 * length * gamma * Math.Pow(rewardStd, 2.0 / 3);

    /// <summary>The sharper one-step bound ||grad_z V|| &lt;= STD / tau (from dV/dz_k = (1/tau) p_k (r_k - V)).</summary>
    public static double OneStepBound(double rewardStd, double temperature) => rewardStd / temperature;

    /// <summary>||grad V||, V, STD, the best reward and the Theorem 1 bound of one policy and reward.</summary>
    public static GradientStdPoint Measure(SoftmaxPolicy policy, double[] rewards)
    {
        var e = policy.Evaluate(rewards);
        return new GradientStdPoint(policy.VocabularySize, policy.Length, policy.Temperature, e.ExpectedReward, rewards.Max(),
            e.RewardStd, e.GradientNorm, Bound(policy.Length, policy.Gamma, e.RewardStd));
    }

    /// <summary>
    /// <paramref name="count"/> random tabular policies of length <paramref name="length"/>, seeded: |V| uniform in
    /// [2, <paramref name="maxVocabulary"/>], logits N(0, s^2) with s log-uniform in [0.1, 30] (peaked policies have
    /// small STD), tau drawn from <paramref name="temperatures"/>, rewards uniform in [-1, 1] or random +-1 (half each).
    /// </summary>
    public static IReadOnlyList<GradientStdPoint> RandomPolicies(int count, int length, int maxVocabulary, double[] temperatures, int seed, IProgress<int>? progress = null)
    {
        if (count < 0)
            throw new ArgumentOutOfRangeException(nameof(count), count, $"The number of policies must be non-negative; got {count}.");
        if (maxVocabulary < 2)
            throw new ArgumentOutOfRangeException(nameof(maxVocabulary), maxVocabulary, $"The largest vocabulary must be at least 2; got {maxVocabulary}.");
        if (temperatures.Length == 0)
            throw new ArgumentException("At least one temperature is needed.", nameof(temperatures));
        var rng = new Random(seed);
        var points = new GradientStdPoint[count];
        for (var i = 0; i < count; i++)
        {
            var vocabulary = rng.Next(2, maxVocabulary + 1);
            var scale = 0.1 * Math.Pow(300, rng.NextDouble());
            var temperature = temperatures[rng.Next(temperatures.Length)];
            var policy = SoftmaxPolicy.Random(vocabulary, length, scale, temperature, rng.Next());
            var binary = rng.NextDouble() < 0.5;
            var rewards = new double[policy.SequenceCount];
            for (var y = 0; y < rewards.Length; y++)
                rewards[y] = binary ? (rng.NextDouble() < 0.5 ? 1 : -1) : 2 * rng.NextDouble() - 1;
            points[i] = Measure(policy, rewards);
            progress?.Report(i + 1);
        }
        return points;
    }

    /// <summary>
    /// The single-step family with K labels where the correct label (reward +1) has probability eps and the K - 1
    /// wrong labels (reward -1) share 1 - eps: V = 2 eps - 1 -&gt; -1, far from the best reward +1, while
    /// STD = 2 sqrt(eps (1 - eps)) -&gt; 0 and with it the gradient. One point per eps.
    /// </summary>
    public static IReadOnlyList<GradientStdPoint> PoorRewardFamily(int labels, double[] correctProbabilities, double temperature = 1)
    {
        if (labels < 2)
            throw new ArgumentOutOfRangeException(nameof(labels), labels, $"The family needs K >= 2 labels; got K = {labels}.");
        var rewards = Enumerable.Range(0, labels).Select(k => k == 0 ? 1.0 : -1.0).ToArray();
        return correctProbabilities.Select(eps =>
        {
            if (!(eps > 0 && eps < 1))
                throw new ArgumentOutOfRangeException(nameof(correctProbabilities), eps, $"A correct-label probability must be in (0, 1); got {eps}.");
            var logits = LabelLogits(labels, 0, eps, temperature);
            return Measure(SoftmaxPolicy.SingleStep(logits, temperature), rewards);
        }).ToList();
    }

    /// <summary>Logits z with softmax(z / tau) giving <paramref name="label"/> probability p and every other label
    /// (1 - p) / (K - 1): z_label = tau ln p, z_other = tau ln((1 - p) / (K - 1)).</summary>
    public static double[] LabelLogits(int labels, int label, double probability, double temperature = 1)
    {
        var other = temperature * Math.Log((1 - probability) / (labels - 1));
        var z = Enumerable.Repeat(other, labels).ToArray();
        z[label] = temperature * Math.Log(probability);
        return z;
    }
}

/// <summary>One policy of a Theorem 1 check: |V|, T, tau, V, the best reward, STD, ||grad V|| and the bound
/// 6 T gamma STD^{2/3}.</summary>
public sealed record GradientStdPoint(
    int VocabularySize, int Length, double Temperature, double ExpectedReward, double BestReward,
    double RewardStd, double GradientNorm, double Bound)
{
    /// <summary>||grad V|| / bound (at most 1 by Theorem 1; 0 when both vanish).</summary>
    public double Ratio => Bound > 0 ? GradientNorm / Bound : 0;
}
