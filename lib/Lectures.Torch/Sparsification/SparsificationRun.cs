using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Sparsification;

/// <summary>One grid point of the sparsification experiment: a method's graph at a removal level, trained at a seed.</summary>
/// <param name="Method">Name of the removal method (1-WIS, 2-WIS, random, spectral, UGS).</param>
/// <param name="RemovedPercent">The removal level p: the first round(p/100 m) edges of the method's order are gone.</param>
/// <param name="Seed">Split, initialisation and dropout seed (the same for every method).</param>
/// <param name="EdgesRemoved">Edges removed.</param>
/// <param name="EdgesKept">Edges left.</param>
/// <param name="Result">Accuracies and epochs of the training run.</param>
public sealed record SparsificationRun(string Method, double RemovedPercent, int Seed, int EdgesRemoved, int EdgesKept, TrainingResult Result);
