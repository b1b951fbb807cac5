namespace Lectures.Torch.Interactions;

/// <summary>One model trained at one seed with one placement of the image chunks.</summary>
/// <param name="Model">GCN, GAT or GIN.</param>
/// <param name="Placement">Low or high walk-index placement.</param>
/// <param name="WalkIndex">WI_{L-1}(I) of the partition I = the vertices of image 1.</param>
/// <param name="Seed">The seed (same data and initial weights for both placements).</param>
/// <param name="TrainAccuracy">Training accuracy at the best validation epoch.</param>
/// <param name="ValidationAccuracy">Best validation accuracy.</param>
/// <param name="TestAccuracy">Test accuracy at the best validation epoch.</param>
/// <param name="BestEpoch">Epoch of the best validation accuracy.</param>
/// <param name="Epochs">Epochs run.</param>
public sealed record InteractionRun(string Model, ChunkPlacement Placement, long WalkIndex, int Seed,
    double TrainAccuracy, double ValidationAccuracy, double TestAccuracy, int BestEpoch, int Epochs);
