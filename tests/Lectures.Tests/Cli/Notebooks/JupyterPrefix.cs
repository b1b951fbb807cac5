using Lectures.Kernel.Install;
using Lectures.Kernel.Protocol;
using Lectures.Cli.Kit;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>
/// A temporary Jupyter installation prefix holding the kit's kernelspec (written as <c>lectures kernel install
/// --prefix DIR</c> writes it, for the kernel built with the tests) and .NET Interactive's (<c>dotnet-interactive jupyter install --path</c>), with Jupyter's data,
/// config and runtime folders beside it, so a Jupyter started with <see cref="Environment"/> sees these kernels and
/// none of the user's.
/// </summary>
public sealed class JupyterPrefix
{
    /// <summary>The kernel name the kit installs.</summary>
    public const string KernelName = KernelInfo.Name;

    /// <summary>The C# kernel of the pinned .NET Interactive.</summary>
    public const string DotnetInteractiveKernelName = ".net-csharp";

    /// <summary>The Python with Debian's Jupyter packages (nbclient, selenium); a pyenv python3 on PATH may lack them.</summary>
    public static string Python => File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";

    /// <summary>A missing Jupyter, browser or driver may skip a test, except in CI (CI=true), where it must fail.</summary>
    public static bool MaySkip => System.Environment.GetEnvironmentVariable("CI") != "true";

    /// <summary>True when <see cref="Python"/> can import every module in <paramref name="modules"/>.</summary>
    public static bool CanImport(params string[] modules) =>
        Shell.Run(Python, ["-c", "import " + string.Join(", ", modules)], Path.GetTempPath(), TimeSpan.FromMinutes(1)).ExitCode == 0;

    /// <summary>The prefix folder.</summary>
    public string Folder { get; }

    /// <summary>The environment variables that point Jupyter at this prefix only.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; }

    JupyterPrefix(string folder)
    {
        Folder = folder;
        Environment = new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = KernelSpec.PrefixDataFolder(folder),
            ["JUPYTER_DATA_DIR"] = Path.Combine(folder, "data"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(folder, "config"),
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(folder, "runtime"),
            // Jupyter also searches Python's user site (~/.local/share/jupyter), where a user's own kernels live.
            ["PYTHONNOUSERSITE"] = "1",
        };
    }

    /// <summary>
    /// Installs into <paramref name="folder"/> the kit's kernelspec for the kernel built with the tests (not a Release
    /// build of the clone, which may be stale), and .NET Interactive's with the pinned tool (restored in <paramref name="root"/>).
    /// </summary>
    public static JupyterPrefix WithKernels(string folder, string root)
    {
        var data = KernelSpec.PrefixDataFolder(folder);
        KernelSpec.Install(data, Path.Combine(AppContext.BaseDirectory, "Lectures.Kernel.dll"), root);
        var kernels = Path.Combine(data, "kernels");
        var dotnet = Shell.Run("dotnet", ["tool", "run", "dotnet-interactive", "--", "jupyter", "install", "--path", kernels], root, TimeSpan.FromMinutes(3));
        if (dotnet.ExitCode != 0 || !File.Exists(Path.Combine(kernels, DotnetInteractiveKernelName, "kernel.json")))
            throw new InvalidOperationException($"dotnet-interactive jupyter install --path {kernels} exited {dotnet.ExitCode}:\n{dotnet.Output}");
        return new JupyterPrefix(folder);
    }
}
