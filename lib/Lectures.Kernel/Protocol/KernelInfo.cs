using System.Reflection;
using System.Text.Json.Nodes;

namespace Lectures.Kernel.Protocol;

/// <summary>What the kernel says about itself: kernel_info_reply and the kernelspec share these names.</summary>
public static class KernelInfo
{
    /// <summary>The kernelspec's name.</summary>
    public const string Name = "lectures-csharp";

    /// <summary>The name frontends show.</summary>
    public const string DisplayName = "C# (Lectures)";

    /// <summary>The language, as .NET Interactive's C# kernel names it (so the lectures' metadata fits both kernels).</summary>
    public const string Language = "C#";

    /// <summary>The file extension of C# code.</summary>
    public const string FileExtension = ".cs";

    /// <summary>The MIME type of C# code.</summary>
    public const string MimeType = "text/x-csharp";

    /// <summary>The content of a kernel_info_reply.</summary>
    public static JsonObject Content() => new()
    {
        ["status"] = "ok",
        ["protocol_version"] = JupyterMessage.ProtocolVersion,
        ["implementation"] = Name,
        ["implementation_version"] = typeof(KernelInfo).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0",
        ["language_info"] = new JsonObject
        {
            ["name"] = Language,
            ["version"] = Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.ToDisplayString(Microsoft.CodeAnalysis.CSharp.LanguageVersionFacts.MapSpecifiedToEffectiveVersion(Microsoft.CodeAnalysis.CSharp.LanguageVersion.Latest)),
            ["mimetype"] = MimeType,
            ["file_extension"] = FileExtension,
            ["pygments_lexer"] = "csharp",
            ["codemirror_mode"] = "text/x-csharp",
        },
        ["banner"] = $"{DisplayName}: C# {Environment.Version} with the Lectures kit, MathNet.Numerics, Plotly.NET, XPlot.Plotly and TorchSharp",
        ["help_links"] = new JsonArray(),
        ["debugger"] = false,
    };
}
