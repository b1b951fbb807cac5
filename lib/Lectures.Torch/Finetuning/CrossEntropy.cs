using Lectures.Finetuning;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// SFT: J_i = -CE(p(.|x_i), y_i) = ln p(y_i|x_i) on the target labels, with dJ_i/dz = (e_{y_i} - p) / tau; either on
/// every training input or on a seeded random sample of a fraction of them, stratified by class or uniform (the cheap SFT
/// phase: SFT on 1% of the labelled inputs).
/// </summary>
public sealed class CrossEntropy : PolicyObjective
{
    readonly double fraction;
    readonly int seed;
    readonly LabelledSample sample;

    /// <summary>SFT on all training inputs.</summary>
    public CrossEntropy() : this(1.0, 0) { }

    /// <summary>
    /// SFT on round(fraction * n) inputs (at least 1), a sample drawn as <paramref name="sample"/> says with
    /// <c>new Random(seed)</c> (see <see cref="LabelledInputs"/>).
    /// </summary>
    public CrossEntropy(double fraction, int seed, LabelledSample sample = LabelledSample.Stratified)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentException($"Labelled fraction {fraction} is out of range: expected 0 < fraction <= 1.", nameof(fraction));
        if (!Enum.IsDefined(sample))
            throw new ArgumentException($"Labelled sample {sample} is unknown: expected {string.Join(" or ", Enum.GetNames<LabelledSample>())}.", nameof(sample));
        this.fraction = fraction;
        this.seed = seed;
        this.sample = sample;
    }

    /// <inheritdoc />
    public override string Name => fraction == 1.0 ? "SFT"
        : sample == LabelledSample.Uniform ? $"SFT on a uniform {fraction:P0} of inputs" : $"SFT on {fraction:P0} of inputs";

    /// <inheritdoc />
    public override Tensor InputGradients(Tensor logits, double temperature, TrainingBatch batch, int step)
    {
        using var scope = NewDisposeScope();
        return (batch.Targets - Policy.Probabilities(logits, temperature)).DividedBy(temperature).MoveToOuterDisposeScope();
    }

    /// <summary>w_i = 1/|S| on the labelled subset S, 0 elsewhere.</summary>
    public override Tensor Weights(TrainingBatch batch)
    {
        var labelled = LabelledInputs(batch.Task.Classes);
        var w = new double[batch.Count];
        foreach (var i in labelled) w[i] = 1.0 / labelled.Length;
        return tensor(w, new long[] { batch.Count, 1 }, batch.DType);
    }

    /// <summary>
    /// The labelled subset S of inputs with the given classes: all of 0..n-1, or m = round(fraction * n) (at least 1)
    /// inputs. Uniform: the first m of a seeded random permutation of 0..n-1 (so, for one seed, the subset of a smaller
    /// fraction is part of that of a larger one). Stratified by class: each class's inputs in a seeded random order, the
    /// classes in a seeded random order, then one input per class in turn until m are taken (so every class is sampled
    /// once m reaches the number of classes).
    /// </summary>
    public int[] LabelledInputs(IReadOnlyList<int> classes)
    {
        ArgumentNullException.ThrowIfNull(classes);
        if (fraction == 1.0) return Enumerable.Range(0, classes.Count).ToArray();
        var random = new Random(seed);
        var m = Math.Max(1, (int)Math.Round(fraction * classes.Count));
        if (sample == LabelledSample.Uniform)
        {
            var order = Enumerable.Range(0, classes.Count).ToArray();
            random.Shuffle(order);
            return order[..m];
        }
        var perClass = Enumerable.Range(0, classes.Count).GroupBy(i => classes[i]).OrderBy(g => g.Key).Select(g => g.ToArray()).ToArray();
        foreach (var members in perClass) random.Shuffle(members);
        random.Shuffle(perClass);
        var taken = new List<int>(m);
        for (var position = 0; taken.Count < m; position++)
            taken.AddRange(perClass.Where(members => position < members.Length).Select(members => members[position]).Take(m - taken.Count));
        return taken.ToArray();
    }
}
