using System.Diagnostics;
using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;
using Lectures.Cli.Site;

namespace Lectures.Cli.Commands;

/// <summary>
/// The main job: pack the kit, execute every lecture notebook from a fresh kernel (the kit's own kernel, or with
/// <c>--engine dotnet-interactive</c> the pinned .NET Interactive through dotnet-repl, whose tools it restores first),
/// and write the executed notebooks (out/notebooks/) and the static site (out/index.html, one page per lecture),
/// with KaTeX installed by npm from the pinned lock file when npm is present. <c>--screenshots 03,09,12</c> also
/// writes out/screenshots/NN-*.png of those pages, taken by headless Chromium with the network blocked.
/// </summary>
public static class BuildCommand
{
    /// <summary>Per-notebook limit; a lecture is meant to run in under 45 s.</summary>
    static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(5);

    /// <summary>Runs the build; returns the process exit code.</summary>
    public static int Run(Options options)
    {
        options.RejectUnknown("--only", "--out", "--screenshots", "--engine");
        var engine = NotebookEngines.Parse(options.Get("--engine"));
        var root = KitRoot.Find();
        var outDir = Path.GetFullPath(options.Get("--out") ?? Path.Combine(root, "out"));
        var only = Prefixes(options.Get("--only"));
        var screenshots = Prefixes(options.Get("--screenshots"));
        var notebooks = KitRoot.Notebooks(root)
            .Where(p => only is null || only.Any(o => Path.GetFileName(p).StartsWith(o, StringComparison.Ordinal)))
            .ToList();
        if (notebooks.Count == 0)
            throw new ArgumentException(only is null ? "No notebooks under notebooks/." : $"No notebook matches --only {string.Join(",", only)}.");

        var total = Stopwatch.StartNew();
        if (engine == NotebookEngine.DotnetInteractive) Setup.RestoreTools(root, Console.WriteLine);
        Setup.RegisterJupyterKernel(root, engine, Console.WriteLine);
        KitPackager.Pack(root, Console.WriteLine);
        var katex = Katex.Ensure(root, Console.WriteLine);

        var executedDir = Path.Combine(outDir, "notebooks");
        for (var i = 0; i < notebooks.Count; i++)
        {
            var name = Path.GetFileName(notebooks[i]);
            Console.WriteLine($"[{i + 1}/{notebooks.Count}] {name} ...");
            var run = NotebookRunner.Run(notebooks[i], Path.Combine(executedDir, name), NotebookTimeout, engine);
            if (!run.Passed)
            {
                Console.Error.WriteLine($"FAILED {name}, {run.Failure}");
                return 1;
            }
            var slow = run.SlowestCell.Seconds > 20 ? $"  (warning: cell {run.SlowestCell.Cell} took {run.SlowestCell.Seconds:0.0} s; lectures keep cells under 20 s)" : "";
            Console.WriteLine($"      ok in {run.Elapsed.TotalSeconds:0.0} s{slow}");
        }

        var executed = Directory.GetFiles(executedDir, "*.ipynb");
        var pages = SiteBuilder.Build(executed, outDir, katex);
        Console.WriteLine($"Site: {Path.Combine(outDir, "index.html")} ({pages.Count} lectures), built in {total.Elapsed.TotalSeconds:0} s.");
        if (screenshots is not null) TakeScreenshots(pages, screenshots, outDir);
        return 0;
    }

    static string[]? Prefixes(string? list) => list?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>Screenshots of the pages whose names start with one of <paramref name="prefixes"/>, into out/screenshots/.</summary>
    static void TakeScreenshots(IReadOnlyList<SiteBuilder.Page> pages, string[] prefixes, string outDir)
    {
        if (!HeadlessChromium.Available)
        {
            Console.WriteLine("Screenshots: chromium is not installed (apt-get install chromium), none taken.");
            return;
        }
        foreach (var page in pages.Where(p => prefixes.Any(x => p.FileName.StartsWith(x, StringComparison.Ordinal))))
        {
            var png = Path.Combine(outDir, "screenshots", Path.ChangeExtension(page.FileName, ".png"));
            HeadlessChromium.Screenshot(Path.Combine(outDir, page.FileName), png, Path.Combine(outDir, "screenshots", "tmp"));
            Console.WriteLine($"Screenshot: {png}");
        }
        Directory.Delete(Path.Combine(outDir, "screenshots", "tmp"), recursive: true);
    }
}
