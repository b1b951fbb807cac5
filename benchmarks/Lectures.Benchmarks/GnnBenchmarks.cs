using Lectures.Graphs;
using Lectures.Interactions;
using Lectures.Walks;

namespace Lectures.Benchmarks;

/// <summary>
/// Walk index for all t (WI_{L-1,t}, L - 1 = 1, 2, 3) on a Barabási–Albert graph with about 10^6 edges, as a ratio
/// to the same number of plain CSR mat-vecs y = (A + I) x in doubles.
/// </summary>
public sealed class WalkIndexBenchmark : Benchmark
{
    /// <inheritdoc />
    public override string Name => "gnn-walk-index";

    /// <inheritdoc />
    public override void Run()
    {
        // m(m+1)/2 + m(n - m - 1) = 15 + 5 * 199998 = 1,000,005 edges.
        Graph g = null!;
        var generate = MedianSeconds(() => g = GraphFamilies.BarabasiAlbert(200_004, 5, seed: 1));
        Report("Barabási–Albert generation (CSR)", $"{generate * 1e3:F0} ms");
        var rng = new Random(2);
        var I = g.Vertices.Where(_ => rng.Next(2) == 0).ToArray();
        Report("graph", $"{g.VertexCount} vertices, {g.EdgeCount} edges, max degree {g.MaxDegree}; |I| = {I.Length}, |C_I| = {Boundary.Of(g, I).Length}");
        var x = new double[g.VertexCount];
        var y = new double[g.VertexCount];
        Array.Fill(x, 1.0);
        for (var steps = 1; steps <= 3; steps++)
        {
            var depth = steps + 1;
            // The baseline is measured right beside the walk index: the machine is shared and its speed drifts.
            var baseline = MedianSeconds(() =>
            {
                for (var s = 0; s < depth - 1; s++) MatVec(g, x, y);
            }, runs: 7);
            var seconds = MedianSeconds(() => WalkIndex.ForVertexPrediction(g, I, depth), runs: 7);
            Report($"WI_(L-1,t) for all t, L - 1 = {steps}",
                $"{seconds * 1e3:F1} ms vs {baseline * 1e3:F1} ms for {steps} plain mat-vecs: ratio {seconds / baseline:F2}");
        }
    }

    private static void MatVec(Graph g, double[] x, double[] y)
    {
        var offsets = g.RowOffsets;
        var adjacency = g.Adjacency;
        for (var i = 0; i < y.Length; i++)
        {
            var sum = x[i];
            for (var k = offsets[i]; k < offsets[i + 1]; k++) sum += x[adjacency[k]];
            y[i] = sum;
        }
    }
}

/// <summary>
/// Rank of 1024 x 1024 matrices: exact modulo 2^61 - 1 (Gaussian elimination) and numerical (normalised SVD, MathNet
/// managed provider, singular values only), on a random full-rank matrix and on a product-GNN evaluation matrix.
/// </summary>
public sealed class SeparationRankBenchmark : Benchmark
{
    private const int Size = 1024;

    /// <inheritdoc />
    public override string Name => "gnn-separation-rank";

    /// <inheritdoc />
    public override void Run()
    {
        Report("linear algebra provider", MathNet.Numerics.Providers.LinearAlgebra.LinearAlgebraControl.Provider.ToString() ?? "unknown");
        var rng = new Random(3);
        var random = new long[Size, Size];
        for (var i = 0; i < Size; i++)
            for (var j = 0; j < Size; j++)
                random[i, j] = rng.NextInt64(PrimeField.Prime);
        var randomReal = new double[Size, Size];
        for (var i = 0; i < Size; i++)
            for (var j = 0; j < Size; j++)
                randomReal[i, j] = rng.NextDouble() * 2 - 1;
        Measure("random", random, randomReal);

        var g = GraphFamilies.TwoCliques(3);
        var f = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 7).GraphPrediction(g);
        var points = new EvaluationPoints(P: Size, Q: Size, Seed: 1);
        long[,]? modular = null;
        var evaluation = MedianSeconds(() => modular = SeparationRank.ModularEvaluationMatrix(f, [0, 1, 3], points), runs: 3);
        Report("two 3-cliques GNN evaluation matrix, mod p", $"{evaluation:F2} s to evaluate {Size * Size} GNN outputs");
        Measure("two 3-cliques GNN, I = {0, 1, 3}", modular!, SeparationRank.EvaluationMatrix(f, [0, 1, 3], points));
    }

    private void Measure(string what, long[,] modular, double[,] real)
    {
        var rank = 0;
        var exact = MedianSeconds(() => rank = SeparationRank.RankModPrime(modular), runs: 3);
        Report($"exact rank mod p, {what}", $"{exact:F2} s (rank {rank})");
        var numerical = 0;
        var svd = MedianSeconds(() => numerical = SeparationRank.NumericalRank(real).Rank, runs: 3);
        Report($"numerical rank (normalised SVD), {what}", $"{svd:F2} s (rank {numerical})");
    }
}
