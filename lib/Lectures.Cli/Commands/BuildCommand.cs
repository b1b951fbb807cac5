using System.CommandLine;
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
public sealed class BuildCommand : Command
{
    /// <summary>Per-notebook limit; a lecture is meant to run in under 45 s.</summary>
    static readonly TimeSpan NotebookTimeout = TimeSpan.FromMinutes(5);

    readonly Option<string[]> only = Prefixes("--only", "run only the notebooks whose names start with one of these, e.g. 03,05");
    readonly Option<string> output = new("--out") { Description = "where the notebooks and the site go (default out/)", HelpName = "DIR" };
    readonly Option<string[]> screenshots = Prefixes("--screenshots", "also write out/screenshots/*.png of these pages, e.g. 03,09,12");
    readonly Option<NotebookEngine?> engine = new("--engine")
    {
        Description = "the kit's kernel (kit, the default) or the pinned .NET Interactive (dotnet-interactive)",
        HelpName = "kit|dotnet-interactive",
        CustomParser = OptionValue.Parser<NotebookEngine?>(name => NotebookEngines.Parse(name)),
    };

    /// <summary>What one `lectures build` line asks for: name prefixes of the notebooks to run and to screenshot (null: all, none), the output folder (null: out/) and the engine.</summary>
    public sealed record Settings(IReadOnlyList<string>? Only, string? Out, IReadOnlyList<string>? Screenshots, NotebookEngine Engine);

    /// <summary>The `build` command with its options.</summary>
    public BuildCommand() : base("build", "pack the kit, run every notebook headless, write out/ (notebooks + site)")
    {
        Options.Add(only);
        Options.Add(output);
        Options.Add(screenshots);
        Options.Add(engine);
        SetAction(result => Run(Read(result)));
    }

    /// <summary>The settings of a parsed `build` line.</summary>
    public Settings Read(ParseResult result) =>
        new(Given(result, only), result.GetValue(output), Given(result, screenshots), result.GetValue(engine) ?? NotebookEngine.Kit);

    static string[]? Given(ParseResult result, Option<string[]> prefixes) => result.GetResult(prefixes) is null ? null : result.GetValue(prefixes);

    /// <summary>Runs the build of <paramref name="settings"/>; returns the process exit code.</summary>
    public static int Run(Settings settings)
    {
        var root = KitRoot.Find();
        var outDir = Path.GetFullPath(settings.Out ?? Path.Combine(root, "out"));
        var (engine, only) = (settings.Engine, settings.Only);
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
        if (settings.Screenshots is { } screenshots) TakeScreenshots(pages, screenshots, outDir);
        return 0;
    }

    /// <summary>An option whose value is a comma-separated list of name prefixes, e.g. "03,05" = ["03", "05"].</summary>
    static Option<string[]> Prefixes(string name, string description) => new(name)
    {
        Description = description,
        HelpName = "PREFIXES",
        Arity = ArgumentArity.ExactlyOne,
        CustomParser = result => result.Tokens[0].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
    };

    /// <summary>Screenshots of the pages whose names start with one of <paramref name="prefixes"/>, into out/screenshots/.</summary>
    static void TakeScreenshots(IReadOnlyList<SiteBuilder.Page> pages, IReadOnlyList<string> prefixes, string outDir)
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
