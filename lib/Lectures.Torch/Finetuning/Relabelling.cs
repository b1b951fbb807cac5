namespace Lectures.Torch.Finetuning;

/// <summary>Which training inputs the finetuning task relabels, and how their new labels are drawn.</summary>
public enum Relabelling
{
    /// <summary>
    /// A uniform random fraction of the inputs, each with its own new label drawn uniformly from outside S_c (the
    /// original study's task): every relabelled input is an exception of its own.
    /// </summary>
    RandomInputs,

    /// <summary>
    /// Every input of round(fraction * K) classes (at least one) chosen at random; class c's inputs all get one new label
    /// drawn uniformly from outside S_c: the relabelling follows a rule that a few labelled examples can teach.
    /// </summary>
    WholeClass,
}
