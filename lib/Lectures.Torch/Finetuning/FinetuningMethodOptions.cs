namespace Lectures.Torch.Finetuning;

/// <summary>
/// The methods part of a controlled experiment (<see cref="FinetuningMethods.For"/> builds the methods from it): the
/// step budget B shared by every method, the two SFT phases before RFT, the sweep of SFT phases (labelled fraction x
/// steps), the heuristics' parameters, REINFORCE's samples, and which methods run.
/// </summary>
public sealed record FinetuningMethodOptions
{
    /// <summary>The finetuning step budget B, the same for every method (phases included).</summary>
    public int Steps { get; init; } = 1500;

    /// <summary>Steps of the initial full SFT phase of "SFT then RFT".</summary>
    public int SftPhaseSteps { get; init; } = 500;

    /// <summary>Steps of the initial SFT phase of the cheap SFT phase.</summary>
    public int CheapSftSteps { get; init; } = 5;

    /// <summary>
    /// The cheap SFT phase's learning rate as a multiple of the base rate. Its loss is the mean over |S| inputs, so each of
    /// them gets n / |S| times the step it gets in full SFT: at the base rate, 5 steps on 10 of 1000 digits left half
    /// of all inputs confidently wrong; at 0.1 the phase lifts what it can and breaks nothing.
    /// </summary>
    public double CheapSftLearningRateScale { get; init; } = 0.1;

    /// <summary>Fraction of the labelled training inputs the cheap SFT phase trains on (a sample stratified by class).</summary>
    public double CheapSftFraction { get; init; } = 0.01;

    /// <summary>
    /// Labelled fractions f of the sweep of SFT phases: each is SFT at the base learning rate on a uniformly random
    /// (seeded) f of the training inputs, then RFT for the rest of the budget; empty runs no sweep.
    /// </summary>
    public IReadOnlyList<double> SweepFractions { get; init; } = [0.01, 0.1, 1.0];

    /// <summary>
    /// SFT steps of the sweep as shares s of the full SFT phase: round(s * <see cref="SftPhaseSteps"/>) steps (at least 1);
    /// empty runs no sweep.
    /// </summary>
    public IReadOnlyList<double> SweepStepShares { get; init; } = [0.05, 0.2, 0.4, 1.0];

    /// <summary>Learning-rate multipliers m tried as heuristics.</summary>
    public IReadOnlyList<double> LearningRateMultipliers { get; init; } = [10.0, 100.0];

    /// <summary>Temperatures tau tried as heuristics (training policy softmax(z / tau)).</summary>
    public IReadOnlyList<double> Temperatures { get; init; } = [2.0, 5.0];

    /// <summary>Entropy-regularisation coefficients beta tried as heuristics.</summary>
    public IReadOnlyList<double> EntropyCoefficients { get; init; } = [0.01, 0.1];

    /// <summary>Samples per input of sampled REINFORCE.</summary>
    public int ReinforceSamples { get; init; } = 4;

    /// <summary>The names of the methods to run (<see cref="Lectures.Finetuning.FinetuningMethod.Name"/>); null runs every method.</summary>
    public IReadOnlyList<string>? Chosen { get; init; }

    /// <summary>These settings without heuristics: no learning-rate multiplier, temperature or entropy bonus.</summary>
    public FinetuningMethodOptions WithoutHeuristics() => this with { LearningRateMultipliers = [], Temperatures = [], EntropyCoefficients = [] };

    /// <summary>These settings without the sweep of SFT phases (the methods before issue 27).</summary>
    public FinetuningMethodOptions WithoutSweep() => this with { SweepFractions = [], SweepStepShares = [] };
}
