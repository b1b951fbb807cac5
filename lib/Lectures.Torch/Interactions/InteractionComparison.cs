namespace Lectures.Torch.Interactions;

/// <summary>
/// High against low walk-index placement for one model: mean test accuracies over seeds, their difference and
/// the standard error of the difference SE = sqrt(s_high^2 / n_high + s_low^2 / n_low).
/// </summary>
/// <param name="Model">The architecture.</param>
/// <param name="LowWalkIndex">WI of the low placement.</param>
/// <param name="HighWalkIndex">WI of the high placement.</param>
/// <param name="LowMean">Mean test accuracy, low placement.</param>
/// <param name="HighMean">Mean test accuracy, high placement.</param>
/// <param name="StandardError">Standard error of HighMean - LowMean.</param>
public sealed record InteractionComparison(string Model, long LowWalkIndex, long HighWalkIndex, double LowMean, double HighMean, double StandardError)
{
    /// <summary>HighMean - LowMean.</summary>
    public double Difference => HighMean - LowMean;

    /// <summary>Difference / StandardError (infinite when the standard error is 0 and the difference positive).</summary>
    public double StandardErrors => StandardError > 0 ? Difference / StandardError : Difference > 0 ? double.PositiveInfinity : 0;
}
