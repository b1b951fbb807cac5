namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The benefit of full SFT before RFT that a cheap SFT phase recovers, over seeds s: per seed
/// b_s = (V_cheap→RFT,s - V_RFT,s) / (V_full→RFT,s - V_RFT,s); <see cref="Mean"/> and <see cref="Std"/> are the mean and
/// sample std of b_s, <see cref="DenominatorMean"/> and <see cref="DenominatorStd"/> those of d_s = V_full→RFT,s - V_RFT,s.
/// The ratio means something only where the benefit is clear of noise: <see cref="Shown"/> when mean(d) &gt; 2 std(d).
/// </summary>
public sealed record BenefitRecovered(double Mean, double Std, double DenominatorMean, double DenominatorStd)
{
    /// <summary>mean(d) &gt; 2 std(d): the benefit of full SFT over RFT alone is larger than twice its seed spread.</summary>
    public bool Shown => DenominatorMean > 2 * DenominatorStd;

    /// <summary>The benefit recovered from per-seed test rewards of RFT alone, full SFT then RFT and cheap SFT then RFT (one value per seed each).</summary>
    public static BenefitRecovered Of(IReadOnlyList<double> rft, IReadOnlyList<double> full, IReadOnlyList<double> cheap)
    {
        ArgumentNullException.ThrowIfNull(rft);
        ArgumentNullException.ThrowIfNull(full);
        ArgumentNullException.ThrowIfNull(cheap);
        if (rft.Count == 0 || full.Count != rft.Count || cheap.Count != rft.Count)
            throw new ArgumentException($"The benefit recovered needs one value per seed of each run; got {rft.Count} RFT, {full.Count} full and {cheap.Count} cheap values.");
        var denominators = rft.Zip(full, (r, f) => f - r).ToArray();
        var ratios = denominators.Select((d, s) => (cheap[s] - rft[s]) / d).ToArray();
        var (mean, std) = Statistics.MeanAndStd(ratios);
        var (dMean, dStd) = Statistics.MeanAndStd(denominators);
        return new(mean, std, dMean, dStd);
    }

    /// <summary>"0.62 ± 0.10" when <see cref="Shown"/>, else "—".</summary>
    public override string ToString() =>
        Shown ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{Mean:F2} ± {Std:F2}") : "—";
}
