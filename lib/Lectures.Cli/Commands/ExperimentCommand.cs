using System.Diagnostics;
using Lectures.Cli.Kit;
using Lectures.Plotting;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Gnn;
using Lectures.Torch.LanguageModel;

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

    /// <summary>Runs the experiment named by the first positional argument; returns the exit code.</summary>
    public static int Run(Options options)
    {
        var name = options.Positional.FirstOrDefault()
            ?? throw new ArgumentException($"Name an experiment: {string.Join(", ", Names.Keys)}.");
        if (!Names.ContainsKey(name))
            throw new ArgumentException($"Unknown experiment '{name}'. Known: {string.Join(", ", Names.Keys)}.");
        var root = KitRoot.Find();
        var outDir = Path.GetFullPath(options.Get("--out") ?? Path.Combine(root, "out", "experiments", name));
        var clock = Stopwatch.StartNew();
        var report = Path.Combine(outDir, "report.html");
        switch (name)
        {
            case "sparsify":
                options.RejectUnknown("--out", "--dataset", "--model", "--step");
                var model = options.Get("--model", "gcn")!.ToLowerInvariant() switch
                {
                    "gcn" => GnnArchitecture.Gcn, "gin" => GnnArchitecture.Gin, "resgcn" => GnnArchitecture.ResGcn,
                    var m => throw new ArgumentException($"Unknown model '{m}': expected gcn, gin or resgcn."),
                };
                var grid = SparsificationOptions.Standard(options.Get("--dataset", "cora")!, model) with { StepPercent = options.GetInt("--step", 10) };
                var sparsified = SparsificationExperiment.Run(grid, Progress<ExperimentProgress>(p => $"{p.Done}/{p.Total} {p.Message}", clock));
                report = sparsified.WriteReport(outDir);
                break;
            case "interaction":
                options.RejectUnknown("--out");
                var interaction = InteractionExperiment.Run(InteractionOptions.Standard, Progress<ExperimentProgress>(p => $"{p.Done}/{p.Total} {p.Message}", clock));
                report = interaction.WriteReport(outDir);
                foreach (var c in interaction.Comparisons())
                    Console.WriteLine($"  {c.Model}: low WI {c.LowWalkIndex} {c.LowMean:P1}, high WI {c.HighWalkIndex} {c.HighMean:P1}, difference {c.StandardErrors:F1} standard errors");
                break;
            case "finetune":
                options.RejectUnknown("--out");
                var controlled = ControlledExperiment.Run(ControlledExperimentOptions.Full,
                    Progress<ControlledExperimentProgress>(p => $"run {p.Run}/{p.RunCount}: {p.Label.Method} · {p.Label.Optimizer} · {p.Label.Task} · seed {p.Label.Seed}", clock));
                controlled.WriteReport(outDir, ChartHtml.LocalPlotly);
                Console.WriteLine(controlled.ToMarkdown());
                break;
            case "lm":
                options.RejectUnknown("--out", "--seed");
                var result = LanguageModelExperiment.Run(
                    new LanguageModelExperimentOptions { Seed = options.GetInt("--seed", 0), OutputDirectory = outDir },
                    Progress<LanguageModelProgress>(p => $"{p.Task} · {p.Run} · step {p.Step}/{p.Steps}", clock));
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
