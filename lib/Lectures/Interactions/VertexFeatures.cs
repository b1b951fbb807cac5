namespace Lectures.Interactions;

/// <summary>Feature matrices X (n rows x D_x columns, row i = x^(i)) to feed a GNN: seeded random, constant, and sweeps of one entry.</summary>
public static class VertexFeatures
{
    /// <summary>X with independent entries drawn uniformly from [low, high) (seeded).</summary>
    public static double[,] Uniform(int vertexCount, int width, int seed, double low = -1, double high = 1)
    {
        CheckShape(vertexCount, width);
        if (!(low < high) || !double.IsFinite(low) || !double.IsFinite(high))
            throw new ArgumentException($"Uniform features need finite low < high, got [{low}, {high}).", nameof(high));
        var rng = new Random(seed);
        var x = new double[vertexCount, width];
        for (var i = 0; i < vertexCount; i++)
            for (var k = 0; k < width; k++)
                x[i, k] = low + (high - low) * rng.NextDouble();
        return x;
    }

    /// <summary>X with every entry equal to <paramref name="value"/>.</summary>
    public static double[,] Constant(int vertexCount, int width, double value)
    {
        CheckShape(vertexCount, width);
        var x = new double[vertexCount, width];
        for (var i = 0; i < vertexCount; i++)
            for (var k = 0; k < width; k++)
                x[i, k] = value;
        return x;
    }

    /// <summary>One copy of X per value s, with the single entry x^(vertex)[feature] set to s (a batch for ProductGnn).</summary>
    public static IReadOnlyList<double[,]> Sweep(double[,] x, int vertex, int feature, IEnumerable<double> values)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(values);
        if ((uint)vertex >= (uint)x.GetLength(0))
            throw new ArgumentException($"Vertex {vertex} is out of range: X has {x.GetLength(0)} rows (0..{x.GetLength(0) - 1}).", nameof(vertex));
        if ((uint)feature >= (uint)x.GetLength(1))
            throw new ArgumentException($"Feature {feature} is out of range: X has {x.GetLength(1)} columns (0..{x.GetLength(1) - 1}).", nameof(feature));
        return values.Select(s =>
        {
            var copy = (double[,])x.Clone();
            copy[vertex, feature] = s;
            return copy;
        }).ToList();
    }

    private static void CheckShape(int vertexCount, int width)
    {
        if (vertexCount < 1 || width < 1)
            throw new ArgumentException($"X needs n >= 1 rows and D_x >= 1 columns, got n = {vertexCount}, D_x = {width}.");
    }
}
