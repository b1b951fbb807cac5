namespace Lectures.Torch.Gnn.Training;

/// <summary>
/// Full-batch Adam with early stopping: at most <paramref name="MaxEpochs"/> epochs, stop when validation accuracy
/// has not improved for <paramref name="Patience"/> epochs; the reported test accuracy is the one at the best
/// validation epoch (the first epoch reaching the best validation accuracy).
/// </summary>
/// <param name="LearningRate">Adam step size.</param>
/// <param name="WeightDecay">Adam L2 weight decay (not applied to edge masks).</param>
/// <param name="MaxEpochs">Upper bound on epochs.</param>
/// <param name="Patience">Epochs without a validation improvement before stopping.</param>
public sealed record TrainingOptions(double LearningRate = 5e-4, double WeightDecay = 1e-3, int MaxEpochs = 400, int Patience = 50)
{
    /// <summary>The sparsification experiment's setting for GCN on Cora (benchmarks/RESULTS.md, "Sparsification experiment, GCN on Cora"): lr 5e-4, weight decay 1e-3.</summary>
    public static TrainingOptions Default { get; } = new();

    /// <summary>Throws an ArgumentException naming the first value out of range.</summary>
    public void Validate()
    {
        if (!(LearningRate > 0)) throw new ArgumentException($"The learning rate must be > 0, got {LearningRate}.", nameof(LearningRate));
        if (!(WeightDecay >= 0)) throw new ArgumentException($"The weight decay must be >= 0, got {WeightDecay}.", nameof(WeightDecay));
        if (MaxEpochs < 1) throw new ArgumentException($"MaxEpochs must be >= 1, got {MaxEpochs}.", nameof(MaxEpochs));
        if (Patience < 1) throw new ArgumentException($"Patience must be >= 1, got {Patience}.", nameof(Patience));
    }
}
