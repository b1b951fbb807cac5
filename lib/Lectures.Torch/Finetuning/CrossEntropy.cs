using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// SFT: J_i = -CE(p(.|x_i), y_i) = ln p(y_i|x_i) on the target labels, with dJ_i/dz = (e_{y_i} - p) / tau; either on
/// every training input or on a seeded random fraction of them (the cheap fix: SFT on 1% of the labelled inputs).
/// </summary>
public sealed class CrossEntropy : PolicyObjective
{
    readonly double fraction;
    readonly int seed;

    /// <summary>SFT on all training inputs.</summary>
    public CrossEntropy() : this(1.0, 0) { }

    /// <summary>SFT on round(fraction * n) inputs (at least 1) chosen uniformly with <c>new Random(seed)</c>.</summary>
    public CrossEntropy(double fraction, int seed)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentException($"Labelled fraction {fraction} is out of range: expected 0 < fraction <= 1.", nameof(fraction));
        this.fraction = fraction;
        this.seed = seed;
    }

    /// <inheritdoc />
    public override string Name => fraction == 1.0 ? "SFT" : $"SFT on {fraction:P0} of inputs";

    /// <inheritdoc />
    public override Tensor InputGradients(Tensor logits, double temperature, TrainingBatch batch, int step)
    {
        using var scope = NewDisposeScope();
        return ((batch.Targets - Policy.Probabilities(logits, temperature)) / temperature).MoveToOuterDisposeScope();
    }

    /// <summary>w_i = 1/|S| on the labelled subset S, 0 elsewhere.</summary>
    public override Tensor Weights(TrainingBatch batch)
    {
        var labelled = LabelledInputs(batch.Count);
        var w = new double[batch.Count];
        foreach (var i in labelled) w[i] = 1.0 / labelled.Length;
        return tensor(w, new long[] { batch.Count, 1 }, batch.DType);
    }

    /// <summary>The labelled subset S: all of 0..n-1, or the first round(fraction * n) of a seeded shuffle.</summary>
    public int[] LabelledInputs(int count)
    {
        var order = Enumerable.Range(0, count).ToArray();
        if (fraction == 1.0) return order;
        new Random(seed).Shuffle(order);
        return order[..Math.Max(1, (int)Math.Round(fraction * count))];
    }
}
