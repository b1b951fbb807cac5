using System.Globalization;
using System.Xml.Linq;
using Microsoft.CodeAnalysis;

namespace Lectures.Kernel.Execution;

/// <summary>The documentation comments of an assembly's XML documentation file, read on first use, by member id ("T:System.Console").</summary>
public sealed class XmlDocumentation(string path) : DocumentationProvider
{
    readonly string file = path;
    readonly Lazy<Dictionary<string, string>> members = new(() => Read(path));

    static Dictionary<string, string> Read(string path)
    {
        try
        {
            return XDocument.Load(path).Descendants("member")
                .Where(m => m.Attribute("name") is not null)
                .GroupBy(m => m.Attribute("name")!.Value)
                .ToDictionary(g => g.Key, g => g.First().ToString());
        }
        catch (System.Xml.XmlException)
        {
            return [];
        }
    }

    /// <summary>The member element of <paramref name="documentationMemberID"/>, or "" when the file does not document it.</summary>
    protected override string GetDocumentationForSymbol(string documentationMemberID, CultureInfo preferredCulture, CancellationToken cancellationToken = default) =>
        members.Value.GetValueOrDefault(documentationMemberID, "");

    /// <summary>Equal when reading the same file.</summary>
    public override bool Equals(object? obj) => obj is XmlDocumentation other && other.file == file;

    /// <summary>The file's hash.</summary>
    public override int GetHashCode() => file.GetHashCode(StringComparison.Ordinal);
}
