using Lectures.Data;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The finetuning task built on a pretrained label-set model: a fraction of the training inputs (the modified,
/// small-std group) get a new target label drawn uniformly from the classes outside their class's set S_c, per input or
/// per class (<see cref="Relabelling"/>); the rest keep their own class (the large-std group). Reward r(x, y) = +1
/// when y is the target, else -1, except that a wrong answer on a modified input earns <see cref="WrongRewardOnModified"/> (-1, or 0.5 in the variant).
/// </summary>
public sealed record FinetuningTask
{
    FinetuningTask(int[] classes, int[] targets, bool[] isModified, int classCount, double wrongRewardOnModified)
    {
        Classes = classes;
        Targets = targets;
        IsModified = isModified;
        ClassCount = classCount;
        WrongRewardOnModified = wrongRewardOnModified;
    }

    /// <summary>The class of each training input in the data (its label before relabelling).</summary>
    public IReadOnlyList<int> Classes { get; }

    /// <summary>The target label of each training input.</summary>
    public IReadOnlyList<int> Targets { get; }

    /// <summary>True for the modified inputs (new label outside the set: small reward std after pretraining).</summary>
    public IReadOnlyList<bool> IsModified { get; }

    /// <summary>The number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>The reward of a wrong answer on a modified input (-1 in the main setting, 0.5 in the variant).</summary>
    public double WrongRewardOnModified { get; }

    /// <summary>The number of training inputs n.</summary>
    public int Count => Targets.Count;

    /// <summary>
    /// <see cref="Relabelling.RandomInputs"/>: picks round(fraction * n) inputs uniformly (seeded) and gives each a new
    /// label drawn uniformly from the classes outside S_{label}. <see cref="Relabelling.WholeClass"/>: picks
    /// round(fraction * K) classes uniformly (at least one) and gives all inputs of class c one new label drawn
    /// uniformly from outside S_c. Every other input keeps its label.
    /// </summary>
    public static FinetuningTask Create(LabelledImages train, LabelSets sets, double modifiedFraction, double wrongRewardOnModified, int seed,
        Relabelling relabelling = Relabelling.RandomInputs)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(sets);
        if (sets.ClassCount != train.ClassCount)
            throw new ArgumentException($"The label sets cover {sets.ClassCount} classes but the data has {train.ClassCount}: expected the same.", nameof(sets));
        if (sets.SetSize == sets.ClassCount)
            throw new ArgumentException($"Label sets of size k = {sets.SetSize} leave no class outside the set: expected k < {sets.ClassCount}.", nameof(sets));
        if (!(modifiedFraction > 0 && modifiedFraction < 1))
            throw new ArgumentException($"Modified fraction {modifiedFraction} is out of range: expected a value strictly between 0 and 1.", nameof(modifiedFraction));
        if (!(wrongRewardOnModified >= -1 && wrongRewardOnModified < 1))
            throw new ArgumentException($"Wrong-answer reward {wrongRewardOnModified} is out of range: expected -1 <= r < 1 (the correct answer earns 1).", nameof(wrongRewardOnModified));
        if (!Enum.IsDefined(relabelling))
            throw new ArgumentException($"Relabelling {relabelling} is unknown: expected {string.Join(" or ", Enum.GetNames<Relabelling>())}.", nameof(relabelling));

        var n = train.Count;
        if (n < 2)
            throw new ArgumentException($"The training set has {n} input: expected at least 2 (one modified, one kept).", nameof(train));
        var random = new Random(seed);
        int NewLabel(int c)
        {
            var outside = Enumerable.Range(0, train.ClassCount).Where(y => !sets.Contains(c, y)).ToArray();
            return outside[random.Next(outside.Length)];
        }
        var isModified = new bool[n];
        var targets = train.Labels.ToArray();
        if (relabelling == Relabelling.RandomInputs)
        {
            var order = Enumerable.Range(0, n).ToArray();
            random.Shuffle(order);
            foreach (var i in order.Take(Math.Clamp((int)Math.Round(modifiedFraction * n), 1, n - 1)))
                (targets[i], isModified[i]) = (NewLabel(train.Labels[i]), true);
        }
        else
        {
            var present = train.Labels.Distinct().Order().ToArray();
            if (present.Length < 2)
                throw new ArgumentException($"The training set holds only class {present[0]}: relabelling whole classes needs at least 2 classes (one modified, one kept).", nameof(train));
            random.Shuffle(present);
            foreach (var c in present.Take(Math.Clamp((int)Math.Round(modifiedFraction * train.ClassCount), 1, present.Length - 1)))
            {
                var label = NewLabel(c);
                for (var i = 0; i < n; i++)
                    if (train.Labels[i] == c) (targets[i], isModified[i]) = (label, true);
            }
        }
        return new FinetuningTask(train.Labels.ToArray(), targets, isModified, train.ClassCount, wrongRewardOnModified);
    }

    /// <summary>r(x_i, y): 1 for the target, else -1, or <see cref="WrongRewardOnModified"/> on a modified input.</summary>
    public double Reward(int i, int y) => y == Targets[i] ? 1.0 : IsModified[i] ? WrongRewardOnModified : -1.0;

    /// <summary>The reward table R[i, y] = r(x_i, y), row-major n x K.</summary>
    public double[] RewardTable()
    {
        var table = new double[Count * ClassCount];
        for (var i = 0; i < Count; i++)
            for (var y = 0; y < ClassCount; y++)
                table[i * ClassCount + y] = Reward(i, y);
        return table;
    }
}
