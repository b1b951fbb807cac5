using Lectures.Graphs;

namespace Lectures.Sparsification;

/// <summary>
/// Effective resistances of the edges of an unweighted graph: R_e = (e_u - e_v)^T L^+ (e_u - e_v), L = D - A the
/// graph Laplacian (no self-loops), L^+ its pseudo-inverse. R_e = 1 for a bridge, 1 / multiplicity-like values
/// for edges in dense parts; Σ_e R_e = n - (number of connected components) (Foster).
/// </summary>
public static class EffectiveResistance
{
    /// <summary>Graphs with at most this many vertices get exact resistances from <see cref="Of"/>.</summary>
    public const int ExactVertexLimit = 5000;

    /// <summary>The default number of random projections k of <see cref="Approximate"/>.</summary>
    public const int DefaultProjections = 128;

    /// <summary>R_e for every edge id: exact when n &lt;= <see cref="ExactVertexLimit"/>, else <see cref="Approximate"/> with the seed.</summary>
    public static double[] Of(Graph graph, int seed = 0, IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        return graph.VertexCount <= ExactVertexLimit ? Exact(graph) : Approximate(graph, DefaultProjections, seed, progress: progress);
    }

    /// <summary>
    /// Exact R_e. Edges to vertices of degree 1, peeled repeatedly, are bridges with R_e = 1 and leave the other
    /// resistances unchanged. On each remaining component one vertex is grounded (its row and column dropped), the
    /// reduced Laplacian L_r = G G^T is factored, and R_e = M_uu + M_vv - 2 M_uv with M = L_r^{-1} = G^{-T} G^{-1}
    /// (a grounded endpoint contributes 0). O(Σ_c n_c^3) for the peeled components.
    /// </summary>
    public static double[] Exact(Graph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        var resistance = new double[graph.EdgeCount];
        var inCore = PeelLeaves(graph, resistance);
        var (component, count) = Components(graph, inCore);
        var members = Enumerable.Range(0, count).Select(_ => new List<int>()).ToArray();
        for (var v = 0; v < graph.VertexCount; v++)
            if (component[v] >= 0) members[component[v]].Add(v);
        var local = new int[graph.VertexCount];
        foreach (var vertices in members.Where(c => c.Count > 1))
        {
            // The last vertex is grounded: local index nc - 1 is dropped from the matrix.
            var size = vertices.Count - 1;
            if (size > ExactVertexLimit)
                throw new ArgumentException($"A connected component has {size + 1} vertices after peeling leaves; exact resistances are for up to {ExactVertexLimit + 1}: use EffectiveResistance.Approximate.", nameof(graph));
            for (var k = 0; k < vertices.Count; k++) local[vertices[k]] = k;
            var lower = Enumerable.Range(0, size).Select(i => new double[i + 1]).ToArray();
            for (var i = 0; i < size; i++)
            {
                var v = vertices[i];
                foreach (var w in graph.Neighbors(v))
                {
                    if (!inCore[w]) continue;
                    lower[i][i] += 1;
                    if (local[w] < i) lower[i][local[w]] -= 1;
                }
            }
            var inverseFactor = DenseCholesky.InverseTransposed(DenseCholesky.Factor(lower));
            var diagonal = inverseFactor.Select((row, j) => DenseCholesky.Dot(row, row, j, size)).ToArray();
            foreach (var v in vertices)
            {
                var ids = graph.IncidentEdges(v);
                var nbrs = graph.Neighbors(v);
                for (var k = 0; k < ids.Length; k++)
                {
                    if (nbrs[k] < v || !inCore[nbrs[k]]) continue;
                    int a = local[v], b = local[nbrs[k]];
                    resistance[ids[k]] =
                        (a < size ? diagonal[a] : 0) + (b < size ? diagonal[b] : 0)
                        - (a < size && b < size ? 2 * DenseCholesky.Dot(inverseFactor[a], inverseFactor[b], Math.Max(a, b), size) : 0);
                }
            }
        }
        return resistance;
    }

    /// <summary>
    /// Spielman–Srivastava random projections: R_e = ||W^{1/2} B L^+ (e_u - e_v)||^2 ≈ Σ_{k=1..K} (z_k(u) - z_k(v))^2
    /// with L z_k = B^T q_k, q_k a random ±1/sqrt(K) vector over the edges (new Random(seed)). Each solve is
    /// Jacobi-preconditioned conjugate gradients to relative residual <paramref name="tolerance"/>, eight right-hand
    /// sides at a time. Relative error about sqrt(2/K) per edge (K = 128: about 0.12 standard deviation, at most).
    /// </summary>
    public static double[] Approximate(Graph graph, int projections = DefaultProjections, int seed = 0, double tolerance = 1e-6,
        IProgress<double>? progress = null)
    {
        ArgumentNullException.ThrowIfNull(graph);
        if (projections < 1)
            throw new ArgumentOutOfRangeException(nameof(projections), projections, $"The number of random projections must be >= 1, got {projections}.");
        if (!(tolerance is > 0 and < 1))
            throw new ArgumentOutOfRangeException(nameof(tolerance), tolerance, $"The solver tolerance must be in (0, 1), got {tolerance}.");
        var solver = new LaplacianSolver(graph, tolerance);
        var rng = new Random(seed);
        var scale = 1 / Math.Sqrt(projections);
        var resistance = new double[graph.EdgeCount];
        var edges = graph.Edges;
        for (var first = 0; first < projections; first += LaplacianSolver.Block)
        {
            var width = Math.Min(LaplacianSolver.Block, projections - first);
            var rhs = new double[graph.VertexCount * LaplacianSolver.Block];
            for (var id = 0; id < edges.Count; id++)
                for (var j = 0; j < width; j++)
                {
                    var q = rng.Next(2) == 0 ? scale : -scale;
                    rhs[edges[id].U * LaplacianSolver.Block + j] += q;
                    rhs[edges[id].V * LaplacianSolver.Block + j] -= q;
                }
            var z = solver.Solve(rhs);
            for (var id = 0; id < edges.Count; id++)
            {
                int u = edges[id].U * LaplacianSolver.Block, v = edges[id].V * LaplacianSolver.Block;
                for (var j = 0; j < width; j++)
                {
                    var d = z[u + j] - z[v + j];
                    resistance[id] += d * d;
                }
            }
            progress?.Report((double)(first + width) / projections);
        }
        return resistance;
    }

    // Removes degree-1 vertices until none is left; their edges are bridges (R_e = 1). Returns the kept vertices.
    private static bool[] PeelLeaves(Graph graph, double[] resistance)
    {
        var degree = graph.Vertices.Select(graph.Degree).ToArray();
        var inCore = degree.Select(d => d > 0).ToArray();
        var leaves = new Stack<int>(graph.Vertices.Where(v => degree[v] == 1));
        while (leaves.Count > 0)
        {
            var leaf = leaves.Pop();
            if (degree[leaf] != 1) continue;
            inCore[leaf] = false;
            degree[leaf] = 0;
            var ids = graph.IncidentEdges(leaf);
            var nbrs = graph.Neighbors(leaf);
            for (var k = 0; k < nbrs.Length; k++)
            {
                if (!inCore[nbrs[k]]) continue;
                resistance[ids[k]] = 1;
                if (--degree[nbrs[k]] == 1) leaves.Push(nbrs[k]);
                else if (degree[nbrs[k]] == 0) inCore[nbrs[k]] = false;
            }
        }
        return inCore;
    }

    private static (int[] Component, int Count) Components(Graph graph, bool[] inCore)
    {
        var component = Enumerable.Repeat(-1, graph.VertexCount).ToArray();
        var count = 0;
        var stack = new Stack<int>();
        for (var s = 0; s < graph.VertexCount; s++)
        {
            if (component[s] >= 0 || !inCore[s]) continue;
            component[s] = count;
            stack.Push(s);
            while (stack.Count > 0)
                foreach (var w in graph.Neighbors(stack.Pop()))
                    if (component[w] < 0 && inCore[w])
                    {
                        component[w] = count;
                        stack.Push(w);
                    }
            count++;
        }
        return (component, count);
    }
}
