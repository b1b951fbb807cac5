using System.Text.Json;
using System.Text.Json.Nodes;
using Lectures.Cli.Kit;
using Lectures.Grading.Sandbox;

namespace Lectures.Cli.Site;

/// <summary>One formula of a markdown text: its TeX, display ($$) or inline ($), and where it was found.</summary>
public sealed record Formula(string Tex, bool Display, string Where);

/// <summary>A formula KaTeX cannot typeset, with KaTeX's parse error.</summary>
public sealed record FormulaError(Formula Formula, string Error)
{
    /// <summary>"where: $tex$: error".</summary>
    public override string ToString() => $"{Formula.Where}: ${Formula.Tex}$: {Error}";
}

/// <summary>
/// KaTeX (the npm package pinned in lib/Lectures.Cli/Site/package.json and package-lock.json) for the site:
/// installs it with <c>npm ci</c>, gives the files the pages load, and compiles formulas with node.
/// </summary>
public static class Katex
{
    /// <summary>The folder beside the site builder that holds package.json and package-lock.json.</summary>
    public static string PackageFolder(string root) => Path.Combine(root, "lib", "Lectures.Cli", "Site");

    /// <summary>
    /// Makes sure the locked KaTeX is installed under <see cref="PackageFolder"/> (runs <c>npm ci</c> only when
    /// node_modules lacks the locked version) and returns its dist folder; without npm, or when npm fails, says
    /// so in one line through <paramref name="log"/> and returns null (the pages then show the TeX source).
    /// </summary>
    public static string? Ensure(string root, Action<string> log)
    {
        var folder = PackageFolder(root);
        if (InstalledDist(folder) is { } dist) return dist;
        if (!Executables.OnPath("npm"))
        {
            log("KaTeX: npm is not installed, so the site shows formulas as TeX source (install Node.js and npm to typeset them).");
            return null;
        }
        var run = Shell.Run("npm", ["ci", "--ignore-scripts", "--no-audit", "--no-fund", "--loglevel=error"], folder, TimeSpan.FromMinutes(5));
        if (run.ExitCode == 0 && InstalledDist(folder) is { } installed) return installed;
        log($"KaTeX: npm ci failed in {folder}, so the site shows formulas as TeX source: {run.Output.Trim()}");
        return null;
    }

    /// <summary>node_modules/katex/dist when node_modules holds the version package-lock.json pins, else null.</summary>
    static string? InstalledDist(string folder)
    {
        var installed = Path.Combine(folder, "node_modules", "katex", "package.json");
        if (!File.Exists(installed)) return null;
        var locked = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "package-lock.json")))?["packages"]?["node_modules/katex"]?["version"]?.GetValue<string>();
        var version = JsonNode.Parse(File.ReadAllText(installed))?["version"]?.GetValue<string>();
        return version is not null && version == locked ? Path.Combine(folder, "node_modules", "katex", "dist") : null;
    }

    /// <summary>
    /// Compiles every formula with KaTeX (<c>katex.renderToString(tex, {displayMode, throwOnError: true})</c>) in one
    /// node process; returns the ones that fail, in order. Needs node and the installed package (<see cref="Ensure"/>).
    /// </summary>
    public static IReadOnlyList<FormulaError> Compile(string root, IReadOnlyList<Formula> formulas)
    {
        if (formulas.Count == 0) return [];
        var folder = PackageFolder(root);
        var input = JsonSerializer.Serialize(formulas.Select(f => new { tex = f.Tex, display = f.Display }));
        var run = Shell.Run("node", [Path.Combine(folder, "compile-formulas.js")], folder, TimeSpan.FromMinutes(2), input);
        var last = run.Output.TrimEnd().Split('\n')[^1];
        if (run.ExitCode != 0 || !last.StartsWith('['))
            throw new InvalidOperationException($"node compile-formulas.js failed (exit {run.ExitCode}): {run.Output.Trim()}");
        return JsonNode.Parse(last)!.AsArray()
            .Select(e => new FormulaError(formulas[e!["index"]!.GetValue<int>()], e["error"]!.GetValue<string>()))
            .ToList();
    }
}
