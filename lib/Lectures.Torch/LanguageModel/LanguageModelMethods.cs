using Lectures.Finetuning;

namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The methods of the language-model experiment, F = <see cref="LanguageModelFinetuningOptions.Steps"/>: SFT
/// and RFT (PPO) for F steps, REINFORCE for F steps, SFT on every labelled input for
/// <see cref="LanguageModelMethodOptions.InitialSftSteps"/> steps then PPO for F steps, and SFT on the
/// <see cref="LanguageModelMethodOptions.CheapSftFraction"/> for <see cref="LanguageModelMethodOptions.CheapSftSteps"/>
/// steps then PPO for F steps.
/// </summary>
public sealed record LanguageModelMethods(FinetuningMethod Sft, FinetuningMethod Rft, FinetuningMethod Reinforce, FinetuningMethod SftThenRft,
    FinetuningMethod CheapSftThenRft)
{
    /// <summary>The methods of <paramref name="options"/>.</summary>
    public static LanguageModelMethods For(LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var steps = options.Finetuning.Steps;
        return new(
            new FinetuningMethod(MethodPhase.Sft(steps)),
            new FinetuningMethod(MethodPhase.Rft(steps, RewardGradient.Ppo)),
            new FinetuningMethod(MethodPhase.Rft(steps, RewardGradient.Reinforce)),
            new FinetuningMethod(MethodPhase.Sft(options.Methods.InitialSftSteps), MethodPhase.Rft(steps, RewardGradient.Ppo)),
            new FinetuningMethod(MethodPhase.Sft(options.Methods.CheapSftSteps, options.Methods.CheapSftFraction), MethodPhase.Rft(steps, RewardGradient.Ppo)));
    }

    /// <summary>The methods <paramref name="options"/> runs on every task, in order: SFT, RFT (PPO), REINFORCE if included, the two SFT-phase methods if included.</summary>
    public IReadOnlyList<FinetuningMethod> Runs(LanguageModelOptions options) =>
    [
        Sft, Rft,
        .. options.Methods.IncludeReinforce ? [Reinforce] : Array.Empty<FinetuningMethod>(),
        .. options.Methods.IncludeSftPhaseRuns ? [SftThenRft, CheapSftThenRft] : Array.Empty<FinetuningMethod>(),
    ];

    /// <summary>The methods' names by role.</summary>
    public LanguageModelRunNames Names => new(Sft.Name, Rft.Name, Reinforce.Name, SftThenRft.Name, CheapSftThenRft.Name);
}
