namespace Lectures.Tests.Torch;

/// <summary>
/// Training draws initial weights and dropout masks from torch's one global generator, so runs are reproducible
/// only when nothing else uses it at the same time: these tests run with no other test in parallel.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class TorchTrainingCollection
{
    public const string Name = "Torch training (global generator)";
}
