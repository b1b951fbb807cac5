namespace Lectures.Tests.Core.Interactions;

using Lectures.Graphs;
using Lectures.Interactions;

public class VertexFeaturesTests
{
    [Fact]
    public void UniformIsSeededAndInRange()
    {
        var x = VertexFeatures.Uniform(5, 3, seed: 2, low: -2, high: 1);
        Assert.Equal((5, 3), (x.GetLength(0), x.GetLength(1)));
        Assert.All(x.Cast<double>(), v => Assert.InRange(v, -2, 1));
        Assert.Equal(x, VertexFeatures.Uniform(5, 3, seed: 2, low: -2, high: 1));
        Assert.NotEqual(x, VertexFeatures.Uniform(5, 3, seed: 3, low: -2, high: 1));
    }

    [Fact]
    public void ConstantFeaturesGiveTheClosedFormOfADepthOneProductGnn()
    {
        // D_x = D_h = 1, W = 1: h^(1,i) = Π_{j in N(i)} x_j, so with x = 2 the graph output is 2^(Σ_i (d_i + 1)) = 2^(2m + n).
        var g = GraphFamilies.TwoCliques(3);
        var gnn = new ProductGnn([new double[,] { { 1 } }], [1.0]);
        Assert.Equal(Math.Pow(2, 2 * 7 + 6), gnn.PredictGraph(g, VertexFeatures.Constant(6, 1, 2)));
    }

    [Fact]
    public void SweepChangesOneEntryPerCopy()
    {
        var x = VertexFeatures.Constant(3, 2, 0.5);
        var batch = VertexFeatures.Sweep(x, vertex: 2, feature: 1, [-1.0, 0, 7]);
        Assert.Equal([-1.0, 0, 7], batch.Select(b => b[2, 1]));
        Assert.All(batch, b => Assert.Equal(0.5, b[0, 1]));
        Assert.Equal(0.5, x[2, 1]);
    }

    [Fact]
    public void BadInputsAreNamed()
    {
        Assert.Contains("got n = 0, D_x = 2", Assert.Throws<ArgumentException>(() => VertexFeatures.Constant(0, 2, 1)).Message);
        Assert.Contains("finite low < high, got [1, 1)", Assert.Throws<ArgumentException>(() => VertexFeatures.Uniform(2, 2, 0, 1, 1)).Message);
        var x = VertexFeatures.Constant(3, 2, 0);
        Assert.Contains("Vertex 3 is out of range: X has 3 rows (0..2)", Assert.Throws<ArgumentException>(() => VertexFeatures.Sweep(x, 3, 0, [1.0])).Message);
        Assert.Contains("Feature 2 is out of range: X has 2 columns (0..1)", Assert.Throws<ArgumentException>(() => VertexFeatures.Sweep(x, 0, 2, [1.0])).Message);
    }
}
