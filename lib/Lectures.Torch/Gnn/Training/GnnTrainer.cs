using Lectures.Torch.Gnn.Models;
using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Torch.Gnn.Training;

/// <summary>
/// An epoch's validation accuracy, and how to measure the test and training accuracies of the same model (called
/// only when the validation accuracy is the best so far, the epoch whose accuracies the run reports).
/// </summary>
internal readonly record struct EpochValidation(double Accuracy, Func<(double Test, double Train)> AccuraciesAtBest);

/// <summary>
/// The one training loop of the GNNs (vertex classification, UGS's masked training, the interaction experiment):
/// torch.manual_seed(seed), then the model (its initial weights come from the seed) and Adam with the options'
/// learning rate and weight decay on its parameters; then, while <see cref="EarlyStopping"/> allows, one epoch of
/// optimiser steps in training mode and the validation accuracy in evaluation mode without gradients. The result
/// holds the test and training accuracies of the first epoch with the best validation accuracy.
/// </summary>
internal static class GnnTrainer
{
    /// <summary>
    /// Trains the model <paramref name="createModel"/> builds: each epoch runs <paramref name="trainEpoch"/> (its
    /// steps, each zero_grad, loss, backward, step, with the Adam given) and then <paramref name="validate"/>.
    /// </summary>
    public static TrainingResult Fit(Func<GnnModel> createModel, TrainingOptions options, int seed,
        Action<GnnModel, optim.Optimizer> trainEpoch, Func<GnnModel, EpochValidation> validate)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        torch.manual_seed(seed);
        using var model = createModel();
        using var optimizer = optim.Adam(model.parameters(), options.LearningRate, weight_decay: options.WeightDecay);
        var stopping = new EarlyStopping(options.MaxEpochs, options.Patience);
        (double Test, double Train) best = (0, 0);
        while (stopping.NextEpoch())
        {
            Lectures.Interruption.ThrowIfRequested();
            using var scope = NewDisposeScope();
            model.train();
            trainEpoch(model, optimizer);
            model.eval();
            using var noGrad = no_grad();
            var validation = validate(model);
            if (stopping.Improved(validation.Accuracy)) best = validation.AccuraciesAtBest();
        }
        return stopping.Result(best.Test, best.Train);
    }
}
