namespace Lectures.Torch.Gnn.Training;

/// <summary>The outcome of one training run with early stopping.</summary>
/// <param name="TestAccuracy">Test accuracy at the best validation epoch.</param>
/// <param name="ValidationAccuracy">The best validation accuracy.</param>
/// <param name="TrainAccuracy">Training accuracy (evaluation mode) at the best validation epoch.</param>
/// <param name="BestEpoch">The epoch (1-based) of the best validation accuracy.</param>
/// <param name="Epochs">Epochs run before stopping.</param>
public sealed record TrainingResult(double TestAccuracy, double ValidationAccuracy, double TrainAccuracy, int BestEpoch, int Epochs);
