using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// The spectral baseline (Spielman–Srivastava): sample a full order of the edges without replacement with
/// probability proportional to the effective resistance R_e, then reverse it, so edges with low R_e (well
/// connected around them) tend to be removed first and bridges (R_e = 1) last.
/// </summary>
public static class SpectralSparsifier
{
    /// <summary>
    /// The spectral removal order with R_e from <see cref="EffectiveResistance.Of"/> (exact up to
    /// <see cref="EffectiveResistance.ExactVertexLimit"/> vertices, else random projections), seeded.
    /// </summary>
    public static RemovalOrder Order(Graph graph, int seed, IProgress<double>? progress = null)
    {
        RemovalOrder.CheckHasEdges(graph);
        var exact = graph.VertexCount <= EffectiveResistance.ExactVertexLimit;
        var how = exact ? "exact R_e" : $"approximate R_e, {EffectiveResistance.DefaultProjections} projections";
        return Order(graph, EffectiveResistance.Of(graph, seed, progress), seed, how);
    }

    /// <summary>
    /// The spectral removal order for given resistances (one per edge id): weighted sampling without replacement
    /// (Efraimidis–Spirakis: edge e gets key ln(U_e) / R_e, U_e uniform from new Random(seed); sampled order =
    /// keys descending), reversed.
    /// </summary>
    public static RemovalOrder Order(Graph graph, IReadOnlyList<double> resistances, int seed, string description = "given R_e")
    {
        RemovalOrder.CheckHasEdges(graph);
        ArgumentNullException.ThrowIfNull(resistances);
        if (resistances.Count != graph.EdgeCount)
            throw new ArgumentException($"There are {resistances.Count} resistances, expected one per edge ({graph.EdgeCount}).", nameof(resistances));
        var rng = new Random(seed);
        var keys = new double[graph.EdgeCount];
        for (var id = 0; id < keys.Length; id++)
        {
            var r = resistances[id];
            if (!(r > 0) || double.IsInfinity(r))
                throw new ArgumentException($"Edge {graph.Edges[id]} has resistance {r}; sampling needs finite positive resistances.", nameof(resistances));
            keys[id] = Math.Log(1 - rng.NextDouble()) / r;
        }
        // Removal order = sampled order reversed = keys ascending; equal keys (practically never) by edge id.
        var order = Enumerable.Range(0, keys.Length).OrderBy(id => keys[id]).ThenBy(id => id).ToArray();
        return new RemovalOrder($"spectral ({description}, seed {seed})", graph, order);
    }
}
