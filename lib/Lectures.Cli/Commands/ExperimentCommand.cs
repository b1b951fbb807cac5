using Lectures.Torch.Experiments;
using System.Diagnostics;
using Lectures.Cli.Kit;
using Lectures.Plotting;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Gnn.Models;
using Lectures.Torch.Gnn.Training;
using Lectures.Torch.Interactions;
using Lectures.Torch.Sparsification;
using Lectures.Torch.LanguageModel;
using Lectures.Torch.Runtime;

namespace Lectures.Cli.Commands;

/// <summary>
/// `lectures experiment NAME`: runs one of the kit's full experiments with progress and writes its CSV files
/// and HTML report under out/experiments/NAME/ (or --out DIR).
/// </summary>
public static class ExperimentCommand
{
    /// <summary>The experiments by name, with a one-line description each.</summary>
    public static readonly IReadOnlyDictionary<string, string> Names = new SortedDictionary<string, string>
    {
        ["finetune"] = "controlled finetuning on UCI digits: RFT vs SFT vs heuristics on small- and large-std inputs (3 seeds)",
        ["interaction"] = "GCN, GAT, GIN on digit pairs over two cliques: low vs high walk-index placement (5 seeds)",
        ["sparsify"] = "accuracy vs edges removed: 1-WIS, 2-WIS, random, spectral, UGS (--dataset cora|citation-like|FILE.npz, --model gcn|gin|resgcn, --step 10|5)",
        ["lm"] = "a small character language model: reward std per input, RFT vs SFT on six text tasks (findings I-III)",
    };

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
        if (!Names.ContainsKey(name))
            throw new ArgumentException($"Unknown experiment '{name}'. Known: {string.Join(", ", Names.Keys)}.");
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
            return Run(name, options, outDir, new JournalSettings(outDir, options.Has("--resume"), stop.Token));
        }
        catch (ExperimentIncompleteException e)
        {
            Console.Error.WriteLine(e.Message);
            Console.Error.WriteLine($"{e.Finished} of {e.Total} runs are recorded. Resume with: lectures experiment {name}{ResumeArguments(options, outDir)}");
            return 3;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
        }
    }

    static int Run(string name, Options options, string outDir, JournalSettings journal)
    {
        var clock = Stopwatch.StartNew();
        var root = KitRoot.Find();
        var report = Path.Combine(outDir, "report.html");
        switch (name)
        {
            case "sparsify":
                options.RejectUnknown("--out", "--resume", "--dataset", "--model", "--step");
                var model = options.Get("--model", "gcn")!.ToLowerInvariant() switch
                {
                    "gcn" => GnnArchitecture.Gcn, "gin" => GnnArchitecture.Gin, "resgcn" => GnnArchitecture.ResGcn,
                    var m => throw new ArgumentException($"Unknown model '{m}': expected gcn, gin or resgcn."),
                };
                var grid = SparsificationOptions.Standard(options.Get("--dataset", "cora")!, model) with { StepPercent = options.GetInt("--step", 10) };
                var sparsified = SparsificationExperiment.Run(grid, Progress<ExperimentProgress>(p => $"{p.Done}/{p.Total} {p.Message}", clock), journal);
                report = ExperimentReport.Write(sparsified with { Provenance = Provenance(root) }, outDir);
                break;
            case "interaction":
                options.RejectUnknown("--out", "--resume");
                var interaction = InteractionExperiment.Run(InteractionOptions.Standard, Progress<ExperimentProgress>(p => $"{p.Done}/{p.Total} {p.Message}", clock), journal);
                report = ExperimentReport.Write(interaction with { Provenance = Provenance(root) }, outDir);
                foreach (var c in interaction.Comparisons())
                    Console.WriteLine($"  {c.Model}: low WI {c.LowWalkIndex} {c.LowMean:P1}, high WI {c.HighWalkIndex} {c.HighMean:P1}, difference {c.StandardErrors:F1} standard errors");
                break;
            case "finetune":
                options.RejectUnknown("--out", "--resume");
                var controlled = ControlledExperiment.Run(ControlledExperimentOptions.Full, Progress<ExperimentProgress>(p => p.ToString(), clock), journal);
                report = ExperimentReport.Write(controlled, outDir);
                Console.WriteLine(controlled.Summary());
                break;
            case "lm":
                options.RejectUnknown("--out", "--resume", "--seed");
                var result = LanguageModelExperiment.Run(new LanguageModelExperimentOptions { Seed = options.GetInt("--seed", 0) },
                    Progress<ExperimentProgress>(p => $"{p.Message} ({p.Done}/{p.Total} training steps)", clock), journal);
                report = ExperimentReport.Write(result, outDir);
                foreach (var t in result.Tasks)
                    Console.WriteLine($"  {t.Task,-10} small std & low reward {t.FractionSmallStdLowReward:P0}, RFT gain / SFT gain {t.RftGainRelativeToSft:F2}");
                Console.WriteLine($"  Spearman(small-std fraction, RFT gain / SFT gain) = {result.SpearmanSmallStdVersusRelativeGain:F2}");
                break;
        }
        // Reports load plotly.js from beside them, so they open offline.
        File.Copy(Path.Combine(AppContext.BaseDirectory, "Site", ChartHtml.LocalPlotly), Path.Combine(outDir, ChartHtml.LocalPlotly), overwrite: true);
        Console.WriteLine($"Wrote {outDir} in {clock.Elapsed.TotalSeconds:0} s (report: {report}).");
        return 0;
    }

    /// <summary>
    /// Where this run comes from, for the result files: today's UTC date, the kit's commit (`git rev-parse HEAD` in
    /// <paramref name="root"/>, or "unknown" without git) and the command line as typed after `lectures`.
    /// </summary>
    static RunProvenance Provenance(string root)
    {
        var commit = "unknown";
        try
        {
            var head = Shell.Run("git", ["rev-parse", "HEAD"], root, TimeSpan.FromSeconds(30));
            if (head.ExitCode == 0 && head.Output.Trim() is { Length: 40 } hash) commit = hash;
        }
        catch (InvalidOperationException)
        {
            // git is not installed: the commit stays unknown.
        }
        return new RunProvenance(DateTime.UtcNow.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture), commit,
            "lectures " + string.Join(" ", Environment.GetCommandLineArgs().Skip(1).Select(a => a.Contains(' ') ? $"\"{a}\"" : a)));
    }

    /// <summary>The options that resume the experiment in <paramref name="outDir"/>: " --resume DIR" and the settings given, e.g. " --seed 1".</summary>
    static string ResumeArguments(Options options, string outDir) =>
        string.Concat(new (string, string?)[] { ("--resume", outDir) }.Concat(new[] { "--dataset", "--model", "--step", "--seed" }.Select(o => (o, options.Get(o))))
            .Select(o => o.Item2 is { } value ? $" {o.Item1} {(value.Contains(' ') ? $"\"{value}\"" : value)}" : ""));

    /// <summary>Prints a progress line when the message's stage changes or every 5 seconds, with the elapsed time.</summary>
    static IProgress<T> Progress<T>(Func<T, string> describe, Stopwatch clock)
    {
        var last = TimeSpan.Zero;
        var lastStage = "";
        return new SynchronousProgress<T>(value =>
        {
            var text = describe(value);
            var stage = text.Split(" · step")[0];
            if (stage == lastStage && clock.Elapsed - last < TimeSpan.FromSeconds(5)) return;
            last = clock.Elapsed;
            lastStage = stage;
            Console.WriteLine($"[{clock.Elapsed:mm\\:ss}] {text}");
        });
    }

    /// <summary>An IProgress that reports on the caller's thread (Progress&lt;T&gt; would post to the thread pool).</summary>
    sealed class SynchronousProgress<T>(Action<T> report) : IProgress<T>
    {
        public void Report(T value) => report(value);
    }
}
