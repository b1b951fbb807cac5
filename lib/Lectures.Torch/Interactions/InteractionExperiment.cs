using Lectures.Torch.Experiments;
using System.Diagnostics;
using Lectures.Data;
using Lectures.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Interactions;

/// <summary>
/// The interaction experiment: GNNs with mean pooling classify whether two digit images show the same digit, with
/// the images' chunks placed on two 16-cliques either one image per clique (low walk index of the partition
/// between the images) or interleaved (high walk index). A GNN can only model the interaction the task needs
/// across a partition with a high walk index, so the high placement should be clearly more accurate.
/// </summary>
public static class InteractionExperiment
{
    /// <summary>
    /// Runs every model, placement and seed of <paramref name="options"/> on <paramref name="images"/> (default the UCI
    /// digits), reporting each finished run. With a <paramref name="journal"/>, each finished run is appended to
    /// interaction.csv in its directory as it completes, and resuming skips the runs recorded there (with the same
    /// options and images).
    /// </summary>
    public static InteractionResults Run(InteractionOptions options, IProgress<ExperimentProgress>? progress = null, JournalSettings? journal = null,
        LabelledImages? images = null)
    {
        ArgumentNullException.ThrowIfNull(options);
        images ??= Digits.Load();
        var recorded = InteractionResults.RunFile.OpenJournal(journal, [.. options.Settings(), .. SettingsDescription.Of(new { Images = images })],
            options.Seeds.Count * options.Models.Count * 2);
        TorchRuntime.EnsureLoaded();
        using var threads = TorchThreads.Use(options.Threads);
        var clock = Stopwatch.StartNew();
        using var graph = MessageGraph.From(DigitPairs.Graph());
        ChunkPlacement[] placements = [ChunkPlacement.LowWalkIndex, ChunkPlacement.HighWalkIndex];
        var walkIndex = placements.ToDictionary(p => p, p => DigitPairs.WalkIndex(p, options.Depth));
        var runs = new List<InteractionRun>(recorded.Total);
        var done = 0;
        foreach (var seed in options.Seeds)
        {
            var (train, rest) = images.Split(InteractionOptions.TrainImages, seed);
            var (validation, test) = rest.Split(InteractionOptions.ValidationImages, seed);
            var pairs = new[] { (train, options.TrainPairs), (validation, options.ValidationPairs), (test, options.TestPairs) }
                .Select(s => (Images: s.Item1, Pairs: DigitPairs.Sample(s.Item1, s.Item2, seed))).ToArray();
            foreach (var placement in placements)
            {
                PairData? data = null;
                try
                {
                    foreach (var model in options.Models)
                    {
                        var name = $"{GnnSpec.Name(model.Architecture)} {InteractionResults.PlacementName(placement, walkIndex[placement])} seed {seed}";
                        var run = InteractionResults.RunFile.Run(recorded, name, () =>
                        {
                            data ??= new PairData(pairs, placement);
                            var result = Train(model, options, graph, data, seed);
                            return new InteractionRun(GnnSpec.Name(model.Architecture), placement, walkIndex[placement], seed,
                                result.TrainAccuracy, result.ValidationAccuracy, result.TestAccuracy, result.BestEpoch, result.Epochs);
                        });
                        done++;
                        if (run is null) continue;
                        runs.Add(run);
                        progress?.Report(new ExperimentProgress(done, recorded.Total, $"{name}: test accuracy {run.TestAccuracy:F3}"));
                    }
                }
                finally
                {
                    data?.Dispose();
                }
            }
        }
        recorded.Complete();
        return new InteractionResults(options, runs, clock.Elapsed) { RecordedEarlier = recorded.RecordedEarlier };
    }

    /// <summary>
    /// Trains through <see cref="GnnTrainer"/>: each epoch is one pass over the training pairs in a shuffled order
    /// (new Random(seed)), one Adam step per batch on the binary cross-entropy of the pooled logit.
    /// </summary>
    private static TrainingResult Train(GnnSpec spec, InteractionOptions options, MessageGraph graph, PairData data, int seed)
    {
        var rng = new Random(seed);
        var order = Enumerable.Range(0, (int)data.Train.Labels.shape[0]).Select(i => (long)i).ToArray();
        return GnnTrainer.Fit(() => spec.Create(DigitPairs.FeatureCount, 1, GnnReadout.MeanPool), options.Training, seed,
            (model, optimizer) =>
            {
                rng.Shuffle(order);
                for (var start = 0; start < order.Length; start += options.BatchSize)
                {
                    using var scope = NewDisposeScope();
                    var batch = tensor(order[start..Math.Min(order.Length, start + options.BatchSize)]);
                    optimizer.zero_grad();
                    var logits = model.forward(data.Train.Features.index_select(0, batch), graph, null).squeeze(-1);
                    nn.functional.binary_cross_entropy_with_logits(logits, data.Train.Labels.index_select(0, batch)).backward();
                    optimizer.step();
                }
            },
            model => new EpochValidation(Accuracy(model, graph, data.Validation), () => (Accuracy(model, graph, data.Test), Accuracy(model, graph, data.Train))));
    }

    private static double Accuracy(GnnModel model, MessageGraph graph, PairSet set)
    {
        using var scope = NewDisposeScope();
        var predicted = model.forward(set.Features, graph, null).squeeze(-1).GreaterThan(0).to_type(ScalarType.Float32);
        return predicted.eq(set.Labels).sum().item<long>() / (double)set.Labels.shape[0];
    }

    /// <summary>Features [pairs, 32, 22] and labels (1 = same digit) of one pair set under one placement.</summary>
    private sealed record PairSet(Tensor Features, Tensor Labels);

    private sealed class PairData : IDisposable
    {
        public PairData((LabelledImages Images, (int First, int Second, bool Same)[] Pairs)[] sets, ChunkPlacement placement)
        {
            var built = sets.Select(s => new PairSet(
                tensor(DigitPairs.Features(s.Images, s.Pairs, placement), [s.Pairs.Length, 2 * DigitPairs.ChunksPerImage, DigitPairs.FeatureCount]).DetachFromDisposeScope(),
                tensor(s.Pairs.Select(p => p.Same ? 1f : 0f).ToArray()).DetachFromDisposeScope())).ToArray();
            (Train, Validation, Test) = (built[0], built[1], built[2]);
        }

        public PairSet Train { get; }
        public PairSet Validation { get; }
        public PairSet Test { get; }

        public void Dispose()
        {
            foreach (var set in new[] { Train, Validation, Test })
            {
                set.Features.Dispose();
                set.Labels.Dispose();
            }
        }
    }
}
