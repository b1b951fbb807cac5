namespace Lectures.Torch.LanguageModel;

/// <summary>
/// When the full SFT phase of the replication stops (<see cref="SftPlateau"/>): the SFT loss on every training input (nats
/// per output token) is evaluated every <paramref name="Every"/> steps; the phase stops at the first evaluation after
/// which the lowest loss has not fallen by more than <paramref name="MinImprovement"/> for <paramref name="Patience"/>
/// evaluations in a row, or at <paramref name="MaxSteps"/>.
/// </summary>
public sealed record SftPlateauOptions(int Every = 50, double MinImprovement = 0.005, int Patience = 3, int MaxSteps = 4000);
