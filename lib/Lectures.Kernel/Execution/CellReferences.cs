using Microsoft.CodeAnalysis;

namespace Lectures.Kernel.Execution;

/// <summary>
/// The assemblies every cell compiles against: the framework, the kit (Lectures, Lectures.Torch), MathNet.Numerics,
/// Plotly.NET, XPlot.Plotly, TorchSharp and what they depend on, and the kernel's display functions; not the kernel's
/// own machinery (Roslyn, NetMQ). Each reference carries its XML documentation when the file is found, for inspect.
/// </summary>
public static class CellReferences
{
    static readonly string[] Hidden = ["Microsoft.CodeAnalysis", "NetMQ", "AsyncIO", "NaCl", "Microsoft.DiaSymReader", "Humanizer"];

    /// <summary>The references, one per assembly of the kernel process's trusted platform list that a cell may use.</summary>
    public static IReadOnlyList<MetadataReference> All()
    {
        var referenceDocs = FrameworkDocumentationFolder();
        return ((string)AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES")!).Split(Path.PathSeparator)
            .Where(p => !Hidden.Any(h => Path.GetFileName(p).StartsWith(h, StringComparison.OrdinalIgnoreCase)))
            .Select(p => (MetadataReference)MetadataReference.CreateFromFile(p, documentation: Documentation(p, referenceDocs)))
            .ToList();
    }

    static DocumentationProvider? Documentation(string assembly, string? referenceDocs)
    {
        var beside = Path.ChangeExtension(assembly, ".xml");
        if (File.Exists(beside)) return new XmlDocumentation(beside);
        // The core types live in System.Private.CoreLib; the reference pack documents them under System.Runtime.
        var name = Path.GetFileNameWithoutExtension(assembly) is "System.Private.CoreLib" ? "System.Runtime" : Path.GetFileNameWithoutExtension(assembly);
        var framework = referenceDocs is null ? null : Path.Combine(referenceDocs, name + ".xml");
        return framework is not null && File.Exists(framework) ? new XmlDocumentation(framework) : null;
    }

    /// <summary>The SDK's reference pack folder for this runtime's major version (dotnet/packs/Microsoft.NETCore.App.Ref/V/ref/netN.0), where the framework's XML docs are.</summary>
    static string? FrameworkDocumentationFolder()
    {
        // typeof(object) lives in dotnet/shared/Microsoft.NETCore.App/VERSION/.
        var root = Path.GetFullPath(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "..", "..", ".."));
        var packs = Path.Combine(root, "packs", "Microsoft.NETCore.App.Ref");
        if (!Directory.Exists(packs)) return null;
        var major = Environment.Version.Major;
        return Directory.GetDirectories(packs, $"{major}.*")
            .OrderByDescending(d => Version.TryParse(Path.GetFileName(d).Split('-')[0], out var v) ? v : new Version())
            .Select(d => Path.Combine(d, "ref", $"net{major}.0"))
            .FirstOrDefault(Directory.Exists);
    }
}
