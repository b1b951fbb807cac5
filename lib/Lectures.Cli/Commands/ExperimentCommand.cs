using System.Diagnostics;
using Lectures.Cli.Kit;
using Lectures.Plotting;
using Lectures.Torch.Experiments;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Interactions;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Sparsification;

namespace Lectures.Cli.Commands;

/// <summary>
/// `lectures experiment NAME`: runs one of the kit's full experiments with progress and writes its CSV files
/// and HTML report under out/experiments/NAME/ (or --out DIR).
/// </summary>
public static class ExperimentCommand
{
    /// <summary>
    /// One experiment of the command line: its name, a one-line description, the options it accepts besides --out and
    /// --resume, and how it runs from those options with a progress sink, a journal and the run's provenance.
    /// </summary>
    sealed record Experiment(string Name, string Description, string[] Settings,
        Func<Options, IProgress<ExperimentProgress>, JournalSettings, RunProvenance, IExperimentResults> Run);

    /// <summary>The experiments, in the order `lectures experiment --help` lists them. Adding one is one entry.</summary>
    static readonly Experiment[] Experiments =
    [
        new("finetune", "controlled finetuning on UCI digits: RFT vs SFT vs heuristics on small- and large-std inputs (3 seeds)", [],
            (_, progress, journal, _) => ControlledExperiment.Run(ControlledExperimentOptions.Full, progress, journal)),
        new("interaction", "GCN, GAT, GIN on digit pairs over two cliques: low vs high walk-index placement (5 seeds)", [],
            (_, progress, journal, provenance) => InteractionExperiment.Run(InteractionOptions.Standard, progress, journal) with { Provenance = provenance }),
        new("lm", "a small character language model: reward std per input, RFT vs SFT on six text tasks (findings I-III; --seed N)", ["--seed"],
            (options, progress, journal, provenance) => LanguageModelExperiment.Run(new LanguageModelExperimentOptions { Seed = options.GetInt("--seed", 0) }, progress, journal) with { Provenance = provenance }),
        new("sparsify", "accuracy vs edges removed: 1-WIS, 2-WIS, random, spectral, UGS (--dataset cora|citation-like|FILE.npz, --model gcn|gin|resgcn, --step 10|5)",
            ["--dataset", "--model", "--step"],
            (options, progress, journal, provenance) => SparsificationExperiment.Run(SparsificationGrid(options), progress, journal) with { Provenance = provenance }),
    ];

    /// <summary>The experiments by name, with a one-line description each.</summary>
    public static IReadOnlyDictionary<string, string> Names { get; } = Experiments.ToDictionary(e => e.Name, e => e.Description);

    /// <summary>
    /// Runs the experiment named by the first positional argument; returns the exit code. Each finished run is on disk
    /// as soon as it completes; --resume continues an experiment that was stopped, killed or crashed. Ctrl+C stops after
    /// the run in progress (exit code 3, like runs that failed with a native error) and prints how to resume
    /// (--resume DIR, the experiment's output directory).
    /// </summary>
    public static int Run(Options options)
    {
        var name = options.Positional.FirstOrDefault()
            ?? throw new ArgumentException($"Name an experiment: {string.Join(", ", Names.Keys)}.");
        var experiment = Experiments.FirstOrDefault(e => e.Name == name)
            ?? throw new ArgumentException($"Unknown experiment '{name}'. Known: {string.Join(", ", Names.Keys)}.");
        var root = KitRoot.Find();
        // --resume DIR continues the experiment in DIR (the kit's option parser gives every option a value).
        var resumed = options.Get("--resume");
        var outDir = Path.GetFullPath(options.Get("--out") ?? resumed ?? Path.Combine(root, "out", "experiments", name));
        if (resumed is not null && Path.GetFullPath(resumed) != outDir)
            throw new ArgumentException($"--resume {resumed} and --out {options.Get("--out")} name different directories: give one of them.");
        using var stop = new CancellationTokenSource();
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            if (stop.IsCancellationRequested) return; // a second Ctrl+C ends the process at once
            e.Cancel = true;
            stop.Cancel();
            Console.WriteLine("Stopping after the run in progress (Ctrl+C again to end now)...");
        };
        Console.CancelKeyPress += onCancel;
        try
        {
            return Run(experiment, options, outDir, new JournalSettings(outDir, options.Has("--resume"), stop.Token));
        }
        catch (ExperimentIncompleteException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine($"{e.Finished} of {e.Total} runs are recorded. Resume with: lectures experiment {name} --resume {Quote(outDir)}{SettingArguments(experiment, options)}");
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static int Run(Experiment experiment, Options options, string outDir, JournalSettings journal)
    {
        options.RejectUnknown(["--out", "--resume", .. experiment.Settings]);
        var clock = Stopwatch.StartNew();
        var results = experiment.Run(options, Progress(clock), journal, Provenance(experiment, options));
        var report = ExperimentReport.Write(results, outDir);
        // Reports load plotly.js from beside them, so they open offline.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Site", ChartHtml.LocalPlotly), Path.Combine(outDir, ChartHtml.LocalPlotly), overwrite: true);
        Console.WriteLine(results.Summary());
        Console.WriteLine($"Wrote {outDir} in {clock.Elapsed.TotalSeconds:0} s (report: {report}).");
        return 0;
    }

    /// <summary>The sparsify grid: <see cref="SparsificationOptions.Standard"/> for --dataset and --model, in steps of --step percent.</summary>
    static SparsificationOptions SparsificationGrid(Options options)
    {
        var model = options.Get("--model", "gcn")!.ToLowerInvariant() switch
        {
            "gcn" => GnnArchitecture.Gcn, "gin" => GnnArchitecture.Gin, "resgcn" => GnnArchitecture.ResGcn,
            var m => throw new ArgumentException($"Unknown model '{m}': expected gcn, gin or resgcn."),
        };
        return SparsificationOptions.Standard(options.Get("--dataset", "cora")!, model) with { StepPercent = options.GetInt("--step", 10) };
    }

    /// <summary>
    /// Where this run comes from, for the result files: today's UTC date, the kit's commit (`git rev-parse HEAD` in the
    /// kit's root, or "unknown" without git) and the command that reproduces it: `lectures experiment NAME` and the
    /// settings given (not --out or --resume).
    /// </summary>
    static RunProvenance Provenance(Experiment experiment, Options options)
    {
        var commit = "unknown";
        try
        {
            var head = Shell.Run("git", ["rev-parse", "HEAD"], KitRoot.Find(), TimeSpan.FromSeconds(30));
            if (head.ExitCode == 0 && head.Output.Trim() is { Length: 40 } hash) commit = hash;
        }
        catch (InvalidOperationException)
        {
            // git is not installed: the commit stays unknown.
        }
        return new RunProvenance(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), commit,
            $"lectures experiment {experiment.Name}{SettingArguments(experiment, options)}");
    }

    /// <summary>The settings given for <paramref name="experiment"/>, e.g. " --dataset cora --model gin".</summary>
    static string SettingArguments(Experiment experiment, Options options) =>
        string.Concat(experiment.Settings.Select(o => options.Get(o) is { } value ? $" {o} {Quote(value)}" : ""));

    static string Quote(string value) => value.Contains(' ') ? $"\"{value}\"" : value;

    /// <summary>
    /// Prints "[mm:ss] [done/total] message" when the message's stage (the part before " · step") changes or every
    /// 5 seconds.
    /// </summary>
    static IProgress<ExperimentProgress> Progress(Stopwatch clock)
    {
        var last = TimeSpan.Zero;
        var lastStage = "";
        return new SynchronousProgress<ExperimentProgress>(value =>
        {
            var stage = value.Message.Split(" · step")[0];
            if (stage == lastStage && clock.Elapsed - last < TimeSpan.FromSeconds(5)) return;
            last = clock.Elapsed;
            lastStage = stage;
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {value}");
        });
    }
}
