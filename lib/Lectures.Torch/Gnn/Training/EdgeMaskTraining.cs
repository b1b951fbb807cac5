namespace Lectures.Torch.Gnn.Training;

/// <summary>
/// How UGS trains its edge mask: m_e initialised to 1 + noise (noise uniform in [-InitialNoise, InitialNoise],
/// drawn with new Random(seed)), loss = cross-entropy + L1 * sum_e |m_e|, optimised by Adam with its own learning rate.
/// </summary>
/// <param name="L1">s1, the weight of ||m||_1 (0.01 in UGS).</param>
/// <param name="LearningRate">Adam step size for the mask.</param>
/// <param name="InitialNoise">Half-width of the uniform noise added to the initial value 1 (breaks ties).</param>
public sealed record EdgeMaskTraining(double L1 = 0.01, double LearningRate = 0.01, double InitialNoise = 1e-3)
{
    /// <summary>m_e = 1 + u_e, u_e uniform in [-InitialNoise, InitialNoise], one per edge (float32).</summary>
    internal float[] Initial(int edgeCount, int seed)
    {
        var rng = new Random(seed);
        return Enumerable.Range(0, edgeCount).Select(_ => (float)(1 + InitialNoise * (2 * rng.NextDouble() - 1))).ToArray();
    }
}
