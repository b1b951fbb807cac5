using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Lectures.Grading.Execution;

/// <summary>
/// The APIs a student cell may not call: files, directories, processes, the network, reflection and native code,
/// the console's raw streams and ways of ending the process. A cell using one is not run.
/// </summary>
static class ForbiddenApis
{
    static readonly string[] Namespaces =
        { "System.IO", "System.Net", "System.Reflection", "System.Runtime.InteropServices", "System.Runtime.Loader", "Microsoft.Win32" };

    static readonly string[] AllowedIoTypes =
        { "System.IO.TextWriter", "System.IO.TextReader", "System.IO.StringWriter", "System.IO.StringReader", "System.IO.MemoryStream", "System.IO.Stream" };

    static readonly string[] Types =
        { "System.Diagnostics.Process", "System.Diagnostics.ProcessStartInfo", "System.AppDomain", "System.Activator", "System.Runtime.CompilerServices.Unsafe" };

    static readonly string[] Members =
        { "System.Environment.Exit", "System.Environment.FailFast", "System.Environment.SetEnvironmentVariable", "System.Environment.CurrentDirectory",
          "System.Console.OpenStandardOutput", "System.Console.OpenStandardError", "System.Console.OpenStandardInput", "System.Console.SetOut",
          "System.Console.SetError", "System.Console.SetIn", "System.Console.In", "System.Console.ReadLine", "System.Type.GetType" };

    /// <summary>The first forbidden API the last syntax tree of <paramref name="compilation"/> uses, or null.</summary>
    public static string? FirstUse(Compilation compilation)
    {
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        foreach (var node in tree.GetRoot().DescendantNodes().Where(n => n is SimpleNameSyntax or ObjectCreationExpressionSyntax))
        {
            var symbol = model.GetSymbolInfo(node).Symbol;
            var name = symbol switch
            {
                null => null,
                INamespaceSymbol => null,
                ITypeSymbol type => Forbidden(type, null),
                _ => symbol.ContainingType is { } owner ? Forbidden(owner, symbol.Name) : null,
            };
            if (name is not null) return name;
        }
        return null;
    }

    static string? Forbidden(ITypeSymbol type, string? member)
    {
        var typeName = type.OriginalDefinition.ToDisplayString();
        var ns = type.ContainingNamespace?.ToDisplayString() ?? "";
        var full = member is null ? typeName : typeName + "." + member;
        var inNamespace = Namespaces.Any(n => ns == n || ns.StartsWith(n + ".", StringComparison.Ordinal)) && !AllowedIoTypes.Contains(typeName);
        return inNamespace || Types.Contains(typeName) || Members.Contains(full) ? full : null;
    }
}
