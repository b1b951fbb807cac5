using System.CommandLine;
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
public sealed class ExperimentCommand : CommandGroup
{
    /// <summary>
    /// One experiment of the command line: its name (the experiment type's), the names it was known by before, a one-line
    /// description, its journal file, the options it accepts besides --out, --resume and --shard, its setting configured
    /// from those options, and how it runs a setting with a progress sink and a journal.
    /// </summary>
    sealed record Experiment(string Name, string[] Aliases, string Description, string JournalFile, Option[] Settings,
        Func<ParseResult, IExperimentOptions> Configure, Func<IExperimentOptions, IProgress<ExperimentProgress>?, JournalSettings, IExperimentResults> Run);

    /// <summary>
    /// What one `lectures experiment NAME` line asks for: the experiment as the line names it (its name or an earlier one,
    /// which also names the default folder out/experiments/NAME), --out and --resume (null when not given),
    /// the shard (null: the whole grid), the experiment's setting, and the settings as given (e.g. " --dataset cora --model gin").
    /// </summary>
    public sealed record Settings(string Experiment, string? Out, string? Resume, Shard? Shard, IExperimentOptions Options, string Arguments);

    readonly Option<string> output = new("--out") { Description = "where the CSV files and the report go (default out/experiments/NAME)", HelpName = "DIR" };
    readonly Option<string> resume = new("--resume") { Description = "continue a stopped run in DIR: finished runs are kept as they come", HelpName = "DIR" };
    readonly Option<Shard?> shard = new("--shard")
    {
        Description = "run one machine's share; `experiment merge DIR...` joins the shards", HelpName = "K/N", CustomParser = OptionValue.Parser<Shard?>(Shard.Parse),
    };
    readonly Argument<string[]> shards = new("DIR") { Description = "the shards' directories", Arity = ArgumentArity.ZeroOrMore };

    /// <summary>The experiments, in the order `lectures experiment --help` lists them. Adding one is one entry.</summary>
    readonly Experiment[] experiments;

    /// <summary>The `experiment` command: one subcommand per experiment (answering to its earlier names too), and `merge`.</summary>
    public ExperimentCommand() : base("experiment", "run a full experiment, write CSV + HTML report to out/experiments/NAME/")
    {
        var seed = OptionValue.WholeNumber("--seed", "the seed of data, weights, batches and sampling", 0);
        var dataset = new Option<string>("--dataset") { Description = "cora, citation-like, or a graph file", HelpName = "cora|citation-like|FILE.npz", DefaultValueFactory = _ => "cora" };
        var model = new Option<GnnArchitecture?>("--model") { Description = "the GNN (default gcn)", HelpName = "gcn|gin|resgcn", CustomParser = OptionValue.Parser<GnnArchitecture?>(Model) };
        var step = OptionValue.WholeNumber("--step", "the removal step in percent of the edges", 10);
        var part = new Option<string>("--part") { Description = "run only a part of the grid (default: the full grid)", HelpName = "sweep" };
        experiments =
        [
            Register<FinetuningExperiment, FinetuningOptions, FinetuningResults>(["finetune"], [part],
                (result, standard) => result.GetValue(part) switch
                {
                    null => standard,
                    "sweep" => FinetuningOptions.SweepPart,
                    var other => throw new ArgumentException($"Part '{other}' of the finetuning experiment is unknown: expected 'sweep' (or no --part for the full grid)."),
                }),
            Register<InteractionExperiment, InteractionOptions, InteractionResults>([], []),
            Register<LanguageModelExperiment, LanguageModelOptions, LanguageModelResults>(["lm"], [seed],
                (result, standard) => standard with { Seed = result.GetValue(seed) }),
            Register<LanguageModelReplicationExperiment, LanguageModelReplicationOptions, LanguageModelReplicationResults>(["replication"], []),
            Register<SparsificationExperiment, SparsificationOptions, SparsificationResults>(["sparsify"], [dataset, model, step],
                (result, _) => SparsificationOptions.Standard(result.GetValue(dataset)!, result.GetValue(model) ?? GnnArchitecture.Gcn) with { StepPercent = result.GetValue(step) }),
        ];
        Unknown = word => word is null
            ? $"Name an experiment: {string.Join(", ", experiments.Select(e => e.Name))}."
            : $"Unknown experiment '{word}'. Known: {string.Join(", ", experiments.Select(e => e.Name))}, merge.";
        foreach (var experiment in experiments)
        {
            var command = new Command(experiment.Name, experiment.Description) { output, resume, shard };
            foreach (var alias in experiment.Aliases) command.Aliases.Add(alias);
            foreach (var option in experiment.Settings) command.Options.Add(option);
            command.SetAction(result => Run(Read(result, experiment)));
            Subcommands.Add(command);
        }
        var merge = new Command("merge", "join the finished shards' directories (with the shards' settings), write the report") { shards, output };
        foreach (var option in experiments.SelectMany(e => e.Settings)) merge.Options.Add(option);
        merge.SetAction(Merge);
        Subcommands.Add(merge);
    }

    /// <summary>The entry of <typeparamref name="TExperiment"/>: its Standard setting, changed by <paramref name="configure"/> from the command line's options.</summary>
    static Experiment Register<TExperiment, TOptions, TResults>(string[] aliases, Option[] settings, Func<ParseResult, TOptions, TOptions>? configure = null)
        where TExperiment : IExperiment<TOptions, TResults>
        where TOptions : IExperimentOptions
        where TResults : IExperimentResults =>
        new(TExperiment.Name, aliases, TExperiment.Description, TExperiment.JournalFile, settings,
            result => configure is null ? TExperiment.Standard : configure(result, TExperiment.Standard),
            (options, progress, journal) => TExperiment.Run((TOptions)options, progress, journal));

    static GnnArchitecture? Model(string name) => name.ToLowerInvariant() switch
    {
        "gcn" => GnnArchitecture.Gcn, "gin" => GnnArchitecture.Gin, "resgcn" => GnnArchitecture.ResGcn,
        _ => throw new ArgumentException($"Unknown model '{name}': expected gcn, gin or resgcn."),
    };

    /// <summary>The settings of a parsed `experiment NAME` line; throws an ArgumentException when --out and --resume name different directories.</summary>
    public Settings Read(ParseResult result) =>
        Read(result, experiments.Single(e => e.Name == result.CommandResult.Command.Name));

    Settings Read(ParseResult result, Experiment experiment)
    {
        var (outDir, resumed) = (result.GetValue(output), result.GetValue(resume));
        if (resumed is not null && outDir is not null && Path.GetFullPath(resumed) != Path.GetFullPath(outDir))
            throw new ArgumentException($"--resume {resumed} and --out {outDir} name different directories: give one of them.");
        return new Settings(result.CommandResult.IdentifierToken.Value, outDir, resumed, result.GetValue(shard), experiment.Configure(result), SettingArguments(experiment, result));
    }

    /// <summary>
    /// Runs the experiment of <paramref name="settings"/>; returns the exit code. Each finished run is on disk as soon as it
    /// completes; --resume continues an experiment that was stopped, killed or crashed. Ctrl+C stops after the run in
    /// progress (exit code 3, like runs that failed with a native error) and prints how to resume (--resume DIR, the
    /// experiment's output directory).
    /// </summary>
    int Run(Settings settings)
    {
        var experiment = experiments.Single(e => e.Name == settings.Experiment || e.Aliases.Contains(settings.Experiment));
        var outDir = Path.GetFullPath(settings.Out ?? settings.Resume ?? Path.Combine(KitRoot.Find(), "out", "experiments", settings.Experiment));
        var shardArgument = settings.Shard is { } part ? $" --shard {part}" : "";
        return WithCancellation(experiment, settings.Arguments, shardArgument, outDir, stop =>
        {
            var clock = Stopwatch.StartNew();
            var results = experiment.Run(settings.Options, Progress(clock), new JournalSettings(outDir, settings.Resume is not null, stop, settings.Shard));
            if (settings.Shard is null) return Report(experiment, settings.Arguments, results, outDir, clock);
            Console.WriteLine($"Shard {settings.Shard}: {results.Tally} recorded in {outDir}. When every shard has finished, join them with: " +
                $"lectures experiment merge DIR1 ... DIR{settings.Shard.Count} --out OUT{settings.Arguments}");
            return 0;
        });
    }

    /// <summary>
    /// `lectures experiment merge DIR... [--out DIR] [settings]`: joins the shards' run directories (<see cref="RunJournal.Merge"/>;
    /// the experiment is the one whose journal file they hold) into --out (default out/experiments/NAME), then resumes the
    /// joined directory, which runs nothing and writes the report as an unsharded run does.
    /// </summary>
    int Merge(ParseResult result)
    {
        var directories = (result.GetValue(shards) ?? []).Select(Path.GetFullPath).ToList();
        if (directories.Count == 0) throw new ArgumentException("Name the shards' directories to merge: lectures experiment merge DIR... [--out DIR].");
        var file = directories.Select(d => Directory.Exists(d) ? Directory.GetFiles(d, "*.runs").FirstOrDefault() : null).FirstOrDefault(f => f is not null)
            ?? throw new FileNotFoundException($"{directories[0]} holds no experiment's .runs file.");
        var experiment = experiments.FirstOrDefault(e => Path.ChangeExtension(e.JournalFile, ".runs") == Path.GetFileName(file))
            ?? throw new InvalidDataException($"{file} is not the journal of a known experiment.");
        var outDir = Path.GetFullPath(result.GetValue(output) ?? Path.Combine(KitRoot.Find(), "out", "experiments", experiment.Name));
        var foreign = experiments.SelectMany(e => e.Settings).Except(experiment.Settings).Where(o => OptionValue.Given(result, o) is not null).ToList();
        if (foreign.Count > 0)
            throw new ArgumentException($"Unknown option(s): {string.Join(", ", foreign.Select(o => o.Name))}. Known: {string.Join(", ", ["--out", .. experiment.Settings.Select(o => o.Name)])}.");
        var (options, arguments) = (experiment.Configure(result), SettingArguments(experiment, result));
        var runs = RunJournal.Merge(directories, outDir);
        Console.WriteLine($"Merged {runs} runs of {directories.Count} shards into {outDir}.");
        return WithCancellation(experiment, arguments, "", outDir, stop =>
        {
            var clock = Stopwatch.StartNew();
            var results = experiment.Run(options, null, new JournalSettings(outDir, Resume: true, stop));
            return Report(experiment, arguments, results, outDir, clock);
        });
    }

    /// <summary>Runs <paramref name="run"/> with Ctrl+C stopping it after the run in progress; a stopped or failed experiment gives exit code 3 and the command that resumes it.</summary>
    static int WithCancellation(Experiment experiment, string arguments, string shardArgument, string outDir, Func<CancellationToken, int> run)
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
            Console.Error.WriteLine($"{e.Finished} of {e.Total} runs are recorded. Resume with: lectures experiment {experiment.Name} --resume {Quote(outDir)}{shardArgument}{arguments}");
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    /// <summary>Writes the report of <paramref name="results"/> (with this run's provenance) into <paramref name="outDir"/> and prints the summary.</summary>
    static int Report(Experiment experiment, string arguments, IExperimentResults results, string outDir, Stopwatch clock)
    {
        var report = ExperimentReport.Write(results.WithProvenance(Provenance(experiment, arguments)), outDir);
        // Reports load plotly.js from beside them, so they open offline.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Site", ChartHtml.LocalPlotly), Path.Combine(outDir, ChartHtml.LocalPlotly), overwrite: true);
        Console.WriteLine(results.Summary());
        Console.WriteLine($"Wrote {outDir} in {clock.Elapsed.TotalSeconds:0} s (report: {report}).");
        return 0;
    }

    /// <summary>
    /// Where this run comes from, for the result files: today's UTC date, the kit's commit (`git rev-parse HEAD` in the
    /// kit's root, or "unknown" without git) and the command that reproduces it: `lectures experiment NAME` and the
    /// settings given (not --out or --resume).
    /// </summary>
    static RunProvenance Provenance(Experiment experiment, string arguments)
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
            $"lectures experiment {experiment.Name}{arguments}");
    }

    /// <summary>The settings given for <paramref name="experiment"/>, e.g. " --dataset cora --model gin".</summary>
    static string SettingArguments(Experiment experiment, ParseResult result) =>
        string.Concat(experiment.Settings.Select(o => OptionValue.Given(result, o) is { } value ? $" {o.Name} {Quote(value)}" : ""));

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
