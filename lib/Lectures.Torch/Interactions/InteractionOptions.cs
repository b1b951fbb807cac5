using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Interactions;

/// <summary>
/// The interaction experiment's setting. The 1797 digit images are split per seed into disjoint pools (1200
/// train, 200 validation, the rest test); pairs are drawn from each pool. Training: Adam on binary cross-entropy
/// with mini-batches, early stopping on validation accuracy.
/// </summary>
/// <param name="Models">The architectures compared (GCN, GAT, GIN).</param>
/// <param name="Hidden">Hidden width (16).</param>
/// <param name="Depth">Message-passing depth L (3).</param>
/// <param name="TrainPairs">Training pairs per seed.</param>
/// <param name="ValidationPairs">Validation pairs per seed.</param>
/// <param name="TestPairs">Test pairs per seed.</param>
/// <param name="MaxEpochs">Upper bound on epochs.</param>
/// <param name="Patience">Epochs without a validation improvement before stopping.</param>
/// <param name="BatchSize">Pairs per Adam step.</param>
/// <param name="LearningRate">Adam step size.</param>
/// <param name="Seeds">Seeds: image split, pairs, initial weights, batch order (the same for both placements).</param>
/// <param name="Threads">torch.set_num_threads for the run.</param>
public sealed record InteractionOptions(
    IReadOnlyList<GnnArchitecture> Models,
    int Hidden,
    int Depth,
    int TrainPairs,
    int ValidationPairs,
    int TestPairs,
    int MaxEpochs,
    int Patience,
    int BatchSize,
    double LearningRate,
    IReadOnlyList<int> Seeds,
    int Threads = 1)
{
    /// <summary>Images in the training pool (the validation pool has 200, the test pool the remaining 397).</summary>
    public const int TrainImages = 1200;

    /// <summary>Images in the validation pool.</summary>
    public const int ValidationImages = 200;

    /// <summary>The acceptance setting: GCN, GAT, GIN of depth 3 and width 16; 4000/1000/2000 pairs; batches of 128, lr 5e-3, at most 40 epochs, patience 8; 5 seeds.</summary>
    public static InteractionOptions Standard { get; } = new(
        [GnnArchitecture.Gcn, GnnArchitecture.Gat, GnnArchitecture.Gin], 16, 3, 4000, 1000, 2000, 40, 8, 128, 5e-3, [0, 1, 2, 3, 4]);

    /// <summary>A notebook-sized run (one cell under 20 s on 2 cores): the three models, 600/300/600 pairs, batches of 64, 12 epochs at most, one seed.</summary>
    public static InteractionOptions Reduced { get; } = Standard with
    {
        TrainPairs = 600, ValidationPairs = 300, TestPairs = 600, MaxEpochs = 12, Patience = 6, BatchSize = 64, Seeds = [0],
    };

    /// <summary>Throws an ArgumentException naming the first bad value.</summary>
    public void Validate()
    {
        if (Models is null || Models.Count == 0) throw new ArgumentException("At least one model is needed.", nameof(Models));
        if (Seeds is null || Seeds.Count == 0) throw new ArgumentException("At least one seed is needed.", nameof(Seeds));
        if (Hidden < 1 || Depth < 1) throw new ArgumentException($"Hidden width and depth must be >= 1, got {Hidden} and {Depth}.", nameof(Hidden));
        if (TrainPairs < 2 || ValidationPairs < 2 || TestPairs < 2)
            throw new ArgumentException($"Each pair set needs at least 2 pairs, got {TrainPairs}/{ValidationPairs}/{TestPairs}.", nameof(TrainPairs));
        if (MaxEpochs < 1 || Patience < 1 || BatchSize < 1)
            throw new ArgumentException($"MaxEpochs, Patience and BatchSize must be >= 1, got {MaxEpochs}, {Patience}, {BatchSize}.", nameof(MaxEpochs));
        if (!(LearningRate > 0)) throw new ArgumentException($"The learning rate must be > 0, got {LearningRate}.", nameof(LearningRate));
        if (Threads < 1) throw new ArgumentException($"Threads must be >= 1, got {Threads}.", nameof(Threads));
    }
}
