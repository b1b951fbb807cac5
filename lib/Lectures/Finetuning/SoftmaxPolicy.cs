namespace Lectures.Finetuning;

/// <summary>
/// A tabular autoregressive softmax policy over a vocabulary of size |V| and outputs of length T, with one logit
/// vector per prefix: p(y) = prod_{l=1..T} softmax(z_{y_&lt;l} / tau)[y_l]. T = 1 is the single-step policy over K = |V|
/// labels. Every output is enumerated ("perfect exploration"), so V, STD and grad V are exact finite sums.
/// Outputs are numbered y = y_1 |V|^{T-1} + ... + y_T (first token most significant); reward arrays use that order.
/// The logits are the parameters, so the Jacobian of z / tau is I / tau and gamma = 1 / tau.
/// </summary>
public sealed class SoftmaxPolicy
{
    /// <summary>The largest output space enumerated exactly: |V|^T &lt;= 10^7 sequences.</summary>
    public const long MaxEnumeratedSequences = 10_000_000;

    // Nodes of the prefix tree are numbered as a complete |V|-ary heap: node n's children are n|V| + 1 + k.
    // Logit j = n|V| + k belongs to node n = j / |V| and leads to child node j + 1, so one loop over j walks the tree.
    private readonly double[] logits;
    private readonly double[] probabilities;
    private readonly int firstLeaf;

    private SoftmaxPolicy(int vocabularySize, int length, double[] logits, double temperature)
    {
        VocabularySize = vocabularySize;
        Length = length;
        Temperature = temperature;
        SequenceCount = (int)CheckedSequenceCount(vocabularySize, length);
        firstLeaf = PrefixCount(vocabularySize, length);
        var expected = (long)firstLeaf * vocabularySize;
        if (logits.Length != expected)
            throw new ArgumentException($"Got {logits.Length} logits; a policy with |V| = {vocabularySize} and T = {length} has {firstLeaf} prefixes x {vocabularySize} = {expected}.", nameof(logits));
        for (var j = 0; j < logits.Length; j++)
            if (!double.IsFinite(logits[j]))
                throw new ArgumentException($"Logit {j} is {logits[j]}; logits must be finite.", nameof(logits));
        this.logits = (double[])logits.Clone();
        probabilities = new double[logits.Length];
        for (var node = 0; node < firstLeaf; node++)
            Softmax(this.logits.AsSpan(node * vocabularySize, vocabularySize), temperature, probabilities.AsSpan(node * vocabularySize, vocabularySize));
    }

    /// <summary>The single-step policy p = softmax(z / tau) over K = logits.Length labels.</summary>
    public static SoftmaxPolicy SingleStep(double[] logits, double temperature = 1) =>
        new(CheckedVocabulary(logits.Length), 1, logits, CheckedTemperature(temperature));

    /// <summary>The tabular policy with the given logits, prefix by prefix in breadth-first order
    /// (the empty prefix, then prefixes of length 1 in output order, ...), |V| logits each.</summary>
    public static SoftmaxPolicy Tabular(int vocabularySize, int length, double[] logits, double temperature = 1) =>
        new(CheckedVocabulary(vocabularySize), length, logits, CheckedTemperature(temperature));

    /// <summary>A tabular policy with logits drawn i.i.d. N(0, logitScale^2), seeded.</summary>
    public static SoftmaxPolicy Random(int vocabularySize, int length, double logitScale, double temperature, int seed)
    {
        CheckedSequenceCount(CheckedVocabulary(vocabularySize), length);
        var rng = new Random(seed);
        var logits = new double[(long)PrefixCount(vocabularySize, length) * vocabularySize];
        for (var j = 0; j < logits.Length; j++) logits[j] = logitScale * Gaussian(rng);
        return Tabular(vocabularySize, length, logits, temperature);
    }

    /// <summary>|V|, the number of labels (tokens) at each step.</summary>
    public int VocabularySize { get; }

    /// <summary>T, the output length.</summary>
    public int Length { get; }

    /// <summary>tau, the softmax temperature.</summary>
    public double Temperature { get; }

    /// <summary>gamma = 1 / tau: the spectral norm of the Jacobian of z / tau with respect to the (tabular) parameters.</summary>
    public double Gamma => 1 / Temperature;

    /// <summary>|V|^T, the number of outputs.</summary>
    public int SequenceCount { get; }

    /// <summary>The logits, |V| per prefix, prefixes in breadth-first order.</summary>
    public ReadOnlySpan<double> Logits => logits;

    /// <summary>softmax(z / tau) of every prefix, laid out like <see cref="Logits"/>.</summary>
    public ReadOnlySpan<double> Probabilities => probabilities;

    /// <summary>The same policy structure with other logits (same layout and temperature).</summary>
    public SoftmaxPolicy WithLogits(double[] logits) => new(VocabularySize, Length, logits, Temperature);

    /// <summary>The output number of a token sequence: y_1 |V|^{T-1} + ... + y_T.</summary>
    public int SequenceIndex(ReadOnlySpan<int> tokens)
    {
        if (tokens.Length != Length)
            throw new ArgumentException($"A sequence has {tokens.Length} tokens; this policy outputs T = {Length}.", nameof(tokens));
        var index = 0;
        foreach (var t in tokens)
        {
            if ((uint)t >= (uint)VocabularySize)
                throw new ArgumentOutOfRangeException(nameof(tokens), t, $"Token {t} is out of range: the vocabulary has {VocabularySize} tokens (0..{VocabularySize - 1}).");
            index = index * VocabularySize + t;
        }
        return index;
    }

    /// <summary>p(y) of every output y, in output order.</summary>
    public double[] SequenceProbabilities() => Reach().AsSpan(firstLeaf).ToArray();

    /// <summary>V = sum_y p(y) r(y).</summary>
    public double ExpectedReward(double[] rewards) => Evaluate(rewards, withGradient: false).ExpectedReward;

    /// <summary>STD = sqrt(sum_y p(y) (r(y) - V)^2).</summary>
    public double RewardStd(double[] rewards) => Evaluate(rewards, withGradient: false).RewardStd;

    /// <summary>The exact gradient of V with respect to every logit (policy gradient theorem, all outputs summed):
    /// dV/dz_{s,k} = (1/tau) P(s) p_s(k) (Q(s k) - Q(s)), P(s) the probability of prefix s, Q(s) = E[r | s].</summary>
    public double[] ExactGradient(double[] rewards) => Evaluate(rewards).Gradient!;

    /// <summary>V, STD and (unless <paramref name="withGradient"/> is false) the exact gradient and its norm, in one
    /// pass over the outputs.</summary>
    public PolicyEvaluation Evaluate(double[] rewards, bool withGradient = true)
    {
        CheckRewards(rewards);
        var nodes = Reach();
        double v = 0;
        for (var y = 0; y < SequenceCount; y++) v += nodes[firstLeaf + y] * rewards[y];
        double variance = 0;
        for (var y = 0; y < SequenceCount; y++)
        {
            var d = rewards[y] - v;
            variance += nodes[firstLeaf + y] * d * d;
        }
        var std = Math.Sqrt(variance);
        if (!withGradient) return new PolicyEvaluation(v, std, null, double.NaN);
        // grad V = sum_y p(y) (r(y) - V) grad log p(y): the baseline V keeps the prefix sums well conditioned.
        for (var y = 0; y < SequenceCount; y++) nodes[firstLeaf + y] *= rewards[y] - v;
        var gradient = ScoreWeightedGradient(nodes);
        return new PolicyEvaluation(v, std, gradient, Norm(gradient));
    }

    /// <summary>
    /// The sampled REINFORCE estimate (1/N) sum_{i=1..N} (r(y_i) - b) grad log p(y_i), y_i ~ p drawn with
    /// <paramref name="seed"/>. Its mean is the exact gradient for any baseline b; its spread is exploration noise.
    /// </summary>
    public double[] ReinforceGradient(double[] rewards, int samples, int seed, double baseline = 0)
    {
        CheckRewards(rewards);
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"REINFORCE needs at least 1 sample; got {samples}.");
        var rng = new Random(seed);
        var gradient = new double[logits.Length];
        var path = new int[Length];
        for (var i = 0; i < samples; i++)
        {
            var y = SampleOutput(rng, path);
            var scale = (rewards[y] - baseline) / (samples * Temperature);
            var leaf = y;
            for (var l = Length - 1; l >= 0; l--)
            {
                var k = leaf % VocabularySize;
                leaf /= VocabularySize;
                var offset = path[l] * VocabularySize;
                for (var j = 0; j < VocabularySize; j++) gradient[offset + j] -= scale * probabilities[offset + j];
                gradient[offset + k] += scale;
            }
        }
        return gradient;
    }

    /// <summary>
    /// The outputs y_1, ..., y_N ~ p drawn with <paramref name="seed"/>: the same draws as
    /// <see cref="ReinforceGradient"/> makes with that seed.
    /// </summary>
    public int[] Sample(int samples, int seed)
    {
        if (samples < 1)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, $"Sampling needs at least 1 sample; got {samples}.");
        var rng = new Random(seed);
        var path = new int[Length];
        return [.. Enumerable.Range(0, samples).Select(_ => SampleOutput(rng, path))];
    }

    // One output y = sum_l k_l V^(T-1-l), token by token; path[l] receives the prefix node of step l.
    private int SampleOutput(Random rng, int[] path)
    {
        var node = 0;
        var y = 0;
        for (var l = 0; l < Length; l++)
        {
            var k = SampleToken(node, rng.NextDouble());
            path[l] = node;
            y = y * VocabularySize + k;
            node = node * VocabularySize + 1 + k;
        }
        return y;
    }

    /// <summary>
    /// The PPO clipped surrogate of this policy (theta) against <paramref name="old"/> (theta_old), all outputs summed:
    /// L = sum_y p_old(y) min(rho(y) A(y), clip(rho(y), 1 - eps, 1 + eps) A(y)), rho = p_theta / p_old, A = r - b.
    /// </summary>
    public double PpoSurrogate(SoftmaxPolicy old, double[] rewards, double baseline = 0, double clip = 0.2) =>
        Ppo(old, rewards, baseline, clip, withGradient: false).Value;

    /// <summary>
    /// The gradient of <see cref="PpoSurrogate"/> with respect to this policy's logits:
    /// sum_y p_theta(y) A(y) [rho A not clipped] grad log p_theta(y). At theta = theta_old it equals grad V.
    /// </summary>
    public double[] PpoGradient(SoftmaxPolicy old, double[] rewards, double baseline = 0, double clip = 0.2) =>
        Ppo(old, rewards, baseline, clip, withGradient: true).Gradient!;

    private (double Value, double[]? Gradient) Ppo(SoftmaxPolicy old, double[] rewards, double baseline, double clip, bool withGradient)
    {
        CheckRewards(rewards);
        if (old.VocabularySize != VocabularySize || old.Length != Length || old.Temperature != Temperature)
            throw new ArgumentException($"The old policy has |V| = {old.VocabularySize}, T = {old.Length}, tau = {old.Temperature}; expected |V| = {VocabularySize}, T = {Length}, tau = {Temperature}.", nameof(old));
        if (!(clip > 0 && clip < 1))
            throw new ArgumentOutOfRangeException(nameof(clip), clip, $"The PPO clip range eps must be in (0, 1); got {clip}.");
        var nodes = Reach();
        var oldNodes = old.Reach();
        double value = 0;
        for (var y = 0; y < SequenceCount; y++)
        {
            double pNew = nodes[firstLeaf + y], pOld = oldNodes[firstLeaf + y];
            var advantage = rewards[y] - baseline;
            var rho = pOld > 0 ? pNew / pOld : 1;
            var clipped = Math.Clamp(rho, 1 - clip, 1 + clip);
            var unclipped = rho * advantage <= clipped * advantage;
            value += pOld * Math.Min(rho * advantage, clipped * advantage);
            nodes[firstLeaf + y] = unclipped ? pNew * advantage : 0;
        }
        return (value, withGradient ? ScoreWeightedGradient(nodes) : null);
    }

    // Given leaf weights w(y) in nodes[firstLeaf..], returns sum_y w(y) grad log p(y):
    // component (s, k) is (1/tau) (W(s k) - W(s) p_s(k)) with W(s) = sum of w over outputs extending s.
    private double[] ScoreWeightedGradient(double[] nodes)
    {
        Array.Clear(nodes, 0, firstLeaf);
        for (var j = logits.Length - 1; j >= 0; j--) nodes[j / VocabularySize] += nodes[j + 1];
        var gradient = new double[logits.Length];
        for (var j = 0; j < gradient.Length; j++)
            gradient[j] = (nodes[j + 1] - nodes[j / VocabularySize] * probabilities[j]) / Temperature;
        return gradient;
    }

    // Probability of reaching every node of the prefix tree; the leaves hold p(y).
    private double[] Reach()
    {
        var nodes = new double[logits.Length + 1];
        nodes[0] = 1;
        for (var j = 0; j < logits.Length; j++) nodes[j + 1] = nodes[j / VocabularySize] * probabilities[j];
        return nodes;
    }

    private int SampleToken(int node, double u)
    {
        var offset = node * VocabularySize;
        for (var k = 0; k < VocabularySize - 1; k++)
        {
            u -= probabilities[offset + k];
            if (u < 0) return k;
        }
        return VocabularySize - 1;
    }

    private void CheckRewards(double[] rewards)
    {
        if (rewards.Length != SequenceCount)
            throw new ArgumentException($"Got {rewards.Length} rewards; the policy has |V|^T = {VocabularySize}^{Length} = {SequenceCount} outputs.", nameof(rewards));
        for (var y = 0; y < rewards.Length; y++)
            if (rewards[y] is not (>= -1 and <= 1))
                throw new ArgumentException($"Reward r({y}) = {rewards[y]} is outside [-1, 1].", nameof(rewards));
    }

    /// <summary>p = softmax(z / tau), computed stably (the largest logit is subtracted first).</summary>
    internal static void Softmax(ReadOnlySpan<double> logits, double temperature, Span<double> probabilities)
    {
        var max = double.NegativeInfinity;
        foreach (var z in logits) max = Math.Max(max, z);
        double sum = 0;
        for (var k = 0; k < logits.Length; k++)
        {
            probabilities[k] = Math.Exp((logits[k] - max) / temperature);
            sum += probabilities[k];
        }
        for (var k = 0; k < logits.Length; k++) probabilities[k] /= sum;
    }

    /// <summary>The Euclidean norm sqrt(sum_j v_j^2).</summary>
    internal static double Norm(ReadOnlySpan<double> v)
    {
        double s = 0;
        foreach (var x in v) s += x * x;
        return Math.Sqrt(s);
    }

    /// <summary>A standard normal draw (Box-Muller).</summary>
    internal static double Gaussian(Random rng) =>
        Math.Sqrt(-2 * Math.Log(1 - rng.NextDouble())) * Math.Cos(2 * Math.PI * rng.NextDouble());

    private static int PrefixCount(int vocabularySize, int length)
    {
        long count = 0, level = 1;
        for (var l = 0; l < length; l++, level *= vocabularySize) count += level;
        return (int)count;
    }

    private static long CheckedSequenceCount(int vocabularySize, int length)
    {
        if (length < 1)
            throw new ArgumentOutOfRangeException(nameof(length), length, $"The output length T must be at least 1; got {length}.");
        var count = Math.Pow(vocabularySize, length);
        if (count > MaxEnumeratedSequences)
            throw new ArgumentException($"The output space has |V|^T = {vocabularySize}^{length} = {count:G4} sequences, more than the {MaxEnumeratedSequences:N0} that exact enumeration allows.", nameof(length));
        return (long)count;
    }

    private static int CheckedVocabulary(int vocabularySize) =>
        vocabularySize >= 1
            ? vocabularySize
            : throw new ArgumentOutOfRangeException(nameof(vocabularySize), vocabularySize, $"The policy needs at least K = 1 label; got K = {vocabularySize}.");

    private static double CheckedTemperature(double temperature) =>
        temperature > 0 && double.IsFinite(temperature)
            ? temperature
            : throw new ArgumentOutOfRangeException(nameof(temperature), temperature, $"The temperature must be positive and finite; got {temperature}.");
}

/// <summary>Exact V, STD, and the gradient of V with respect to the logits with its Euclidean norm
/// (null and NaN when not requested).</summary>
public sealed record PolicyEvaluation(double ExpectedReward, double RewardStd, double[]? Gradient, double GradientNorm);
