using Lectures.Graphs;
using Lectures.Sparsification;
using Lectures.Torch.Experiments;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;

namespace Lectures.Torch.Sparsification;

/// <summary>
/// The sparsification experiment's grid: dataset, model, training, methods, removal levels (0, step, 2 step, ...,
/// 100 percent) and seeds. At a seed every method uses the same split and the same initial weights (paired seeds).
/// </summary>
/// <param name="Dataset">"cora" (the shared Cora file), "citation-like" (the kit's SBM stand-in, seed 0) or a path to an .npz graph.</param>
/// <param name="Model">The GNN trained at every grid point.</param>
/// <param name="Training">Optimiser and early stopping.</param>
/// <param name="Methods">The removal methods compared.</param>
/// <param name="StepPercent">Spacing of the removal levels in percent (10, or 5 for the full run).</param>
/// <param name="Seeds">The seeds (split, initialisation, dropout, random orders).</param>
/// <param name="Threads">torch.set_num_threads for the run (1 keeps runs reproducible across machines and leaves cores to others).</param>
public sealed record SparsificationOptions(
    string Dataset,
    GnnSpec Model,
    TrainingOptions Training,
    IReadOnlyList<SparsificationMethod> Methods,
    double StepPercent,
    IReadOnlyList<int> Seeds,
    int Threads = 1)
{
    /// <summary>The acceptance setting: the dataset and model given, all five methods, steps of 10%, seeds 0..4.</summary>
    public static SparsificationOptions Standard(string dataset = "cora", GnnArchitecture model = GnnArchitecture.Gcn) =>
        new(dataset, new GnnSpec(model), TrainingOptions.Default, SparsificationMethods.Compared, 10, [0, 1, 2, 3, 4]);

    /// <summary>The original study's resolution: steps of 5%, seeds 0..4.</summary>
    public static SparsificationOptions Full(string dataset = "cora", GnnArchitecture model = GnnArchitecture.Gcn) =>
        Standard(dataset, model) with { StepPercent = 5 };

    /// <summary>
    /// A notebook-sized run (under 45 s on 2 cores): GCN on the dataset, 1-WIS against random, levels 0, 25, 50, 75,
    /// 100%, one seed, a larger learning rate (5e-3) with shorter patience so each run stops after a few dozen epochs.
    /// </summary>
    public static SparsificationOptions Reduced(string dataset = "cora") =>
        new(dataset, new GnnSpec(GnnArchitecture.Gcn), new TrainingOptions(LearningRate: 5e-3, MaxEpochs: 100, Patience: 15),
            [SparsificationMethod.OneWis, SparsificationMethod.Random], 25, [0]);

    /// <summary>The removal levels 0, step, 2 step, ..., 100 (percent).</summary>
    public IReadOnlyList<double> Levels
    {
        get
        {
            var count = (int)Math.Round(100 / StepPercent);
            return Enumerable.Range(0, count + 1).Select(k => Math.Min(100, k * StepPercent)).ToArray();
        }
    }

    /// <summary>
    /// The settings as the journal records them: one line per option except the dataset's name (Levels, Methods,
    /// Model, Seeds, StepPercent, Threads, Training; see <see cref="SettingsDescription.Of"/>), then the loaded graph's description.
    /// </summary>
    public IReadOnlyList<(string Name, string Value)> Settings(LoadedGraph loaded)
    {
        ArgumentNullException.ThrowIfNull(loaded);
        return [.. SettingsDescription.Of(this, nameof(Dataset)), ("Graph", loaded.Description)];
    }

    /// <summary>Throws an ArgumentException naming the first bad value.</summary>
    public void Validate()
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(Dataset);
        ArgumentNullException.ThrowIfNull(Model);
        ArgumentNullException.ThrowIfNull(Training);
        Training.Validate();
        if (Methods is null || Methods.Count == 0) throw new ArgumentException("At least one sparsification method is needed.", nameof(Methods));
        if (Seeds is null || Seeds.Count == 0) throw new ArgumentException("At least one seed is needed.", nameof(Seeds));
        if (!(StepPercent is > 0 and <= 100) || Math.Abs(100 / StepPercent - Math.Round(100 / StepPercent)) > 1e-9)
            throw new ArgumentException($"The step must divide 100 (e.g. 5, 10, 25), got {StepPercent}.", nameof(StepPercent));
        if (Threads < 1) throw new ArgumentException($"Threads must be >= 1, got {Threads}.", nameof(Threads));
    }
}
