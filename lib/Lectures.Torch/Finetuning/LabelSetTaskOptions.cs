using Lectures.Data;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The data and task part of a controlled experiment: <paramref name="TrainCount"/> training inputs drawn by the seeded
/// split of <paramref name="Data"/> (null: the embedded digits, <see cref="Digits.Load()"/>), label sets of
/// <paramref name="LabelSetSize"/> labels per class for pretraining, and the <paramref name="ModifiedFraction"/> of
/// training inputs that get a new label outside their set.
/// </summary>
public sealed record LabelSetTaskOptions(LabelledImages? Data = null, int TrainCount = 1000, int LabelSetSize = 5, double ModifiedFraction = 0.1);
