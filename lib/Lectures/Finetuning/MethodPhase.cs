using System.Globalization;

namespace Lectures.Finetuning;

/// <summary>
/// One phase of a finetuning method: <see cref="Steps"/> steps maximising <see cref="Objective"/> (RFT with the
/// gradient estimated by <see cref="Estimator"/>, or SFT on a <see cref="Fraction"/> of the labelled inputs drawn as
/// <see cref="Sample"/> says), at the
/// base learning rate times <see cref="LearningRateScale"/>, with the training policy softmax(z / <see cref="Temperature"/>)
/// and <see cref="EntropyBonus"/> beta times the policy entropy added to the objective.
/// </summary>
public sealed record MethodPhase
{
    MethodPhase(FinetuningObjective objective, int steps)
    {
        if (steps < 0)
            throw new ArgumentException($"A phase of {steps} steps is invalid: expected steps >= 0.", nameof(steps));
        Objective = objective;
        Steps = steps;
    }

    /// <summary>RFT or SFT.</summary>
    public FinetuningObjective Objective { get; }

    /// <summary>Training steps of the phase.</summary>
    public int Steps { get; }

    /// <summary>How the RFT gradient is estimated (RFT only).</summary>
    public RewardGradient Estimator { get; private init; }

    /// <summary>Fraction of the labelled inputs SFT trains on (SFT only; 1 = all).</summary>
    public double Fraction { get; private init; } = 1;

    /// <summary>How the labelled subset of a fraction below 1 is drawn (SFT only; <see cref="LabelledSample.Stratified"/> when the fraction is 1).</summary>
    public LabelledSample Sample { get; private init; }

    /// <summary>The learning rate as a multiple of the base rate.</summary>
    public double LearningRateScale { get; init; } = 1;

    /// <summary>The training temperature tau of softmax(z / tau).</summary>
    public double Temperature { get; init; } = 1;

    /// <summary>The entropy coefficient beta of J + beta H(p); 0 adds nothing.</summary>
    public double EntropyBonus { get; init; }

    /// <summary>RFT for <paramref name="steps"/> steps with the gradient estimated by <paramref name="estimator"/>.</summary>
    public static MethodPhase Rft(int steps, RewardGradient estimator = RewardGradient.Exact) =>
        new(FinetuningObjective.Rft, steps) { Estimator = estimator };

    /// <summary>
    /// SFT for <paramref name="steps"/> steps on a <paramref name="fraction"/> (0 &lt; fraction &lt;= 1) of the labelled
    /// inputs, drawn as <paramref name="sample"/> says.
    /// </summary>
    public static MethodPhase Sft(int steps, double fraction = 1, LabelledSample sample = LabelledSample.Stratified)
    {
        if (!(fraction > 0 && fraction <= 1))
            throw new ArgumentException($"Labelled fraction {fraction} is out of range: expected 0 < fraction <= 1.", nameof(fraction));
        if (!Enum.IsDefined(sample))
            throw new ArgumentException($"Labelled sample {sample} is unknown: expected {string.Join(" or ", Enum.GetNames<LabelledSample>())}.", nameof(sample));
        // All inputs are all inputs however they would be drawn: one phase, one name.
        return new(FinetuningObjective.Sft, steps) { Fraction = fraction, Sample = fraction < 1 ? sample : LabelledSample.Stratified };
    }

    /// <summary>
    /// The phase's name: "SFT" (with " on 1%" for a stratified fraction, " on a uniform 1%" for a uniform one) or "RFT (exact gradient)" / "RFT (REINFORCE)" / "RFT (PPO)",
    /// then " for N steps" when <paramref name="withSteps"/>, then ", lr xM", ", temperature T", ", entropy B" for
    /// each setting that differs from 1, 1 and 0.
    /// </summary>
    public string Name(bool withSteps)
    {
        var name = Objective == FinetuningObjective.Sft
            ? "SFT" + (Fraction == 1 ? "" : Sample == LabelledSample.Uniform ? $" on a uniform {G(100 * Fraction)}%" : $" on {G(100 * Fraction)}%")
            : "RFT " + Estimator switch
            {
                RewardGradient.Exact => "(exact gradient)",
                RewardGradient.Reinforce => "(REINFORCE)",
                _ => "(PPO)",
            };
        if (withSteps) name += $" for {Steps} steps";
        if (LearningRateScale != 1) name += $", lr x{G(LearningRateScale)}";
        if (Temperature != 1) name += $", temperature {G(Temperature)}";
        if (EntropyBonus != 0) name += $", entropy {G(EntropyBonus)}";
        return name;
    }

    static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
