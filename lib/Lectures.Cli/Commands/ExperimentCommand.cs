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
/// and HTML report under out/experiments/NAME/ (or --out DIR); `--shard K/N` runs one machine's share of the grid, and
/// `lectures experiment merge DIR...` joins the shards' directories and writes the report.
/// </summary>
public static class ExperimentCommand
{
    /// <summary>
    /// One experiment of the command line: its name (the experiment type's), the names it was known by before, a one-line
    /// description, its journal file, the options it accepts besides --out, --resume and --shard, and how it runs from
    /// those options with a progress sink and a journal.
    /// </summary>
    sealed record Experiment(string Name, string[] Aliases, string Description, string JournalFile, string[] Settings,
        Func<Options, IProgress<ExperimentProgress>?, JournalSettings, IExperimentResults> Run);

    /// <summary>The experiments, in the order `lectures experiment --help` lists them. Adding one is one entry.</summary>
    static readonly Experiment[] Experiments =
    [
        Register<FinetuningExperiment, FinetuningOptions, FinetuningResults>(["finetune"], ["--part"],
            (options, standard) => options.Get("--part") switch
            {
                null => standard,
                "sweep" => FinetuningOptions.SweepPart,
                var part => throw new ArgumentException($"Part '{part}' of the finetuning experiment is unknown: expected 'sweep' (or no --part for the full grid)."),
            }),
        Register<InteractionExperiment, InteractionOptions, InteractionResults>([], []),
        Register<LanguageModelExperiment, LanguageModelOptions, LanguageModelResults>(["lm"], ["--seed"],
            (options, standard) => standard with { Seed = options.GetInt("--seed", 0) }),
        Register<SparsificationExperiment, SparsificationOptions, SparsificationResults>(["sparsify"], ["--dataset", "--model", "--step"],
            (options, _) => SparsificationGrid(options)),
    ];

    /// <summary>The entry of <typeparamref name="TExperiment"/>: its Standard setting, changed by <paramref name="configure"/> from the command line's options.</summary>
    static Experiment Register<TExperiment, TOptions, TResults>(string[] aliases, string[] settings, Func<Options, TOptions, TOptions>? configure = null)
        where TExperiment : IExperiment<TOptions, TResults>
        where TOptions : IExperimentOptions
        where TResults : IExperimentResults =>
        new(TExperiment.Name, aliases, TExperiment.Description, TExperiment.JournalFile, settings,
            (options, progress, journal) => TExperiment.Run(configure is null ? TExperiment.Standard : configure(options, TExperiment.Standard), progress, journal));

    /// <summary>`lectures experiment --help`: the usage line, the experiments with their earlier names, and merge.</summary>
    public static string Usage() =>
        "lectures experiment NAME [--out DIR] [--resume DIR] [--shard K/N]: run a full experiment, write CSV + HTML report to out/experiments/NAME/.\n" +
        "lectures experiment merge DIR... [--out DIR] [settings]: join the finished shards' directories, write the report.\n\n" +
        string.Join("\n", Experiments.Select(e => $"  {e.Name + string.Concat(e.Aliases.Select(a => $" ({a})")),-26} {e.Description}"));

    /// <summary>
    /// Runs the experiment named by the first positional argument (or `merge`); returns the exit code. Each finished run
    /// is on disk as soon as it completes; --resume continues an experiment that was stopped, killed or crashed. Ctrl+C
    /// stops after the run in progress (exit code 3, like runs that failed with a native error) and prints how to resume
    /// (--resume DIR, the experiment's output directory).
    /// </summary>
    public static int Run(Options options)
    {
        var name = options.Positional.FirstOrDefault()
            ?? throw new ArgumentException($"Name an experiment: {string.Join(", ", Experiments.Select(e => e.Name))}.");
        if (name == "merge") return Merge(options);
        var experiment = Find(name);
        var root = KitRoot.Find();
        // --resume DIR continues the experiment in DIR (the kit's option parser gives every option a value).
        var resumed = options.Get("--resume");
        var outDir = Path.GetFullPath(options.Get("--out") ?? resumed ?? Path.Combine(root, "out", "experiments", name));
        if (resumed is not null && Path.GetFullPath(resumed) != outDir)
            throw new ArgumentException($"--resume {resumed} and --out {options.Get("--out")} name different directories: give one of them.");
        var shard = options.Get("--shard") is { } text ? Shard.Parse(text) : null;
        return WithCancellation(experiment, options, outDir, stop =>
        {
            options.RejectUnknown(["--out", "--resume", "--shard", .. experiment.Settings]);
            var clock = Stopwatch.StartNew();
            var results = experiment.Run(options, Progress(clock), new JournalSettings(outDir, options.Has("--resume"), stop, shard));
            if (shard is null) return Report(experiment, options, results, outDir, clock);
            Console.WriteLine($"Shard {shard}: {results.Tally} recorded in {outDir}. When every shard has finished, join them with: " +
                $"lectures experiment merge DIR1 ... DIR{shard.Count} --out OUT{SettingArguments(experiment, options)}");
            return 0;
        });
    }

    /// <summary>
    /// `lectures experiment merge DIR... [--out DIR] [settings]`: joins the shards' run directories (<see cref="RunJournal.Merge"/>;
    /// the experiment is the one whose journal file they hold) into --out (default out/experiments/NAME), then resumes the
    /// joined directory, which runs nothing and writes the report as an unsharded run does.
    /// </summary>
    static int Merge(Options options)
    {
        var shards = options.Positional.Skip(1).Select(Path.GetFullPath).ToList();
        if (shards.Count == 0) throw new ArgumentException("Name the shards' directories to merge: lectures experiment merge DIR... [--out DIR].");
        var file = shards.Select(d => Directory.Exists(d) ? Directory.GetFiles(d, "*.runs").FirstOrDefault() : null).FirstOrDefault(f => f is not null)
            ?? throw new FileNotFoundException($"{shards[0]} holds no experiment's .runs file.");
        var experiment = Experiments.FirstOrDefault(e => Path.ChangeExtension(e.JournalFile, ".runs") == Path.GetFileName(file))
            ?? throw new InvalidDataException($"{file} is not the journal of a known experiment.");
        var outDir = Path.GetFullPath(options.Get("--out") ?? Path.Combine(KitRoot.Find(), "out", "experiments", experiment.Name));
        options.RejectUnknown(["--out", .. experiment.Settings]);
        var runs = RunJournal.Merge(shards, outDir);
        Console.WriteLine($"Merged {runs} runs of {shards.Count} shards into {outDir}.");
        return WithCancellation(experiment, options, outDir, stop =>
        {
            var clock = Stopwatch.StartNew();
            var results = experiment.Run(options, null, new JournalSettings(outDir, Resume: true, stop));
            return Report(experiment, options, results, outDir, clock);
        });
    }

    static Experiment Find(string name) =>
        Experiments.FirstOrDefault(e => e.Name == name || e.Aliases.Contains(name))
        ?? throw new ArgumentException($"Unknown experiment '{name}'. Known: {string.Join(", ", Experiments.Select(e => e.Name))}, merge.");

    /// <summary>Runs <paramref name="run"/> with Ctrl+C stopping it after the run in progress; a stopped or failed experiment gives exit code 3 and the command that resumes it.</summary>
    static int WithCancellation(Experiment experiment, Options options, string outDir, Func<CancellationToken, int> run)
    {
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
            return run(stop.Token);
        }
        catch (ExperimentIncompleteException e)
        {
            Console.Error.WriteLine(e.Message);
            var shard = options.Get("--shard") is { } text ? $" --shard {text}" : "";
            Console.Error.WriteLine($"{e.Finished} of {e.Total} runs are recorded. Resume with: lectures experiment {experiment.Name} --resume {Quote(outDir)}{shard}{SettingArguments(experiment, options)}");
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Writes the report of <paramref name="results"/> (with this run's provenance) into <paramref name="outDir"/> and prints the summary.</summary>
    static int Report(Experiment experiment, Options options, IExperimentResults results, string outDir, Stopwatch clock)
    {
        var report = ExperimentReport.Write(results.WithProvenance(Provenance(experiment, options)), outDir);
        // Reports load plotly.js from beside them, so they open offline.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Site", ChartHtml.LocalPlotly), Path.Combine(outDir, ChartHtml.LocalPlotly), overwrite: true);
        Console.WriteLine(results.Summary());
        Console.WriteLine($"Wrote {outDir} in {clock.Elapsed.TotalSeconds:0} s (report: {report}).");
        return 0;
    }

    /// <summary>The sparsification grid: <see cref="SparsificationOptions.Standard"/> for --dataset and --model, in steps of --step percent.</summary>
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
