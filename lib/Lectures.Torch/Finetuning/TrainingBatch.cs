using Lectures.Data;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>The full training batch as tensors: inputs X (n x d), rewards R (n x K), one-hot targets E (n x K).</summary>
public sealed class TrainingBatch : IDisposable
{
    /// <summary>Builds the tensors of the task's training inputs, rewards and targets with element type <paramref name="dtype"/>.</summary>
    public TrainingBatch(LabelledImages train, FinetuningTask task, ScalarType dtype = ScalarType.Float64)
    {
        ArgumentNullException.ThrowIfNull(train);
        ArgumentNullException.ThrowIfNull(task);
        if (train.Count != task.Count)
            throw new ArgumentException($"The task has {task.Count} inputs but the training set has {train.Count}: expected the same inputs.", nameof(task));
        Runtime.TorchRuntime.EnsureLoaded();
        Count = train.Count;
        ClassCount = task.ClassCount;
        Task = task;
        DType = dtype;
        Inputs = tensor(train.Inputs.SelectMany(x => x).ToArray(), new long[] { Count, train.Dimension }, DType);
        Rewards = tensor(task.RewardTable(), new long[] { Count, ClassCount }, DType);
        var oneHot = new double[Count * ClassCount];
        for (var i = 0; i < Count; i++) oneHot[i * ClassCount + task.Targets[i]] = 1;
        Targets = tensor(oneHot, new long[] { Count, ClassCount }, DType);
    }

    /// <summary>The task the rewards come from.</summary>
    public FinetuningTask Task { get; }

    /// <summary>The element type of every tensor (that of the model being trained).</summary>
    public ScalarType DType { get; }

    /// <summary>The number of inputs n.</summary>
    public int Count { get; }

    /// <summary>The number of classes K.</summary>
    public int ClassCount { get; }

    /// <summary>X: one input per row.</summary>
    public Tensor Inputs { get; }

    /// <summary>R[i, y] = r(x_i, y).</summary>
    public Tensor Rewards { get; }

    /// <summary>E[i, y] = 1 when y is the target of input i, else 0.</summary>
    public Tensor Targets { get; }

    /// <summary>Disposes the tensors.</summary>
    public void Dispose()
    {
        Inputs.Dispose();
        Rewards.Dispose();
        Targets.Dispose();
    }
}
