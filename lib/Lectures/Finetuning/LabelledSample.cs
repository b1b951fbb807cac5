namespace Lectures.Finetuning;

/// <summary>How an SFT phase on a fraction of the labelled inputs draws its subset S of m = round(fraction * n) inputs.</summary>
public enum LabelledSample
{
    /// <summary>Stratified by class: one input per class in turn (seeded orders), so every class is sampled once m reaches K.</summary>
    Stratified,

    /// <summary>Uniformly random: the first m of a seeded random permutation of the n inputs (the paper's cheap SFT phase).</summary>
    Uniform,
}
