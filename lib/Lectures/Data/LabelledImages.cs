namespace Lectures.Data;

/// <summary>
/// A classification data set: input i is the pixel vector <see cref="Inputs"/>[i] (values scaled to [0, 1]) and its
/// class is <see cref="Labels"/>[i] in 0..<see cref="ClassCount"/>-1.
/// </summary>
public sealed record LabelledImages
{
    /// <summary>Builds a data set, checking that every input has the same length and every label is a class.</summary>
    public LabelledImages(double[][] inputs, int[] labels, int classCount)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(labels);
        if (classCount < 2)
            throw new ArgumentException($"Class count {classCount} is too small: a classification set needs at least 2 classes.", nameof(classCount));
        if (inputs.Length != labels.Length)
            throw new ArgumentException($"There are {inputs.Length} inputs but {labels.Length} labels: expected one label per input.", nameof(labels));
        if (inputs.Length == 0)
            throw new ArgumentException("The data set is empty: expected at least one input.", nameof(inputs));
        var dimension = inputs[0].Length;
        for (var i = 0; i < inputs.Length; i++)
        {
            if (inputs[i].Length != dimension)
                throw new ArgumentException($"Input {i} has {inputs[i].Length} values but input 0 has {dimension}: expected equal lengths.", nameof(inputs));
            if (labels[i] < 0 || labels[i] >= classCount)
                throw new ArgumentException($"Label {labels[i]} of input {i} is out of range: expected a class in 0..{classCount - 1}.", nameof(labels));
        }
        Inputs = inputs;
        Labels = labels;
        ClassCount = classCount;
    }

    /// <summary>The inputs, one pixel vector per image.</summary>
    public double[][] Inputs { get; }

    /// <summary>The class of each input.</summary>
    public int[] Labels { get; }

    /// <summary>The number of classes K; labels lie in 0..K-1.</summary>
    public int ClassCount { get; }

    /// <summary>The number of inputs n.</summary>
    public int Count => Inputs.Length;

    /// <summary>The length d of each input vector.</summary>
    public int Dimension => Inputs[0].Length;

    /// <summary>The inputs at the given positions, in that order.</summary>
    public LabelledImages Subset(IReadOnlyList<int> indices)
    {
        foreach (var i in indices)
            if (i < 0 || i >= Count)
                throw new ArgumentException($"Index {i} is out of range: the data set has {Count} inputs (0..{Count - 1}).", nameof(indices));
        return new LabelledImages(indices.Select(i => Inputs[i]).ToArray(), indices.Select(i => Labels[i]).ToArray(), ClassCount);
    }

    /// <summary>
    /// The same inputs standardised with one mean and one standard deviation over all pixel values of this set:
    /// x' = (x - mu) / sigma (as MNIST is normalised with its global pixel mean and std).
    /// </summary>
    public LabelledImages Standardized()
    {
        var values = Inputs.SelectMany(x => x).ToArray();
        var mean = values.Average();
        var std = Math.Sqrt(values.Sum(v => (v - mean) * (v - mean)) / values.Length);
        if (!(std > 0))
            throw new InvalidOperationException($"All {values.Length} pixel values equal {mean}: a constant set cannot be standardised.");
        return new LabelledImages(Inputs.Select(x => x.Select(v => (v - mean) / std).ToArray()).ToArray(), Labels, ClassCount);
    }

    /// <summary>
    /// A seeded random split: a uniform shuffle of 0..n-1 (Fisher-Yates with <c>new Random(seed)</c>), the first
    /// <paramref name="trainCount"/> positions for training and the next <paramref name="testCount"/> (default: all
    /// the rest) for testing.
    /// </summary>
    public TrainTestSplit Split(int trainCount, int seed, int? testCount = null)
    {
        var test = testCount ?? Count - trainCount;
        if (trainCount < 1 || test < 1 || trainCount + test > Count)
            throw new ArgumentException(
                $"Cannot take {trainCount} training and {test} test inputs from {Count}: expected at least 1 of each and trainCount + testCount <= {Count}.",
                nameof(trainCount));
        var order = Enumerable.Range(0, Count).ToArray();
        new Random(seed).Shuffle(order);
        return new TrainTestSplit(Subset(order[..trainCount]), Subset(order[trainCount..(trainCount + test)]));
    }
}

/// <summary>A training set and a disjoint test set drawn from the same data.</summary>
public sealed record TrainTestSplit(LabelledImages Train, LabelledImages Test);
