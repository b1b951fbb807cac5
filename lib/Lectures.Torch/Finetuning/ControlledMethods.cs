using System.Globalization;
using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The methods of the controlled experiments, each on the step budget B = <see cref="ControlledMethodSettings.Steps"/>:
/// exact RFT, REINFORCE, SFT, a full SFT phase then RFT, the cheap fix (SFT on a small fraction for a few steps at a
/// reduced rate, then RFT), and the heuristics (RFT with lr x m, with temperature tau, with entropy bonus beta).
/// </summary>
public sealed record ControlledMethods(FinetuningMethod Rft, FinetuningMethod Reinforce, FinetuningMethod Sft, FinetuningMethod SftThenRft,
    FinetuningMethod CheapSftThenRft, IReadOnlyList<FinetuningMethod> Heuristics)
{
    /// <summary>The methods of <paramref name="options"/>.</summary>
    public static ControlledMethods For(ControlledExperimentOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var m = options.Methods;
        var steps = m.Steps;
        return new ControlledMethods(
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

    /// <summary>Every method in grid order: RFT, REINFORCE, SFT, SFT then RFT, the cheap fix, the heuristics.</summary>
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

    /// <summary>
    /// The name the kit gave <paramref name="method"/> before names were built from the phases ("SFT then RFT",
    /// "1% SFT then RFT", "RFT, lr x10", ...; its name if unchanged), so that run folders recorded then still resume.
    /// </summary>
    public string EarlierName(FinetuningMethod method) => EarlierNames().FirstOrDefault(pair => pair.Today == method.Name).Earlier ?? method.Name;

    IEnumerable<(string Earlier, string Today)> EarlierNames()
    {
        yield return ("SFT then RFT", SftThenRft.Name);
        yield return ("1% SFT then RFT", CheapSftThenRft.Name);
        foreach (var h in Heuristics)
        {
            var p = h.Phases[0];
            var setting = p.LearningRateScale != 1 ? $"lr x{G(p.LearningRateScale)}"
                : p.Temperature != 1 ? $"temperature {G(p.Temperature)}" : $"entropy {G(p.EntropyBonus)}";
            yield return ("RFT, " + setting, h.Name);
        }
    }

    static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);
}
