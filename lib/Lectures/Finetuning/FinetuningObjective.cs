namespace Lectures.Finetuning;

/// <summary>What gradient flow maximises: RFT the mean expected reward (1/n) sum_i V(x_i), SFT minus the mean
/// cross-entropy -(1/n) sum_i CE(p(.|x_i), y_i).</summary>
public enum FinetuningObjective
{
    /// <summary>Reinforcement finetuning: dz_i/dt = (1/n) p ⊙ (r - V).</summary>
    Rft,

    /// <summary>Supervised finetuning: dz_i/dt = (1/n) (e_{y_i} - p).</summary>
    Sft,
}
