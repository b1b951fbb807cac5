namespace Lectures.Finetuning;

/// <summary>How an RFT phase estimates grad_theta of the expected reward V = E_{y~p}[r(y)].</summary>
public enum RewardGradient
{
    /// <summary>The exact gradient, every output enumerated: dV/dz_k = p_k (r_k - V) (perfect exploration).</summary>
    Exact,

    /// <summary>REINFORCE: (1/m) sum_j (r(y_j) - b_j) grad ln p(y_j), y_j ~ p, leave-one-out baseline b_j.</summary>
    Reinforce,

    /// <summary>PPO: the clipped surrogate min(rho A, clip(rho, 1 - eps, 1 + eps) A), rho = p_theta(y) / p_old(y).</summary>
    Ppo,
}
