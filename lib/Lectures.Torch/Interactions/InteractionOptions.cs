using Lectures.Torch.Experiments;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Interactions;

/// <summary>
/// The interaction experiment's setting. The 1797 digit images are split per seed into disjoint pools (1200
/// train, 200 validation, the rest test); pairs are drawn from each pool. Training: Adam on binary cross-entropy
/// with mini-batches, early stopping on validation accuracy.
/// </summary>
/// <param name="Models">The GNNs compared (GCN, GAT, GIN), one depth L and one hidden width for all; mean pooling and one logit are added.</param>
/// <param name="Training">Adam's step size and weight decay, at most MaxEpochs epochs, early stopping after Patience epochs without a validation improvement.</param>
/// <param name="TrainPairs">Training pairs per seed.</param>
/// <param name="ValidationPairs">Validation pairs per seed.</param>
/// <param name="TestPairs">Test pairs per seed.</param>
/// <param name="BatchSize">Pairs per Adam step.</param>
/// <param name="Seeds">Seeds: image split, pairs, initial weights, batch order (the same for both placements).</param>
/// <param name="Threads">torch.set_num_threads for the run.</param>
public sealed record InteractionOptions(
    IReadOnlyList<GnnOptions> Models,
    TrainingOptions Training,
    int TrainPairs,
    int ValidationPairs,
    int TestPairs,
    int BatchSize,
    IReadOnlyList<int> Seeds,
    int Threads = 1) : IExperimentOptions
{
    /// <summary>Images in the training pool (the validation pool has 200, the test pool the remaining 397).</summary>
    public const int TrainImages = 1200;

    /// <summary>Images in the validation pool.</summary>
    public const int ValidationImages = 200;

    /// <summary>The acceptance setting: GCN, GAT, GIN of depth 3 and width 16 (no dropout); 4000/1000/2000 pairs; batches of 128, lr 5e-3, at most 40 epochs, patience 8; 5 seeds.</summary>
    public static InteractionOptions Standard { get; } = new(
        Architectures([GnnArchitecture.Gcn, GnnArchitecture.Gat, GnnArchitecture.Gin]),
        new TrainingOptions(LearningRate: 5e-3, WeightDecay: 0, MaxEpochs: 40, Patience: 8), 4000, 1000, 2000, 128, [0, 1, 2, 3, 4]);

    /// <summary>A notebook-sized run (one cell under 20 s on 2 cores): the three models, 600/300/600 pairs, batches of 64, 12 epochs at most, one seed.</summary>
    public static InteractionOptions Reduced { get; } = Standard with
    {
        Training = Standard.Training with { MaxEpochs = 12, Patience = 6 }, TrainPairs = 600, ValidationPairs = 300, TestPairs = 600, BatchSize = 64, Seeds = [0],
    };

    /// <summary>The models of these architectures with the experiment's shape: depth 3, width 16, no dropout.</summary>
    public static IReadOnlyList<GnnOptions> Architectures(IEnumerable<GnnArchitecture> architectures, int hidden = 16, int depth = 3) =>
        architectures.Select(a => new GnnOptions(a, hidden, depth, Dropout: 0)).ToList();

    /// <summary>The message-passing depth L shared by the models (the placements' walk indices are for it).</summary>
    public int Depth => Models[0].Depth;

    /// <summary>
    /// The settings as the journal records them: the lines of the earlier flat options
    /// (<see cref="JournalMigrations.Settings(InteractionOptions)"/>); the experiment adds the images' hash.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> Settings() => JournalMigrations.Settings(this);

    /// <summary>Throws an ArgumentException naming the first bad value.</summary>
    public void Validate()
    {
        if (Models is null || Models.Count == 0) throw new ArgumentException("At least one model is needed.", nameof(Models));
        var shape = Models[0];
        if (Models.Any(m => m.Hidden != shape.Hidden || m.Depth != shape.Depth || m.Dropout != shape.Dropout || m.Heads != shape.Heads))
            throw new ArgumentException($"The models compared must share one shape (depth, width, dropout, heads); got {string.Join("; ", Models)}.", nameof(Models));
        if (shape.Hidden < 1 || shape.Depth < 1) throw new ArgumentException($"Hidden width and depth must be >= 1, got {shape.Hidden} and {shape.Depth}.", nameof(Models));
        ArgumentNullException.ThrowIfNull(Training);
        Training.Validate();
        if (Seeds is null || Seeds.Count == 0) throw new ArgumentException("At least one seed is needed.", nameof(Seeds));
        if (TrainPairs < 2 || ValidationPairs < 2 || TestPairs < 2)
            throw new ArgumentException($"Each pair set needs at least 2 pairs, got {TrainPairs}/{ValidationPairs}/{TestPairs}.", nameof(TrainPairs));
        if (BatchSize < 1) throw new ArgumentException($"BatchSize must be >= 1, got {BatchSize}.", nameof(BatchSize));
        if (Threads < 1) throw new ArgumentException($"Threads must be >= 1, got {Threads}.", nameof(Threads));
    }
}
