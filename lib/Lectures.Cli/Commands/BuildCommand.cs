using System.Diagnostics;
using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;
using Lectures.Cli.Site;

namespace Lectures.Cli.Commands;

/// <summary>
/// The main job: restore the pinned tools, pack the kit, execute every lecture notebook from a fresh kernel,
/// and write the executed notebooks (out/notebooks/) and the static site (out/index.html, one page per lecture).
/// </summary>
public static class BuildCommand
{
    /// <summary>Per-notebook limit; a lecture is meant to run in under 45 s.</summary>
    static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs the build; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown("--only", "--out");
        var root = KitRoot.Find();
        var outDir = Path.GetFullPath(options.Get("--out") ?? Path.Combine(root, "out"));
        var only = options.Get("--only")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var notebooks = KitRoot.Notebooks(root)
            .Where(p => only is null || only.Any(o => Path.GetFileName(p).StartsWith(o, StringComparison.Ordinal)))
            .ToList();
        if (notebooks.Count == 0)
            throw new ArgumentException(only is null ? "No notebooks under notebooks/." : $"No notebook matches --only {string.Join(",", only)}.");

        var total = Stopwatch.StartNew();
        Setup.RestoreTools(root, Console.WriteLine);
        Setup.RegisterJupyterKernel(root, Console.WriteLine);
        KitPackager.Pack(root, Console.WriteLine);

        var executedDir = Path.Combine(outDir, "notebooks");
        for (var i = 0; i < notebooks.Count; i++)
        {
            var name = Path.GetFileName(notebooks[i]);
            Console.WriteLine($"[{i + 1}/{notebooks.Count}] {name} ...");
            var run = NotebookRunner.Run(notebooks[i], Path.Combine(executedDir, name), NotebookTimeout);
            if (!run.Passed)
            {
                Console.Error.WriteLine($"FAILED {name}, {run.Failure}");
                return 1;
            }
            var slow = run.SlowestCell.Seconds > 20 ? $"  (warning: cell {run.SlowestCell.Cell} took {run.SlowestCell.Seconds:0.0} s; lectures keep cells under 20 s)" : "";
            Console.WriteLine($"      ok in {run.Elapsed.TotalSeconds:0.0} s{slow}");
        }

        var executed = Directory.GetFiles(executedDir, "*.ipynb");
        var pages = SiteBuilder.Build(executed, outDir);
        Console.WriteLine($"Site: {Path.Combine(outDir, "index.html")} ({pages.Count} lectures), built in {total.Elapsed.TotalSeconds:0} s.");
        return 0;
    }
}
