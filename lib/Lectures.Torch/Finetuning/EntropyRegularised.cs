using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// Entropy regularisation: J_i = J_i^inner + beta H(p_i), H(p) = -sum_k p_k ln p_k, with
/// dH/dz_k = -(1/tau) p_k (ln p_k + H).
/// </summary>
public sealed class EntropyRegularised : PolicyObjective
{
    readonly PolicyObjective inner;
    readonly double beta;

    /// <summary>The objective <paramref name="inner"/> plus beta times the entropy.</summary>
    public EntropyRegularised(PolicyObjective inner, double beta)
    {
        ArgumentNullException.ThrowIfNull(inner);
        if (!(beta > 0))
            throw new ArgumentException($"Entropy coefficient {beta} is invalid: expected beta > 0.", nameof(beta));
        this.inner = inner;
        this.beta = beta;
    }

    /// <inheritdoc />
    public override string Name => $"{inner.Name} + {beta:G3} entropy";

    /// <inheritdoc />
    public override Tensor InputGradients(Tensor logits, double temperature, TrainingBatch batch, int step)
    {
        using var scope = NewDisposeScope();
        var logP = nn.functional.log_softmax(logits.DividedBy(temperature), 1);
        var p = logP.exp();
        var entropy = -(p * logP).sum(1, keepdim: true);
        var entropyGradient = (-p * logP.Plus(entropy)).DividedBy(temperature);
        return inner.InputGradients(logits, temperature, batch, step).Plus(entropyGradient.Times(beta)).MoveToOuterDisposeScope();
    }

    /// <inheritdoc />
    public override Tensor Weights(TrainingBatch batch) => inner.Weights(batch);
}
