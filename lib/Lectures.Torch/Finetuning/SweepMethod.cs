using Lectures.Finetuning;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// One cell of the sweep of SFT phases: <paramref name="Method"/> is SFT at the base learning rate on a uniformly random
/// <paramref name="Fraction"/> of the training inputs for round(<paramref name="StepShare"/> x the full SFT phase's steps)
/// steps, then RFT for the rest of the budget.
/// </summary>
public sealed record SweepMethod(double Fraction, double StepShare, FinetuningMethod Method)
{
    /// <summary>The SFT phase's steps (the first phase's).</summary>
    public int SftSteps => Method.Phases[0].Steps;
}
