namespace Lectures.Torch.Finetuning;

/// <summary>The methods of the controlled experiments, all on the same step budget.</summary>
public static class ControlledMethods
{
    /// <summary>RFT with the exact expected gradient.</summary>
    public const string Rft = "RFT (exact gradient)";

    /// <summary>RFT with sampled REINFORCE.</summary>
    public const string Reinforce = "RFT (REINFORCE)";

    /// <summary>SFT on the new labels for the whole budget.</summary>
    public const string Sft = "SFT";

    /// <summary>Full SFT phase, then exact-gradient RFT.</summary>
    public const string SftThenRft = "SFT then RFT";

    /// <summary>The cheap fix: a short SFT phase on a small fraction of the labelled inputs, then RFT.</summary>
    public const string CheapSftThenRft = "1% SFT then RFT";

    /// <summary>The heuristics' name prefix: every method whose name starts with it is a heuristic.</summary>
    public const string HeuristicPrefix = "RFT, ";

    /// <summary>
    /// RFT, REINFORCE, SFT, SFT then RFT, the cheap fix, and the heuristics (RFT with lr x m, with temperature tau,
    /// with entropy bonus beta), each on <see cref="ControlledExperimentOptions.Steps"/> steps; only those named in
    /// <see cref="ControlledExperimentOptions.Methods"/> when it is set.
    /// </summary>
    public static IReadOnlyList<FinetuningMethod> All(ControlledExperimentOptions options, int seed)
    {
        var steps = options.Steps;
        var rft = new ExpectedReward();
        var methods = new List<FinetuningMethod>
        {
            FinetuningMethod.Single(Rft, rft, steps),
            FinetuningMethod.Single(Reinforce, new SampledReward(options.ReinforceSamples, seed), steps),
            FinetuningMethod.Single(Sft, new CrossEntropy(), steps),
            new(SftThenRft, new[] { new FinetuningPhase(new CrossEntropy(), options.SftPhaseSteps), new FinetuningPhase(rft, steps - options.SftPhaseSteps) }),
            new(CheapSftThenRft, new[]
            {
                new FinetuningPhase(new CrossEntropy(options.CheapSftFraction, seed), options.CheapSftSteps, options.CheapSftLearningRateScale),
                new FinetuningPhase(rft, steps - options.CheapSftSteps),
            }),
        };
        methods.AddRange(options.LearningRateMultipliers.Select(m => FinetuningMethod.Single($"{HeuristicPrefix}lr x{m:G3}", rft, steps, learningRateScale: m)));
        methods.AddRange(options.Temperatures.Select(t => FinetuningMethod.Single($"{HeuristicPrefix}temperature {t:G3}", rft, steps, temperature: t)));
        methods.AddRange(options.EntropyCoefficients.Select(b => FinetuningMethod.Single($"{HeuristicPrefix}entropy {b:G3}", rft.WithEntropyBonus(b), steps)));
        if (options.Methods is null) return methods;
        var unknown = options.Methods.Where(name => methods.All(m => m.Name != name)).ToArray();
        if (unknown.Length > 0 || options.Methods.Count == 0)
            throw new ArgumentException($"Methods [{string.Join(", ", unknown)}] are unknown or none was chosen: expected names among {string.Join(", ", methods.Select(m => m.Name))}.", nameof(options));
        return methods.Where(m => options.Methods.Contains(m.Name)).ToList();
    }
}
