namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The methods part of the language-model experiment (<see cref="LanguageModelMethods.For"/> builds the methods from
/// it): whether REINFORCE and the two SFT-phase methods run (PPO and SFT always do), the steps of the SFT phase on
/// every labelled input, and the labelled fraction and steps of the cheap SFT phase.
/// </summary>
public sealed record LanguageModelMethodOptions(bool IncludeReinforce = true, bool IncludeSftPhaseRuns = true, int InitialSftSteps = 20,
    double CheapSftFraction = 0.1, int CheapSftSteps = 10);
