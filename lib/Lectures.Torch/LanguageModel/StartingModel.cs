namespace Lectures.Torch.LanguageModel;

/// <summary>
/// Where the language-model experiment's pretrained model comes from: the checkpoint shipped in datasets/
/// (<see cref="ShippedCheckpoint"/>), a checkpoint file (<see cref="CheckpointFile"/>), or pretraining from seeded
/// weights (<see cref="LanguageModelPretraining"/>).
/// </summary>
public abstract record StartingModel
{
    /// <summary>The checkpoint shipped in datasets/ (<see cref="CharacterLanguageModel.LoadShipped"/>).</summary>
    public static StartingModel Shipped { get; } = new ShippedCheckpoint();

    /// <summary>The checkpoint saved in <paramref name="path"/>.</summary>
    public static StartingModel FromFile(string path) => new CheckpointFile(path);

    /// <summary>Pretraining for <paramref name="steps"/> steps of <paramref name="batchSize"/> sequences at Adam learning rate <paramref name="learningRate"/>.</summary>
    public static StartingModel Pretrain(int steps = 3000, int batchSize = 64, double learningRate = 5e-3) => new LanguageModelPretraining(steps, batchSize, learningRate);

    /// <summary>Checks the choice's settings.</summary>
    internal abstract void Validate();
}

/// <summary>Start from the checkpoint shipped in datasets/.</summary>
public sealed record ShippedCheckpoint : StartingModel
{
    internal override void Validate() { }
}

/// <summary>Start from the checkpoint saved in <paramref name="Path"/>.</summary>
public sealed record CheckpointFile(string Path) : StartingModel
{
    internal override void Validate()
    {
        if (string.IsNullOrWhiteSpace(Path)) throw new ArgumentException("The starting checkpoint's path is empty.");
    }
}

/// <summary>
/// Pretrain: next-token cross-entropy on the pretraining mix of the text tasks for <paramref name="Steps"/> steps of
/// <paramref name="BatchSize"/> sequences, Adam at <paramref name="LearningRate"/>.
/// </summary>
public sealed record LanguageModelPretraining(int Steps = 3000, int BatchSize = 64, double LearningRate = 5e-3) : StartingModel
{
    internal override void Validate()
    {
        if (Steps < 0 || BatchSize < 1 || !(LearningRate > 0))
            throw new ArgumentException($"Pretraining needs steps >= 0, a positive batch size and learning rate; got {this}.");
    }
}
