using System.Text.RegularExpressions;

namespace Lectures.Kernel.Execution;

/// <summary>A package a cell asks for with <c>#r "nuget: Name, Version"</c> (Version null when not given).</summary>
/// <param name="Name">The package id.</param>
/// <param name="Version">The version or range, e.g. "1.2.3" or "*-*"; null for the latest.</param>
public sealed record PackageRequest(string Name, string? Version);

/// <summary>
/// A cell's kernel lines, taken out of its C# source the way .NET Interactive reads them: <c>#!csharp</c> (and <c>#!c#</c>)
/// select the language, <c>#!time</c> times the cell, <c>#r "nuget: …"</c> asks for a package. Each such line is
/// replaced by an empty line, so the C# keeps its line numbers; <c>#r "path.dll"</c> stays for Roslyn to load.
/// </summary>
/// <param name="Code">The C# source without the kernel lines.</param>
/// <param name="Timed">True when the cell has a <c>#!time</c> line.</param>
/// <param name="Packages">The packages asked for that the kernel does not already carry.</param>
/// <param name="Unsupported">The first <c>#!</c> line the kernel does not know, or null.</param>
/// <param name="Sources">Package sources added with <c>#i "nuget: SOURCE"</c> (a folder or a feed URL).</param>
public sealed partial record CellDirectives(string Code, bool Timed, IReadOnlyList<PackageRequest> Packages, string? Unsupported, IReadOnlyList<string> Sources)
{
    /// <summary>Packages the kernel already carries: the kit's notebook package and what it brings, and .NET Interactive's extensions for them.</summary>
    public static readonly IReadOnlySet<string> Preloaded = new HashSet<string>(StringComparer.OrdinalIgnoreCase)
    {
        "Lectures", "MathNet.Numerics", "Plotly.NET", "Plotly.NET.CSharp", "Plotly.NET.Interactive", "XPlot.Plotly",
        "XPlot.Plotly.Interactive", "TorchSharp", "TorchSharp-cpu", "FSharp.Core",
    };

    [GeneratedRegex("""^\s*#r\s+"nuget:\s*(?<name>[^,"\s]+)\s*(,\s*(?<version>[^"]*?))?\s*"\s*$""")]
    private static partial Regex NuGetReference();

    [GeneratedRegex(@"^\s*#!\s*(?<name>\S+)")]
    private static partial Regex Magic();

    [GeneratedRegex("""^\s*#i\s+"nuget:\s*(?<source>[^"]+?)\s*"\s*$""")]
    private static partial Regex SourceDirective();

    /// <summary>Splits the kernel lines from the C# of <paramref name="cell"/>.</summary>
    public static CellDirectives Parse(string cell)
    {
        var lines = cell.Split('\n');
        var timed = false;
        string? unsupported = null;
        var packages = new List<PackageRequest>();
        var sources = new List<string>();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd('\r');
            if (NuGetReference().Match(line) is { Success: true } package)
            {
                var name = package.Groups["name"].Value;
                var version = package.Groups["version"].Success && package.Groups["version"].Value.Length > 0 ? package.Groups["version"].Value : null;
                if (!Preloaded.Contains(name)) packages.Add(new PackageRequest(name, version));
            }
            else if (Magic().Match(line) is { Success: true } magic)
            {
                var name = magic.Groups["name"].Value;
                if (name == "time") timed = true;
                else if (name is not ("csharp" or "c#" or "C#")) unsupported ??= line.Trim();
            }
            else if (SourceDirective().Match(line) is { Success: true } source) sources.Add(source.Groups["source"].Value);
            else continue;
            lines[i] = "";
        }
        return new CellDirectives(string.Join('\n', lines), timed, packages, unsupported, sources);
    }
}
