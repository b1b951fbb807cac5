using Lectures.Data;
using Lectures.Torch.Experiments;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The settings of a controlled finetuning experiment (perfect exploration), built from parts: the task (data, split,
/// label sets), the model (hidden sizes), pretraining, the methods, the grid, and the runtime (precision, threads,
/// logging). The training inputs are standardised (one pixel mean and std over the training set) before pretraining.
/// </summary>
public sealed record FinetuningOptions : IExperimentOptions
{
    /// <summary>The data, split, label sets and relabelled fraction.</summary>
    public LabelSetTaskOptions Task { get; init; } = new();

    /// <summary>Hidden layer widths of the MLP (input and output sizes come from the data): 128-64 for digits, 250-100 for MNIST.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = [128, 64];

    /// <summary>Label-set pretraining.</summary>
    public PretrainingOptions Pretraining { get; init; } = new();

    /// <summary>The step budget, the SFT phases, the heuristics and which methods run.</summary>
    public FinetuningMethodOptions Methods { get; init; } = new();

    /// <summary>Seeds, relabelling rules, reward variants and optimisers.</summary>
    public FinetuningGridOptions Grid { get; init; } = new();

    /// <summary>
    /// Train in single precision (float32; about 4x faster on CPU) instead of double; probabilities down to 1e-30 are
    /// still represented, so the small-std inputs keep their tiny but nonzero gradients.
    /// </summary>
    public bool SinglePrecision { get; init; } = true;

    /// <summary>Torch CPU threads during the run (restored after); 1 is fastest for these small matrices on a shared machine.</summary>
    public int Threads { get; init; } = 1;

    /// <summary>Log every this many steps (and the last step).</summary>
    public int LogEvery { get; init; } = 10;

    /// <summary>An input has small reward std when STD(x) is below this.</summary>
    public double SmallStdThreshold { get; init; } = 0.1;

    /// <summary>The full grid: every method, both optimisers, both relabelling rules, both reward variants, 3 seeds.</summary>
    public static FinetuningOptions Standard => new();

    /// <summary>The original study's size on MNIST: MLP 784-250-100-10 and 1000 training inputs from <paramref name="mnist"/> (e.g. <see cref="Lectures.Data.Mnist.Load"/>).</summary>
    public static FinetuningOptions ForMnist(LabelledImages mnist) => new() { Task = new LabelSetTaskOptions(mnist), HiddenSizes = [250, 100] };

    /// <summary>
    /// A reduced setting for notebooks: one seed, SGD, random inputs relabelled, rewards -1, 500 pretraining steps and
    /// a budget of 800 steps (SFT phase 500).
    /// </summary>
    public static FinetuningOptions Reduced => new()
    {
        Pretraining = new PretrainingOptions(Steps: 500),
        Methods = new FinetuningMethodOptions { Steps = 800, SftPhaseSteps = 500 },
        Grid = new FinetuningGridOptions
        {
            Seeds = [0],
            Optimizers = [new OptimizerOptions(OptimizerKind.Sgd, 0.5)],
            Relabellings = [Relabelling.RandomInputs],
            WrongRewardsOnModified = [-1.0],
        },
    };

    /// <summary>
    /// The sweep of SFT phases on its own, the part of <see cref="Standard"/> that fits a loaded shared machine: rewards -1,
    /// both relabelling rules, 3 seeds; with SGD the sweep's 12 cells besides RFT and SFT, with Adam only RFT, SFT and SFT
    /// then RFT (the Adam arm's fit); 102 runs, each with the numbers it has in the full grid.
    /// </summary>
    public static FinetuningOptions SweepPart
    {
        get
        {
            var standard = Standard with { Grid = Standard.Grid with { WrongRewardsOnModified = [-1.0] } };
            var methods = FinetuningMethods.For(standard);
            return standard with
            {
                Methods = standard.Methods with { Chosen = [methods.Rft.Name, methods.Sft.Name, .. methods.Sweep.Select(s => s.Method.Name)] },
            };
        }
    }

    /// <summary>
    /// The one check of the settings, made before anything runs: phases within the step budget, sweep fractions in (0, 1], a non-empty grid, at
    /// least one thread, and a test set left by the split of <see cref="LabelSetTaskOptions.Data"/> (or the embedded
    /// digits). The method names are checked where the methods are chosen (<see cref="FinetuningMethods.Chosen"/>).
    /// </summary>
    public void Validate()
    {
        var m = Methods;
        if (m.Steps < 1 || m.SftPhaseSteps < 0 || m.CheapSftSteps < 0 || m.SftPhaseSteps > m.Steps || m.CheapSftSteps > m.Steps)
            throw new ArgumentException(
                $"Step budget {m.Steps} with SFT phases of {m.SftPhaseSteps} and {m.CheapSftSteps} steps is invalid: expected phases within the budget.");
        if (m.SweepFractions.Any(f => !(f > 0 && f <= 1)) || m.SweepStepShares.Any(s => !(s > 0 && Math.Round(s * m.SftPhaseSteps) <= m.Steps)))
            throw new ArgumentException(
                $"Sweep of labelled fractions [{string.Join(", ", m.SweepFractions)}] and step shares [{string.Join(", ", m.SweepStepShares)}] is invalid: " +
                $"expected fractions in (0, 1] and shares s > 0 with s x {m.SftPhaseSteps} SFT steps within the budget of {m.Steps}.");
        if (Grid.Count == 0 || Grid.Optimizers.Count == 0)
            throw new ArgumentException("The grid is empty: expected at least one seed, optimiser, relabelling rule and reward variant.");
        if (Threads < 1)
            throw new ArgumentException($"Threads {Threads} is invalid: expected at least 1.");
        var count = (Task.Data ?? Digits.Load()).Count;
        if (Task.TrainCount >= count)
            throw new ArgumentException($"TrainCount {Task.TrainCount} is too large: the data has {count} inputs and the test set needs at least one.");
    }

    /// <summary>The settings as the journal records them, under the earlier flat names (<see cref="JournalMigrations.Settings(FinetuningOptions)"/>).</summary>
    public IReadOnlyList<(string Name, string Value)> Settings() => JournalMigrations.Settings(this);
}
