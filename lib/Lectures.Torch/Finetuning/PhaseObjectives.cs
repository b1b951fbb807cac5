using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The policy objective of a method phase in the controlled experiments: SFT is <see cref="CrossEntropy"/> (on the
/// sample of the phase's fraction, stratified or uniform, drawn with <paramref name="Seed"/>), exact RFT <see cref="ExpectedReward"/>,
/// REINFORCE <see cref="SampledReward"/> with <paramref name="ReinforceSamples"/> samples per input; an entropy bonus
/// beta adds beta H(p) (<see cref="EntropyRegularised"/>).
/// </summary>
public sealed record PhaseObjectives(int ReinforceSamples, int Seed)
{
    /// <summary>The objective of <paramref name="phase"/>; PPO needs sampled sequences and is refused here.</summary>
    public PolicyObjective For(MethodPhase phase)
    {
        ArgumentNullException.ThrowIfNull(phase);
        PolicyObjective objective = phase switch
        {
            { Objective: FinetuningObjective.Sft } => new CrossEntropy(phase.Fraction, Seed, phase.Sample),
            { Estimator: RewardGradient.Exact } => new ExpectedReward(),
            { Estimator: RewardGradient.Reinforce } => new SampledReward(ReinforceSamples, Seed),
            _ => throw new ArgumentException($"Phase '{phase.Name(withSteps: false)}' has no policy objective: PPO needs sampled sequences (the language-model experiment).", nameof(phase)),
        };
        return phase.EntropyBonus == 0 ? objective : objective.WithEntropyBonus(phase.EntropyBonus);
    }
}
