using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// RFT with the exact expected gradient (perfect exploration): J_i = V(x_i) = sum_k p(k|x_i) r(x_i, k), with all K
/// labels enumerated; dV/dz_k = (1/tau) p_k (r_k - V).
/// </summary>
public sealed class ExpectedReward : PolicyObjective
{
    /// <inheritdoc />
    public override string Name => "RFT (exact gradient)";

    /// <inheritdoc />
    public override Tensor InputGradients(Tensor logits, double temperature, TrainingBatch batch, int step) =>
        LogitGradient(logits, batch.Rewards, temperature);

    /// <summary>dV_i/dz_ik = (1/tau) p_ik (r_ik - V_i) with p_i = softmax(z_i / tau) and V_i = sum_k p_ik r_ik.</summary>
    public static Tensor LogitGradient(Tensor logits, Tensor rewards, double temperature)
    {
        using var scope = NewDisposeScope();
        var p = Policy.Probabilities(logits, temperature);
        var v = Policy.ExpectedReward(p, rewards).unsqueeze(1);
        return (p * (rewards - v)).DividedBy(temperature).MoveToOuterDisposeScope();
    }
}
