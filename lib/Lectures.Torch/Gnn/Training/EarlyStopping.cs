namespace Lectures.Torch.Gnn.Training;

/// <summary>
/// Early stopping on validation accuracy, the one rule of every GNN training loop: run epochs while
/// epoch &lt; MaxEpochs and epoch - bestEpoch &lt; Patience; the best epoch is the first one reaching the highest
/// validation accuracy, and the reported accuracies are those measured at it.
/// </summary>
internal sealed class EarlyStopping(int maxEpochs, int patience)
{
    /// <summary>Epochs started so far.</summary>
    public int Epoch { get; private set; }

    /// <summary>The (1-based) epoch of the best validation accuracy, 0 before any.</summary>
    public int BestEpoch { get; private set; }

    /// <summary>The best validation accuracy so far (-1 before any).</summary>
    public double BestValidation { get; private set; } = -1;

    /// <summary>Starts the next epoch and returns true, or returns false when training stops.</summary>
    public bool NextEpoch()
    {
        if (Epoch >= maxEpochs || Epoch - BestEpoch >= patience) return false;
        Epoch++;
        return true;
    }

    /// <summary>Records this epoch's validation accuracy; true when it beats the best so far (measure the other accuracies then).</summary>
    public bool Improved(double validation)
    {
        if (!(validation > BestValidation)) return false;
        (BestValidation, BestEpoch) = (validation, Epoch);
        return true;
    }

    /// <summary>The result with the test and training accuracies measured at the best epoch.</summary>
    public TrainingResult Result(double test, double train) => new(test, BestValidation, train, BestEpoch, Epoch);
}
