namespace Lectures.Torch.LanguageModel;

/// <summary>The full SFT phase's SFT loss on every training input after <paramref name="Step"/> steps.</summary>
public sealed record SftLossPoint(int Step, double Loss);

/// <summary>
/// One seed of one task in the replication: the full SFT phase's steps and loss curve, the cheap phase's labelled
/// inputs and its steps per step fraction, and the mean test reward of the pretrained model, of RFT alone, of full SFT
/// then RFT, and of cheap SFT then RFT per step fraction (same order as <paramref name="CheapSftSteps"/>).
/// </summary>
public sealed record LanguageModelReplicationRun(string Task, int Seed, int FullSftSteps, IReadOnlyList<SftLossPoint> FullSftLoss,
    string[] CheapInputs, int[] CheapSftSteps, double PretrainedTestReward, double RftTestReward, double FullSftThenRftTestReward,
    double[] CheapSftThenRftTestReward);
