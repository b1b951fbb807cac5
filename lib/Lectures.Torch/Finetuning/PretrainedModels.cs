using System.Collections.Concurrent;
using Lectures.Data;
using static TorchSharp.torch;

namespace Lectures.Torch.Finetuning;

/// <summary>
/// The label-set pretrained MLPs of this process, one per setting that determines them: the data, the training split's
/// size and seed, the label sets, the layer sizes, the element type, the pretraining steps and rate, and the torch
/// threads. Pretraining is deterministic, so a notebook that runs a controlled experiment in parts (lecture 11)
/// pretrains once per setting and every part starts from the same weights as a fresh pretraining gives.
/// </summary>
static class PretrainedModels
{
    sealed record Setting(LabelledImages? Data, int TrainCount, int LabelSetSize, string Sizes, ScalarType DType,
        int Steps, double LearningRate, int Seed, int Threads);

    static readonly ConcurrentDictionary<Setting, Lazy<Mlp>> Models = new();

    /// <summary>
    /// A copy (the caller's to dispose) of the model pretrained for <paramref name="options"/> and <paramref name="seed"/>
    /// with layer sizes <paramref name="sizes"/>; <paramref name="pretrain"/> makes the kept original the first time.
    /// </summary>
    public static Mlp CopyFor(FinetuningOptions options, IReadOnlyList<int> sizes, ScalarType dtype, int seed, Func<Mlp> pretrain)
    {
        var setting = new Setting(options.Task.Data, options.Task.TrainCount, options.Task.LabelSetSize, string.Join("-", sizes), dtype,
            options.Pretraining.Steps, options.Pretraining.LearningRate, seed, options.Threads);
        return Models.GetOrAdd(setting, _ => new Lazy<Mlp>(pretrain)).Value.Copy();
    }
}
