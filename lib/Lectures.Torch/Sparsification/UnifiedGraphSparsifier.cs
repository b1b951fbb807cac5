using Lectures.Sparsification;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Sparsification;

/// <summary>
/// UGS (unified GNN sparsification, Chen et al. 2021), edge masks only, as a removal-order method. A round trains
/// the GNN from its saved initialisation (the weights torch.manual_seed(seed) gives) on the remaining graph with a
/// trainable mask m_e per remaining edge multiplying its messages, loss = cross-entropy + s1 ||m||_1; then the
/// round-fraction (5%) of the ORIGINAL edge count with the smallest |m_e| (at the best validation epoch) is
/// removed, ties by smaller edge id. Rounds repeat, rewinding to the same initialisation, until every edge is
/// removed; the concatenated rounds are the order. Model-specific: the order depends on the GNN, split and seed.
/// </summary>
public static class UnifiedGraphSparsifier
{
    /// <summary>The share of the original edges removed per round in UGS: 5%.</summary>
    public const double DefaultRoundFraction = 0.05;

    /// <summary>Edges removed per round: max(1, round(fraction * m)) with m the original edge count.</summary>
    public static int EdgesPerRound(int edgeCount, double roundFraction = DefaultRoundFraction)
    {
        if (!(roundFraction is > 0 and <= 1))
            throw new ArgumentOutOfRangeException(nameof(roundFraction), roundFraction, $"The fraction removed per round must be in (0, 1], got {roundFraction}.");
        return Math.Max(1, (int)Math.Round(roundFraction * edgeCount, MidpointRounding.AwayFromZero));
    }

    /// <summary>
    /// The full UGS removal order of <paramref name="task"/>'s graph for the given model, training and seed.
    /// Progress reports the fraction of edges ordered after each round.
    /// </summary>
    public static RemovalOrder Order(VertexClassification task, GnnOptions spec, TrainingOptions options, int seed,
        EdgeMaskTraining? mask = null, double roundFraction = DefaultRoundFraction, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(task);
        if (task.Graph.EdgeCount == 0)
            throw new ArgumentException($"The graph has no edges to remove ({task.Graph}); a removal order needs at least one edge.", nameof(task));
        var m = task.Graph.EdgeCount;
        var order = new List<int>(m);
        while (order.Count < m)
        {
            order.AddRange(Round(task, spec, options, seed, order, mask, roundFraction));
            progress?.Report(order.Count / (double)m);
        }
        return new RemovalOrder($"UGS ({GnnOptions.Name(spec.Architecture)}, seed {seed})", task.Graph, order);
    }

    /// <summary>
    /// One UGS round: with the edges in <paramref name="removed"/> already gone, trains mask and weights from the
    /// saved initialisation and returns the next edges to remove (ids of the task's graph, smallest |m_e| first):
    /// EdgesPerRound(m) of them, or all remaining when fewer are left.
    /// </summary>
    public static int[] Round(VertexClassification task, GnnOptions spec, TrainingOptions options, int seed, IReadOnlyCollection<int> removed,
        EdgeMaskTraining? mask = null, double roundFraction = DefaultRoundFraction)
    {
        ArgumentNullException.ThrowIfNull(task);
        ArgumentNullException.ThrowIfNull(removed);
        var graph = task.Graph;
        var take = EdgesPerRound(graph.EdgeCount, roundFraction);
        var gone = new bool[graph.EdgeCount];
        foreach (var id in removed) gone[id] = true;
        // The remaining graph's edge ids are the kept original ids in ascending order (both lexicographic).
        var remaining = Enumerable.Range(0, graph.EdgeCount).Where(id => !gone[id]).ToArray();
        if (remaining.Length <= take) return remaining;
        using var messages = MessageGraph.From(graph.RemoveEdges(removed));
        var (_, trained) = task.Fit(messages, spec, options, seed, mask ?? new EdgeMaskTraining());
        return Enumerable.Range(0, remaining.Length)
            .OrderBy(k => Math.Abs(trained![k])).ThenBy(k => remaining[k])
            .Take(take).Select(k => remaining[k]).ToArray();
    }
}
