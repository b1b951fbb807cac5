namespace Lectures.Torch.LanguageModel;

/// <summary>
/// The rule that ends the full SFT phase, fed one training loss per evaluation: an evaluation improves when its loss
/// L &lt; L_best - delta (L_best the lowest loss before it, delta = <see cref="SftPlateauOptions.MinImprovement"/>); the phase has plateaued after
/// <see cref="SftPlateauOptions.Patience"/> evaluations in a row without improvement, or once
/// <see cref="SftPlateauOptions.MaxSteps"/> steps are done.
/// </summary>
public sealed class SftPlateau
{
    readonly SftPlateauOptions options;
    double best = double.PositiveInfinity;
    int withoutImprovement;

    /// <summary>A rule with nothing observed yet.</summary>
    public SftPlateau(SftPlateauOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Every < 1 || options.Patience < 1 || options.MaxSteps < options.Every || !(options.MinImprovement >= 0))
            throw new ArgumentException($"The SFT plateau rule needs Every >= 1, Patience >= 1, MaxSteps >= Every and MinImprovement >= 0; got {options}.", nameof(options));
        this.options = options;
    }

    /// <summary>Steps taken when the rule said stop (0 until then).</summary>
    public int StoppedAt { get; private set; }

    /// <summary>Observes the training loss after <paramref name="step"/> steps; true when the phase stops here.</summary>
    public bool Stops(int step, double loss)
    {
        if (double.IsNaN(loss)) throw new ArgumentException($"The SFT training loss after {step} steps is NaN.", nameof(loss));
        if (loss < best - options.MinImprovement)
        {
            best = loss;
            withoutImprovement = 0;
        }
        else withoutImprovement++;
        if (withoutImprovement < options.Patience && step < options.MaxSteps) return false;
        StoppedAt = step;
        return true;
    }

    /// <summary>The steps the rule runs on a loss sequence evaluated every <see cref="SftPlateauOptions.Every"/> steps (losses[i] after (i + 1) * Every steps); 0 if it never stops within the sequence.</summary>
    public static int StepsFor(SftPlateauOptions options, IEnumerable<double> losses)
    {
        var rule = new SftPlateau(options);
        var step = 0;
        foreach (var loss in losses)
            if (rule.Stops(step += options.Every, loss)) return step;
        return 0;
    }
}
