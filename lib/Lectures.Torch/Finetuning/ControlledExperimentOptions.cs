using Lectures.Data;
using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The settings of a controlled finetuning experiment (perfect exploration): data, model, pretraining, finetuning
/// tasks, step budget, optimisers, reward variants, seeds and the heuristics' parameters. The training inputs are
/// standardised (one pixel mean and std over the training set) before pretraining.
/// </summary>
public sealed record ControlledExperimentOptions
{
    /// <summary>The data set; null means the embedded digits (<see cref="Digits.Load()"/>).</summary>
    public LabelledImages? Data { get; init; }

    /// <summary>Training inputs drawn by the seeded split (the rest are the test set).</summary>
    public int TrainCount { get; init; } = 1000;

    /// <summary>Hidden layer widths of the MLP (input and output sizes come from the data): 128-64 for digits, 250-100 for MNIST.</summary>
    public IReadOnlyList<int> HiddenSizes { get; init; } = new[] { 128, 64 };

    /// <summary>Labels per class in pretraining (k).</summary>
    public int LabelSetSize { get; init; } = 5;

    /// <summary>Fraction of training inputs that get a new label outside their set.</summary>
    public double ModifiedFraction { get; init; } = 0.1;

    /// <summary>Full-batch Adam steps of label-set pretraining.</summary>
    public int PretrainSteps { get; init; } = 1000;

    /// <summary>Adam learning rate of pretraining.</summary>
    public double PretrainLearningRate { get; init; } = 3e-3;

    /// <summary>The finetuning step budget, the same for every method (phases included).</summary>
    public int Steps { get; init; } = 1500;

    /// <summary>Steps of the initial full SFT phase in "SFT then RFT".</summary>
    public int SftPhaseSteps { get; init; } = 500;

    /// <summary>Steps of the initial SFT phase of the cheap fix.</summary>
    public int CheapSftSteps { get; init; } = 5;

    /// <summary>
    /// The cheap fix's SFT learning rate as a multiple of the base rate. Its loss is the mean over |S| inputs, so each of
    /// them gets n / |S| times the step it gets in full SFT: at the base rate, 5 steps on 10 of 1000 digits left half
    /// of all inputs confidently wrong; at 0.1 the phase lifts what it can and breaks nothing.
    /// </summary>
    public double CheapSftLearningRateScale { get; init; } = 0.1;

    /// <summary>Fraction of the labelled training inputs the cheap fix trains on (a sample stratified by class).</summary>
    public double CheapSftFraction { get; init; } = 0.01;

    /// <summary>The optimisers compared (each with its base learning rate).</summary>
    public IReadOnlyList<OptimizerSetting> Optimizers { get; init; } =
        new[] { new OptimizerSetting(OptimizerKind.Sgd, 0.5), new OptimizerSetting(OptimizerKind.Adam, 1e-4) };

    /// <summary>Rewards of a wrong answer on a modified input: -1 (main) and 0.5 (variant).</summary>
    public IReadOnlyList<double> WrongRewardsOnModified { get; init; } = new[] { -1.0, 0.5 };

    /// <summary>
    /// The relabelling rules of the finetuning task: random inputs, each with its own new label (the original study's
    /// task), and whole classes with one new label each (where a few labelled examples can teach the rule).
    /// </summary>
    public IReadOnlyList<Relabelling> Relabellings { get; init; } = new[] { Relabelling.RandomInputs, Relabelling.WholeClass };

    /// <summary>Seeds; each gives its own split, label sets, pretrained model, task and samples.</summary>
    public IReadOnlyList<int> Seeds { get; init; } = new[] { 0, 1, 2 };

    /// <summary>Learning-rate multipliers tried as heuristics.</summary>
    public IReadOnlyList<double> LearningRateMultipliers { get; init; } = new[] { 10.0, 100.0 };

    /// <summary>Temperatures tau tried as heuristics (training policy softmax(z / tau)).</summary>
    public IReadOnlyList<double> Temperatures { get; init; } = new[] { 2.0, 5.0 };

    /// <summary>Entropy-regularisation coefficients beta tried as heuristics.</summary>
    public IReadOnlyList<double> EntropyCoefficients { get; init; } = new[] { 0.01, 0.1 };

    /// <summary>Samples per input of sampled REINFORCE.</summary>
    public int ReinforceSamples { get; init; } = 4;

    /// <summary>The names of the methods to run (<see cref="FinetuningMethod.Name"/> of <see cref="ControlledMethods.For"/>'s methods); null runs every method.</summary>
    public IReadOnlyList<string>? Methods { get; init; }

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
    public static ControlledExperimentOptions Full => new();

    /// <summary>The original study's size on MNIST: MLP 784-250-100-10 and 1000 training inputs from <paramref name="mnist"/> (e.g. <see cref="Lectures.Data.Mnist.Load"/>).</summary>
    public static ControlledExperimentOptions ForMnist(LabelledImages mnist) => new() { Data = mnist, HiddenSizes = new[] { 250, 100 }, TrainCount = 1000 };

    /// <summary>
    /// A reduced setting for notebooks: one seed, SGD, random inputs relabelled, rewards -1, 500 pretraining steps and
    /// a budget of 800 steps (SFT phase 500).
    /// </summary>
    public static ControlledExperimentOptions Reduced => new()
    {
        PretrainSteps = 500,
        Steps = 800,
        SftPhaseSteps = 500,
        Seeds = new[] { 0 },
        Optimizers = new[] { new OptimizerSetting(OptimizerKind.Sgd, 0.5) },
        Relabellings = new[] { Relabelling.RandomInputs },
        WrongRewardsOnModified = new[] { -1.0 },
    };

    /// <summary>
    /// The one check of the settings, made before anything runs: phases within the step budget, a non-empty grid, at
    /// least one thread, and a test set left by the split (the method names are checked where the methods are made,
    /// <see cref="ControlledMethods.Chosen"/>). Returns the data set (<see cref="Data"/> or the embedded digits).
    /// </summary>
    public LabelledImages Validated()
    {
        if (Steps < 1 || SftPhaseSteps < 0 || CheapSftSteps < 0 || SftPhaseSteps > Steps || CheapSftSteps > Steps)
            throw new ArgumentException(
                $"Step budget {Steps} with SFT phases of {SftPhaseSteps} and {CheapSftSteps} steps is invalid: expected phases within the budget.");
        if (Seeds.Count == 0 || Optimizers.Count == 0 || Relabellings.Count == 0 || WrongRewardsOnModified.Count == 0)
            throw new ArgumentException("The grid is empty: expected at least one seed, optimiser, relabelling rule and reward variant.");
        if (Threads < 1)
            throw new ArgumentException($"Threads {Threads} is invalid: expected at least 1.");
        var data = Data ?? Digits.Load();
        if (TrainCount >= data.Count)
            throw new ArgumentException($"TrainCount {TrainCount} is too large: the data has {data.Count} inputs and the test set needs at least one.");
        return data;
    }
}
