using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The methods of the controlled experiments, each on the step budget B = <see cref="FinetuningMethodOptions.Steps"/>:
/// exact RFT, REINFORCE, SFT, a full SFT phase then RFT, the cheap SFT phase (SFT on a small fraction for a few steps at a
/// reduced rate, then RFT), and the heuristics (RFT with lr x m, with temperature tau, with entropy bonus beta).
/// </summary>
public sealed record FinetuningMethods(FinetuningMethod Rft, FinetuningMethod Reinforce, FinetuningMethod Sft, FinetuningMethod SftThenRft,
    FinetuningMethod CheapSftThenRft, IReadOnlyList<FinetuningMethod> Heuristics)
{
    /// <summary>The methods of <paramref name="options"/>.</summary>
    public static FinetuningMethods For(FinetuningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var m = options.Methods;
        var steps = m.Steps;
        return new FinetuningMethods(
            new FinetuningMethod(MethodPhase.Rft(steps)),
            new FinetuningMethod(MethodPhase.Rft(steps, RewardGradient.Reinforce)),
            new FinetuningMethod(MethodPhase.Sft(steps)),
            new FinetuningMethod(MethodPhase.Sft(m.SftPhaseSteps), MethodPhase.Rft(steps - m.SftPhaseSteps)),
            new FinetuningMethod(MethodPhase.Sft(m.CheapSftSteps, m.CheapSftFraction) with { LearningRateScale = m.CheapSftLearningRateScale },
                MethodPhase.Rft(steps - m.CheapSftSteps)),
            [
                .. m.LearningRateMultipliers.Select(x => new FinetuningMethod(MethodPhase.Rft(steps) with { LearningRateScale = x })),
                .. m.Temperatures.Select(t => new FinetuningMethod(MethodPhase.Rft(steps) with { Temperature = t })),
                .. m.EntropyCoefficients.Select(b => new FinetuningMethod(MethodPhase.Rft(steps) with { EntropyBonus = b })),
            ]);
    }

    /// <summary>Every method in grid order: RFT, REINFORCE, SFT, SFT then RFT, the cheap SFT phase, the heuristics.</summary>
    public IReadOnlyList<FinetuningMethod> All => [Rft, Reinforce, Sft, SftThenRft, CheapSftThenRft, .. Heuristics];

    /// <summary>The methods named in <paramref name="names"/>, in grid order (all when null); unknown names are refused, naming them.</summary>
    public IReadOnlyList<FinetuningMethod> Chosen(IReadOnlyList<string>? names)
    {
        if (names is null) return All;
        var unknown = names.Where(name => All.All(m => m.Name != name)).ToArray();
        if (unknown.Length > 0 || names.Count == 0)
            throw new ArgumentException($"Methods [{string.Join(", ", unknown)}] are unknown or none was chosen: expected names among {string.Join(", ", All.Select(m => m.Name))}.", nameof(names));
        return All.Where(m => names.Contains(m.Name)).ToList();
    }
}
