using System.Globalization;
using Lectures.Finetuning;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Interactions;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Sparsification;

namespace Lectures.Torch.Experiments;

/// <summary>
/// Every name a run directory stores, in one place, so that run directories recorded by earlier versions of the kit
/// still resume: the settings lines of the four experiments (frozen under the flat names the options had before they
/// were composed of parts), the finetuning methods' journal keys before method names were built from their phases,
/// the language-model outcomes recorded then, and the language model's CSV column names.
/// </summary>
public static class JournalMigrations
{
    /// <summary>Sparsification: one line per option except the dataset's name (the graph's description stands for it).</summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(SparsificationOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        return SettingsDescription.Of(options, nameof(SparsificationOptions.Dataset));
    }

    /// <summary>
    /// Interaction: the lines of the earlier flat options (BatchSize, Depth, Hidden, LearningRate, MaxEpochs, Models,
    /// Patience, Seeds, TestPairs, Threads, TrainPairs, ValidationPairs); Dropout, Heads and WeightDecay only when they
    /// differ from 0, 4 and 0.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(InteractionOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        static string N(double x) => x.ToString("R", CultureInfo.InvariantCulture);
        static string I(int x) => x.ToString(CultureInfo.InvariantCulture);
        var shape = options.Models[0];
        var training = options.Training;
        var lines = new List<(string, string)>
        {
            ("BatchSize", I(options.BatchSize)), ("Depth", I(shape.Depth)), ("Hidden", I(shape.Hidden)), ("LearningRate", N(training.LearningRate)),
            ("MaxEpochs", I(training.MaxEpochs)), ("Models", $"[{string.Join(", ", options.Models.Select(m => m.Architecture))}]"), ("Patience", I(training.Patience)),
            ("Seeds", $"[{string.Join(", ", options.Seeds.Select(I))}]"), ("TestPairs", I(options.TestPairs)), ("Threads", I(options.Threads)),
            ("TrainPairs", I(options.TrainPairs)), ("ValidationPairs", I(options.ValidationPairs)),
        };
        if (shape.Dropout != 0) lines.Add(("Dropout", N(shape.Dropout)));
        if (shape.Heads != 4) lines.Add(("Heads", I(shape.Heads)));
        if (training.WeightDecay != 0) lines.Add(("WeightDecay", N(training.WeightDecay)));
        return lines;
    }

    /// <summary>
    /// Finetuning: one line per setting of every part under the earlier flat names (PretrainSteps, PretrainLearningRate,
    /// Methods for the chosen names, ...); the Sweep* lines only when the sweep is not empty (run folders
    /// recorded before the sweep was added resume with <see cref="FinetuningMethodOptions.WithoutSweep"/>).
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(FinetuningOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var (task, methods, grid) = (options.Task, options.Methods, options.Grid);
        var noSweep = methods.SweepFractions.Count == 0 || methods.SweepStepShares.Count == 0;
        return SettingsDescription.Of(new
        {
            task.Data, task.TrainCount, task.LabelSetSize, task.ModifiedFraction, options.HiddenSizes,
            PretrainSteps = options.Pretraining.Steps, PretrainLearningRate = options.Pretraining.LearningRate,
            methods.Steps, methods.SftPhaseSteps, methods.CheapSftSteps, methods.CheapSftLearningRateScale, methods.CheapSftFraction,
            methods.LearningRateMultipliers, methods.Temperatures, methods.EntropyCoefficients, methods.ReinforceSamples,
            methods.SweepFractions, methods.SweepStepShares, grid.SweepOptimizers, grid.SweepWrongRewardsOnModified,
            grid.Optimizers, grid.WrongRewardsOnModified, grid.Relabellings, grid.Seeds,
            Methods = methods.Chosen, options.SinglePrecision, options.Threads, options.LogEvery, options.SmallStdThreshold,
        }).Where(line => !(noSweep && line.Name.StartsWith("Sweep", StringComparison.Ordinal))).ToList();
    }

    /// <summary>
    /// Language model: one line per setting of every part under the earlier flat names, the starting model as the flat
    /// options PretrainedModelPath, PretrainingBatchSize, PretrainingLearningRate, PretrainingSteps, UseShippedModel (the
    /// pretraining defaults when the model is loaded), the cheap SFT phase as SmallSftSteps and LabelledFraction.
    /// </summary>
    public static IReadOnlyList<(string Name, string Value)> Settings(LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var pretraining = options.StartingModel as LanguageModelPretraining ?? new LanguageModelPretraining();
        var (tasks, finetuning, methods, probe) = (options.Tasks, options.Finetuning, options.Methods, options.Probe);
        return SettingsDescription.Of(new
        {
            options.Seed, options.Threads, options.HiddenSize,
            PretrainedModelPath = (options.StartingModel as CheckpointFile)?.Path,
            PretrainingBatchSize = pretraining.BatchSize,
            PretrainingLearningRate = pretraining.LearningRate,
            PretrainingSteps = pretraining.Steps,
            UseShippedModel = options.StartingModel is ShippedCheckpoint,
            Tasks = tasks.Names, tasks.TrainInputs, tasks.TestInputs,
            FinetuningSteps = finetuning.Steps, finetuning.BatchSize, finetuning.LearningRate, finetuning.SamplesPerInput, finetuning.PpoEpochs,
            methods.IncludeReinforce, methods.IncludeSftPhaseRuns, methods.InitialSftSteps,
            LabelledFraction = methods.CheapSftFraction, SmallSftSteps = methods.CheapSftSteps,
            ProbeEvery = probe.Every, ProbeSamples = probe.Samples, probe.StdThreshold, probe.LowReward,
        });
    }

    /// <summary>
    /// The name the kit gave a finetuning method before names were built from the phases ("SFT then RFT",
    /// "1% SFT then RFT", "RFT, lr x10", ...; its name if unchanged): journal keys recorded then hold it.
    /// </summary>
    public static string EarlierName(FinetuningMethods methods, FinetuningMethod method)
    {
        ArgumentNullException.ThrowIfNull(methods);
        ArgumentNullException.ThrowIfNull(method);
        return EarlierNames(methods).FirstOrDefault(pair => pair.Today == method.Name).Earlier ?? method.Name;
    }

    static IEnumerable<(string Earlier, string Today)> EarlierNames(FinetuningMethods methods)
    {
        yield return ("SFT then RFT", methods.SftThenRft.Name);
        yield return ("1% SFT then RFT", methods.CheapSftThenRft.Name);
        foreach (var h in methods.Heuristics)
        {
            var p = h.Phases[0];
            var setting = p.LearningRateScale != 1 ? $"lr x{G(p.LearningRateScale)}"
                : p.Temperature != 1 ? $"temperature {G(p.Temperature)}" : $"entropy {G(p.EntropyBonus)}";
            yield return ("RFT, " + setting, h.Name);
        }
    }

    static string G(double x) => x.ToString("G3", CultureInfo.InvariantCulture);

    /// <summary>
    /// The finetuning run <paramref name="label"/> as recorded under its method's earlier name (<see cref="EarlierName"/>),
    /// its rows carrying today's name; null when no such run is recorded.
    /// </summary>
    public static FinetuningRun? RecordedUnderEarlierName(RunFile<FinetuningRun> file, RunJournal journal, FinetuningMethods methods,
        FinetuningMethod method, RunLabel label, Func<RunLabel, string> key)
    {
        ArgumentNullException.ThrowIfNull(file);
        var earlier = EarlierName(methods, method);
        if (earlier == method.Name || file.Recorded(journal, key(label with { Method = earlier })) is not { } run) return null;
        return run with { Records = run.Records.Select(r => r with { Method = method.Name }).ToList() };
    }

    /// <summary>
    /// A language-model outcome recorded before method names were built from the phases (no <see cref="LanguageModelRun.RunNames"/>)
    /// with today's names ("SFT then RFT" and "small SFT then RFT" renamed); a newer outcome as it is.
    /// </summary>
    public static LanguageModelRun Upgraded(LanguageModelRun outcome, LanguageModelOptions options)
    {
        ArgumentNullException.ThrowIfNull(outcome);
        if (outcome.RunNames is not null) return outcome;
        var names = LanguageModelMethods.For(options).Names;
        string Renamed(string name) => name switch
        {
            "SFT then RFT" => names.SftThenRft,
            "small SFT then RFT" => names.CheapSftThenRft,
            _ => name,
        };
        return outcome with
        {
            RunNames = names,
            Runs = outcome.Runs.Values.Select(r => r with { Name = Renamed(r.Name) }).ToDictionary(r => r.Name),
        };
    }

    /// <summary>The column stem of the cheap SFT phase in the language model's CSV files, as first written: "small_sft".</summary>
    public const string CheapSftColumn = "small_sft";

    /// <summary>
    /// A language-model run's column prefix in the CSV files, the same in every version: "sft", "rft__ppo_",
    /// "rft__reinforce_", "sft_then_rft", "small_sft_then_rft".
    /// </summary>
    public static string Column(LanguageModelRunNames names, string run)
    {
        ArgumentNullException.ThrowIfNull(names);
        return run == names.SftThenRft ? "sft_then_rft"
            : run == names.CheapSftThenRft ? CheapSftColumn + "_then_rft"
            : new(run.ToLowerInvariant().Select(c => char.IsLetterOrDigit(c) ? c : '_').ToArray());
    }
}
