namespace Lectures.Torch.Finetuning;

/// <summary>The grid part of a controlled experiment: every method runs at each (seed, relabelling rule, reward variant, optimiser).</summary>
public sealed record FinetuningGridOptions
{
    /// <summary>The optimisers compared (each with its base learning rate).</summary>
    public IReadOnlyList<OptimizerOptions> Optimizers { get; init; } = [new(OptimizerKind.Sgd, 0.5), new(OptimizerKind.Adam, 1e-4)];

    /// <summary>Rewards of a wrong answer on a modified input: -1 (main) and 0.5 (variant).</summary>
    public IReadOnlyList<double> WrongRewardsOnModified { get; init; } = [-1.0, 0.5];

    /// <summary>
    /// The relabelling rules of the finetuning task: random inputs, each with its own new label (the original study's
    /// task), and whole classes with one new label each (where a few labelled examples can teach the rule).
    /// </summary>
    public IReadOnlyList<Relabelling> Relabellings { get; init; } = [Relabelling.RandomInputs, Relabelling.WholeClass];

    /// <summary>Seeds; each gives its own split, label sets, pretrained model, task and samples.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2];

    /// <summary>The number of grid cells per method: seeds x relabelling rules x reward variants x optimisers.</summary>
    public int Count => Seeds.Count * Relabellings.Count * WrongRewardsOnModified.Count * Optimizers.Count;
}
