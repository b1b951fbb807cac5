using System.Text;
using Lectures.Graphs;
using Lectures.Walks;

namespace Lectures.Interactions;

/// <summary>One partition's numbers in <see cref="InteractionTable"/>.</summary>
/// <param name="I">The side I of the partition, sorted.</param>
/// <param name="Target">Vertex prediction: the vertex t; graph prediction: null.</param>
/// <param name="BoundarySize">|C_I|.</param>
/// <param name="WalkIndex">WI_{L-1}(I) (graph prediction) or WI_{L-1,t}(I) (vertex prediction).</param>
/// <param name="Sep">The measured lower bound on sep(f; I).</param>
/// <param name="LogSep">log_{D_h} of the measured sep (NaN when D_h = 1 or the rank is 0).</param>
/// <param name="BoundExponent">The upper bound's exponent 4 WI + 1: sep &lt;= D_h^(4 WI + 1).</param>
public sealed record InteractionRow(IReadOnlyList<int> I, int? Target, int BoundarySize, long WalkIndex,
    SeparationRankResult Sep, double LogSep, long BoundExponent)
{
    /// <summary>The measured separation rank (a certified lower bound).</summary>
    public int MeasuredSep => Sep.Rank;

    /// <summary>The partition side as "{0, 1, 2}".</summary>
    public string Partition => $"{{{string.Join(", ", I)}}}";
}

/// <summary>
/// The theorem in numbers: for a graph, a product GNN (depth L, width D_h) and a list of partitions, each row holds
/// |C_I|, the walk index, the measured separation rank, log_{D_h} of it and the upper-bound exponent 4 WI + 1
/// (talk: sep = D_h^O(WI)). The rank is exact (mod 2^61 - 1) when the GNN has integer weights, numerical otherwise.
/// </summary>
public sealed class InteractionTable
{
    private InteractionTable(Graph graph, ProductGnn gnn, int? target, IReadOnlyList<InteractionRow> rows)
    {
        Graph = graph;
        Gnn = gnn;
        Target = target;
        Rows = rows;
    }

    /// <summary>The graph.</summary>
    public Graph Graph { get; }

    /// <summary>The GNN whose separation ranks were measured.</summary>
    public ProductGnn Gnn { get; }

    /// <summary>The vertex t for vertex prediction, null for graph prediction.</summary>
    public int? Target { get; }

    /// <summary>One row per partition, in the order given.</summary>
    public IReadOnlyList<InteractionRow> Rows { get; }

    /// <summary>"graph prediction" or "vertex prediction at t = ..".</summary>
    public string Prediction => Target is { } t ? $"vertex prediction at t = {t}" : "graph prediction";

    /// <summary>Rows for graph prediction f(X) = W^(o)(⊙_i h^(L,i)) with WI_{L-1}(I) = rho_{L-1}(C_I, V).</summary>
    public static InteractionTable ForGraphPrediction(Graph graph, ProductGnn gnn, IEnumerable<IEnumerable<int>> partitions,
        EvaluationPoints? points = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(gnn);
        return Build(graph, gnn, null, gnn.GraphPrediction(graph), partitions, points, progress,
            I => WalkIndex.ForGraphPrediction(graph, I, gnn.Depth));
    }

    /// <summary>Rows for vertex prediction at t, f_t(X) = W^(o) h^(L,t), with WI_{L-1,t}(I) = rho_{L-1}(C_I, {t}).</summary>
    public static InteractionTable ForVertexPrediction(Graph graph, ProductGnn gnn, IEnumerable<IEnumerable<int>> partitions, int t,
        EvaluationPoints? points = null, IProgress<int>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(gnn);
        return Build(graph, gnn, t, gnn.VertexPrediction(graph, t), partitions, points, progress,
            I => WalkIndex.ForVertexPrediction(graph, I, gnn.Depth, t));
    }

    /// <summary>The rows as an aligned text table with a header line.</summary>
    public override string ToString()
    {
        var text = new StringBuilder($"{Prediction}, {Gnn}, {Graph}\n");
        text.AppendLine($"{"partition I",-24} {"|C_I|",6} {"WI",8} {"sep >=",8} {"log_Dh sep",11} {"4 WI + 1",9}");
        foreach (var r in Rows)
            text.AppendLine($"{r.Partition,-24} {r.BoundarySize,6} {r.WalkIndex,8} {r.MeasuredSep + (r.Sep.Saturated ? "+" : ""),8} {r.LogSep,11:F2} {r.BoundExponent,9}");
        return text.ToString();
    }

    private static InteractionTable Build(Graph graph, ProductGnn gnn, int? target, FeatureFunction f,
        IEnumerable<IEnumerable<int>> partitions, EvaluationPoints? points, IProgress<int>? progress, Func<int[], long> walkIndex)
    {
        ArgumentNullException.ThrowIfNull(partitions);
        var rows = new List<InteractionRow>();
        foreach (var partition in partitions)
        {
            var I = Partition.VertexSet(graph.VertexCount, partition, "I");
            var wi = walkIndex(I);
            var sep = gnn.HasIntegerWeights ? SeparationRank.Exact(f, I, points) : SeparationRank.Numerical(f, I, points);
            var logSep = gnn.HiddenWidth > 1 && sep.Rank > 0 ? Math.Log(sep.Rank) / Math.Log(gnn.HiddenWidth) : double.NaN;
            rows.Add(new InteractionRow(I, target, Boundary.Of(graph, I).Length, wi, sep, logSep, checked(4 * wi + 1)));
            progress?.Report(rows.Count);
        }
        return new InteractionTable(graph, gnn, target, rows);
    }
}
