namespace Lectures.Torch.Gnn.Training;

/// <summary>A partition of the vertices into training, validation and test sets (each sorted ascending).</summary>
/// <param name="Train">Vertices whose labels the loss sees.</param>
/// <param name="Validation">Vertices used for early stopping.</param>
/// <param name="Test">Vertices whose accuracy is reported.</param>
public sealed record VertexSplit(int[] Train, int[] Validation, int[] Test)
{
    /// <summary>Number of vertices split.</summary>
    public int VertexCount => Train.Length + Validation.Length + Test.Length;

    /// <summary>
    /// A seeded uniform random split of n vertices: a shuffle (new Random(seed)), then the first round(train n)
    /// vertices train, the next round(validation n) validate, the rest test. Default 80/10/10.
    /// </summary>
    public static VertexSplit Random(int vertexCount, int seed, double train = 0.8, double validation = 0.1)
    {
        if (vertexCount < 3)
            throw new ArgumentOutOfRangeException(nameof(vertexCount), vertexCount, $"A split needs at least 3 vertices, got {vertexCount}.");
        if (train <= 0 || validation <= 0 || train + validation >= 1)
            throw new ArgumentException($"The train and validation fractions ({train}, {validation}) must be positive with sum below 1 so the test set is not empty.", nameof(train));
        var order = Enumerable.Range(0, vertexCount).ToArray();
        new Random(seed).Shuffle(order);
        var trainCount = Math.Clamp((int)Math.Round(train * vertexCount), 1, vertexCount - 2);
        var validationCount = Math.Clamp((int)Math.Round(validation * vertexCount), 1, vertexCount - trainCount - 1);
        int[] Sorted(int start, int count) => order.AsSpan(start, count).ToArray().Order().ToArray();
        return new VertexSplit(Sorted(0, trainCount), Sorted(trainCount, validationCount),
            Sorted(trainCount + validationCount, vertexCount - trainCount - validationCount));
    }

    /// <summary>"train t, validation v, test s vertices".</summary>
    public override string ToString() => $"train {Train.Length}, validation {Validation.Length}, test {Test.Length} vertices";
}
