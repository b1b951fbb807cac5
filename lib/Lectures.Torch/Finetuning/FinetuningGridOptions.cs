namespace Lectures.Torch.Finetuning;

/// <summary>The grid part of a controlled experiment: every method runs at each (seed, relabelling rule, reward variant, optimiser).</summary>
public sealed record FinetuningGridOptions
{
    /// <summary>
    /// The optimisers compared (each with its base learning rate): SGD lr 0.5 and Adam lr 1e-3, at which SFT fits the
    /// relabelled inputs in the budget (100% train accuracy after 1500 steps on every seed, 95% by step 380-420 on random
    /// inputs; at 1e-4 it ended at a mean reward of -0.577, so that arm compared nothing).
    /// </summary>
    public IReadOnlyList<OptimizerOptions> Optimizers { get; init; } = [new(OptimizerKind.Sgd, 0.5), new(OptimizerKind.Adam, 1e-3)];

    /// <summary>Rewards of a wrong answer on a modified input: -1 (main) and 0.5 (variant).</summary>
    public IReadOnlyList<double> WrongRewardsOnModified { get; init; } = [-1.0, 0.5];

    /// <summary>
    /// The relabelling rules of the finetuning task: random inputs, each with its own new label (the original study's
    /// task), and whole classes with one new label each (where a few labelled examples can teach the rule).
    /// </summary>
    public IReadOnlyList<Relabelling> Relabellings { get; init; } = [Relabelling.RandomInputs, Relabelling.WholeClass];

    /// <summary>Seeds; each gives its own split, label sets, pretrained model, task and samples.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = [0, 1, 2];

    /// <summary>
    /// The optimisers the sweep of SFT phases runs with (on every seed and relabelling rule): SGD only, to keep the sweep
    /// within the machine's budget.
    /// </summary>
    public IReadOnlyList<OptimizerOptions> SweepOptimizers { get; init; } = [new(OptimizerKind.Sgd, 0.5)];

    /// <summary>The rewards of a wrong answer on a modified input the sweep of SFT phases runs with: -1 only.</summary>
    public IReadOnlyList<double> SweepWrongRewardsOnModified { get; init; } = [-1.0];

    /// <summary>The number of grid cells per method: seeds x relabelling rules x reward variants x optimisers.</summary>
    public int Count => Seeds.Count * Relabellings.Count * WrongRewardsOnModified.Count * Optimizers.Count;

    /// <summary>Whether the sweep of SFT phases runs in the cell of <paramref name="optimizer"/> and <paramref name="wrongRewardOnModified"/>.</summary>
    public bool SweepsIn(OptimizerOptions optimizer, double wrongRewardOnModified) =>
        SweepOptimizers.Contains(optimizer) && SweepWrongRewardsOnModified.Contains(wrongRewardOnModified);
}
