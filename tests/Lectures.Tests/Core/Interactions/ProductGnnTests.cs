using System.Numerics;

namespace Lectures.Tests.Core.Interactions;

using Lectures.Graphs;
using Lectures.Interactions;

public class ProductGnnTests
{
    private static readonly Graph Edge01 = GraphFamilies.Path(2);

    [Fact]
    public void DepthOneMatchesAHandComputation()
    {
        // W x0 = (1, 3), W x1 = (2, -1); with the self-loop both vertices get h = (1*2, 3*(-1)) = (2, -3).
        var gnn = new ProductGnn([new double[,] { { 1, 2 }, { 3, -1 } }], [1, 1]);
        var x = new double[,] { { 1, 0 }, { 0, 1 } };
        Assert.Equal(2.0 * 2 + 9, gnn.PredictGraph(Edge01, x));
        Assert.Equal([-1.0, -1.0], gnn.PredictVertices(Edge01, x));
    }

    [Fact]
    public void DepthTwoMatchesAHandComputation()
    {
        // Layer 2 with W = identity squares each h: (4, 9) at both vertices; graph output 16 + 81, vertex output 13.
        var gnn = new ProductGnn([new double[,] { { 1, 2 }, { 3, -1 } }, new double[,] { { 1, 0 }, { 0, 1 } }], [1, 1]);
        var x = new double[,] { { 1, 0 }, { 0, 1 } };
        Assert.Equal(97.0, gnn.PredictGraph(Edge01, x));
        Assert.Equal([13.0, 13.0], gnn.PredictVertices(Edge01, x));
        Assert.Equal(97L, gnn.PredictGraphModular(Edge01, new long[,] { { 1, 0 }, { 0, 1 } }));
    }

    [Fact]
    public void ModularEvaluationAgreesWithDoublesOnIntegers()
    {
        // Entries in -1..1 and weights in -3..3 keep |f| far below 2^53 (graph prediction at depth 1 on P_3:
        // |z| <= 6, |h| <= 6^3, |f| <= 2 * 6^9; vertex prediction at depth 2 on P_4: |f| <= 2 * (2 * 3 * 6^3)^3),
        // so the doubles are exact integers.
        var rng = new Random(4);
        var shallow = ProductGnn.RandomInteger(depth: 1, inputWidth: 2, hiddenWidth: 2, seed: 3);
        var deep = ProductGnn.RandomInteger(depth: 2, inputWidth: 2, hiddenWidth: 2, seed: 3);
        for (var trial = 0; trial < 20; trial++)
        {
            var x3 = RandomIntegers(3, 2, rng);
            Assert.Equal(PrimeField.Reduce((long)shallow.PredictGraph(GraphFamilies.Path(3), ToDouble(x3))), shallow.PredictGraphModular(GraphFamilies.Path(3), x3));
            var x4 = RandomIntegers(4, 2, rng);
            Assert.Equal(deep.PredictVertices(GraphFamilies.Path(4), ToDouble(x4)).Select(v => PrimeField.Reduce((long)v)),
                deep.PredictVerticesModular(GraphFamilies.Path(4), x4));
        }
    }

    [Fact]
    public void BatchesGiveTheSameNumbersAsSingleCalls()
    {
        var g = GraphFamilies.Cycle(5);
        var gnn = ProductGnn.Random(depth: 3, inputWidth: 3, hiddenWidth: 2, seed: 1);
        var rng = new Random(2);
        var batch = Enumerable.Range(0, 4).Select(_ => RandomMatrix(5, 3, rng)).ToList();
        Assert.Equal(batch.Select(x => gnn.PredictGraph(g, x)), gnn.PredictGraph(g, batch));
        Assert.Equal(gnn.PredictVertices(g, batch[2]), gnn.PredictVertices(g, batch)[2]);
    }

    [Fact]
    public void SeededWeightsAreReproducibleAndIntegerWeightsAvoidZero()
    {
        var a = ProductGnn.RandomInteger(3, 2, 4, seed: 9, maxAbsWeight: 3);
        var b = ProductGnn.RandomInteger(3, 2, 4, seed: 9, maxAbsWeight: 3);
        Assert.True(a.HasIntegerWeights);
        for (var l = 1; l <= 3; l++)
        {
            Assert.Equal(a.LayerWeights(l), b.LayerWeights(l));
            Assert.All(a.LayerWeights(l).Cast<double>(), w => Assert.InRange(Math.Abs(w), 1, 3));
        }
        Assert.Equal((4, 2), (a.LayerWeights(1).GetLength(0), a.LayerWeights(1).GetLength(1)));
        Assert.Equal((4, 4), (a.LayerWeights(2).GetLength(0), a.LayerWeights(2).GetLength(1)));
        Assert.False(ProductGnn.Random(1, 2, 2, seed: 0).HasIntegerWeights);
        Assert.NotEqual(a.LayerWeights(1), ProductGnn.RandomInteger(3, 2, 4, seed: 10).LayerWeights(1));
    }

    [Fact]
    public void BadShapesAreNamed()
    {
        Assert.Equal("W^(2) is 2 x 3, expected D_h x D_h = 2 x 2 (non-empty). (Parameter 'layerWeights')",
            Assert.Throws<ArgumentException>(() => new ProductGnn([new double[2, 1], new double[2, 3]], [1, 1])).Message);
        Assert.StartsWith("W^(o) has 3 entries, expected D_h = 2",
            Assert.Throws<ArgumentException>(() => new ProductGnn([new double[2, 1]], [1, 1, 1])).Message);
        var gnn = ProductGnn.RandomInteger(1, 2, 2, seed: 0);
        Assert.StartsWith("X is 3 x 2, expected n x D_x = 2 x 2",
            Assert.Throws<ArgumentException>(() => gnn.PredictGraph(Edge01, new double[3, 2])).Message);
        Assert.Throws<InvalidOperationException>(() => ProductGnn.Random(1, 1, 1, seed: 0).PredictGraphModular(Edge01, new long[2, 1]));
    }

    [Fact]
    public void PrimeFieldMatchesBigIntegerArithmetic()
    {
        var rng = new Random(5);
        for (var i = 0; i < 1000; i++)
        {
            var a = rng.NextInt64(PrimeField.Prime);
            var b = rng.NextInt64(PrimeField.Prime);
            Assert.Equal((long)(new BigInteger(a) * b % PrimeField.Prime), PrimeField.Multiply(a, b));
            Assert.Equal((long)((new BigInteger(a) - b + PrimeField.Prime) % PrimeField.Prime), PrimeField.Subtract(a, b));
            var c = rng.NextInt64(PrimeField.Prime);
            Assert.Equal((long)((new BigInteger(a) * b + c) % PrimeField.Prime), PrimeField.MultiplyAdd((ulong)a << 3, b, c));
            if (a != 0) Assert.Equal(1L, PrimeField.Multiply(a, PrimeField.Inverse(a)));
        }
        const long top = PrimeField.Prime - 1;
        Assert.Equal((long)((new BigInteger(top) * top + top) % PrimeField.Prime), PrimeField.MultiplyAdd((ulong)top << 3, top, top));
        Assert.Equal(PrimeField.Prime - 1, PrimeField.Reduce(-1));
        Assert.Equal(PrimeField.Prime - 1, PrimeField.Multiply(PrimeField.Prime - 1, 1));
    }

    internal static double[,] ToDouble(long[,] x)
    {
        var d = new double[x.GetLength(0), x.GetLength(1)];
        for (var i = 0; i < x.GetLength(0); i++)
            for (var k = 0; k < x.GetLength(1); k++)
                d[i, k] = x[i, k];
        return d;
    }

    private static long[,] RandomIntegers(int rows, int cols, Random rng)
    {
        var m = new long[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var k = 0; k < cols; k++)
                m[i, k] = rng.Next(-1, 2);
        return m;
    }

    private static double[,] RandomMatrix(int rows, int cols, Random rng)
    {
        var m = new double[rows, cols];
        for (var i = 0; i < rows; i++)
            for (var k = 0; k < cols; k++)
                m[i, k] = rng.NextDouble() * 2 - 1;
        return m;
    }
}
