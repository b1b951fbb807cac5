using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// An objective J = sum_i w_i J_i(z_i) to maximise, given by its per-input gradient dJ_i/dz_i with respect to the
/// logits z_i of the policy p = softmax(z / tau), and the input weights w_i. The trainer back-propagates
/// sum_i w_i dJ_i/dz_i through the network, so every objective shares one training loop.
/// </summary>
public abstract class PolicyObjective
{
    /// <summary>A short name for logs and charts.</summary>
    public abstract string Name { get; }

    /// <summary>The n x K matrix of per-input gradients dJ_i/dz_i at temperature tau (step numbers seed sampling).</summary>
    public abstract Tensor InputGradients(Tensor logits, double temperature, TrainingBatch batch, int step);

    /// <summary>The input weights w_i as an n x 1 column; by default w_i = 1/n (the mean over all inputs).</summary>
    public virtual Tensor Weights(TrainingBatch batch) => ScalarArithmetic.Filled(batch.Count, 1, 1.0 / batch.Count, batch.DType);

    /// <summary>This objective plus beta times the policy entropy H(p) = -sum_k p_k ln p_k of every input.</summary>
    public PolicyObjective WithEntropyBonus(double beta) => new EntropyRegularised(this, beta);
}
