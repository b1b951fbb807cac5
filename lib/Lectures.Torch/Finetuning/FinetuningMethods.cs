using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The methods of the controlled experiments, each on the step budget B = <see cref="FinetuningMethodOptions.Steps"/>:
/// exact RFT, REINFORCE, SFT, a full SFT phase then RFT, the cheap SFT phase (SFT on a small stratified fraction for a few
/// steps at a reduced rate, then RFT), the heuristics (RFT with lr x m, with temperature tau, with entropy bonus beta), and
/// the sweep of SFT phases (SFT on a uniform fraction f for round(s x the full phase's steps) steps at the base rate, then
/// RFT), one per (f, s).
/// </summary>
public sealed record FinetuningMethods(FinetuningMethod Rft, FinetuningMethod Reinforce, FinetuningMethod Sft, FinetuningMethod SftThenRft,
    FinetuningMethod CheapSftThenRft, IReadOnlyList<FinetuningMethod> Heuristics, IReadOnlyList<SweepMethod> Sweep)
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
            ],
            [
                .. m.SweepFractions.SelectMany(f => m.SweepStepShares.Select(s =>
                {
                    var sftSteps = Math.Max(1, (int)Math.Round(s * m.SftPhaseSteps));
                    return new SweepMethod(f, s, new FinetuningMethod(MethodPhase.Sft(sftSteps, f, LabelledSample.Uniform), MethodPhase.Rft(steps - sftSteps)));
                })),
            ]);
    }

    /// <summary>
    /// Every method in grid order: RFT, REINFORCE, SFT, SFT then RFT, the cheap SFT phase, the heuristics, then the sweep's
    /// methods that are not among them (the sweep's f = 1, s = 1 is SFT then RFT).
    /// </summary>
    public IReadOnlyList<FinetuningMethod> All
    {
        get
        {
            var earlier = Earlier;
            return [.. earlier, .. Sweep.Select(s => s.Method).Where(m => earlier.All(e => e.Name != m.Name))];
        }
    }

    /// <summary>The methods before the sweep: RFT, REINFORCE, SFT, SFT then RFT, the cheap SFT phase, the heuristics.</summary>
    IReadOnlyList<FinetuningMethod> Earlier => [Rft, Reinforce, Sft, SftThenRft, CheapSftThenRft, .. Heuristics];

    /// <summary>
    /// The methods of <paramref name="chosen"/> that run in the grid cell of <paramref name="optimizer"/> and
    /// <paramref name="wrongRewardOnModified"/>: all of them where the sweep runs (<see cref="FinetuningGridOptions.SweepsIn"/>),
    /// else all but the sweep's own methods (the sweep's f = 1, s = 1 is SFT then RFT and runs everywhere).
    /// </summary>
    public IReadOnlyList<FinetuningMethod> InCell(IReadOnlyList<FinetuningMethod> chosen, FinetuningGridOptions grid, OptimizerOptions optimizer, double wrongRewardOnModified)
    {
        ArgumentNullException.ThrowIfNull(chosen);
        ArgumentNullException.ThrowIfNull(grid);
        if (grid.SweepsIn(optimizer, wrongRewardOnModified)) return chosen;
        var earlier = Earlier;
        return chosen.Where(m => earlier.Any(e => e.Name == m.Name)).ToList();
    }

    /// <summary>
    /// The sweep's points in one (optimiser, task) cell of <paramref name="outcomes"/>: per sweep method that has an
    /// outcome there, its labelled fraction, SFT steps and the final mean reward V of <paramref name="group"/>
    /// (<see cref="FinetuningTrainer.SmallStdGroup"/> or <see cref="FinetuningTrainer.AllGroup"/>), mean ± std over seeds.
    /// </summary>
    public IReadOnlyList<SweepPoint> SweepPoints(IReadOnlyList<MethodOutcome> outcomes, string optimizer, string task, string group)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        if (group is not (FinetuningTrainer.SmallStdGroup or FinetuningTrainer.AllGroup))
            throw new ArgumentException($"Group '{group}' has no final reward in the outcomes: expected '{FinetuningTrainer.SmallStdGroup}' or '{FinetuningTrainer.AllGroup}'.", nameof(group));
        return Sweep.Select(s => (Cell: s, Outcome: outcomes.FirstOrDefault(o => o.Optimizer == optimizer && o.Task == task && o.Method == s.Method.Name)))
            .Where(p => p.Outcome is not null)
            .Select(p => group == FinetuningTrainer.SmallStdGroup
                ? new SweepPoint(p.Cell.Fraction, p.Cell.SftSteps, p.Outcome!.SmallStdRewardMean, p.Outcome.SmallStdRewardStd, p.Outcome.Seeds)
                : new SweepPoint(p.Cell.Fraction, p.Cell.SftSteps, p.Outcome!.AllRewardMean, p.Outcome.AllRewardStd, p.Outcome.Seeds))
            .ToList();
    }

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
