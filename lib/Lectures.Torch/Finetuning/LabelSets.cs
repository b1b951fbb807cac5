namespace Lectures.Torch.Finetuning;

/// <summary>
/// The pretraining label sets: class c gets a fixed set S_c of k labels, c itself plus k-1 others drawn uniformly
/// without replacement. Pretraining fits the uniform distribution on S_c, so the model spreads its mass over k labels.
/// </summary>
public sealed record LabelSets
{
    LabelSets(int[][] sets) => Sets = sets;

    /// <summary>S_c for each class c, c first.</summary>
    public IReadOnlyList<int[]> Sets { get; }

    /// <summary>The number of classes K.</summary>
    public int ClassCount => Sets.Count;

    /// <summary>The set size k.</summary>
    public int SetSize => Sets[0].Length;

    /// <summary>Draws S_c = {c} plus k-1 distinct other classes for every class c, with <c>new Random(seed)</c>.</summary>
    public static LabelSets Draw(int classCount, int k, int seed)
    {
        if (classCount < 2)
            throw new ArgumentException($"Class count {classCount} is too small: expected at least 2 classes.", nameof(classCount));
        if (k < 1 || k > classCount)
            throw new ArgumentException($"Label set size k = {k} is out of range: expected 1..{classCount} (the number of classes).", nameof(k));
        var random = new Random(seed);
        var sets = new int[classCount][];
        for (var c = 0; c < classCount; c++)
        {
            var others = Enumerable.Range(0, classCount).Where(j => j != c).ToArray();
            random.Shuffle(others);
            sets[c] = others.Take(k - 1).Order().Prepend(c).ToArray();
        }
        return new LabelSets(sets);
    }

    /// <summary>True when label y is in S_c.</summary>
    public bool Contains(int c, int y) => Array.IndexOf(Sets[c], y) >= 0;
}
