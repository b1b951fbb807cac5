namespace Lectures.Finetuning;

/// <summary>
/// One cell of the sweep of SFT phases before RFT: SFT on a <paramref name="Fraction"/> of the labelled inputs for
/// <paramref name="SftSteps"/> steps, then RFT; <paramref name="Mean"/> and <paramref name="StandardDeviation"/> (sample std)
/// over <paramref name="Seeds"/> seeds of a group's final mean reward V.
/// </summary>
public sealed record SweepPoint(double Fraction, int SftSteps, double Mean, double StandardDeviation, int Seeds);
