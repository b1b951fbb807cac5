using Lectures.Cli.Commands;
using Lectures.Cli.Notebooks;
using Lectures.Grading.Sandbox;

namespace Lectures.Cli.Kit;

/// <summary>One-time machine set-up steps the main job and the tests both need.</summary>
public static class Setup
{
    /// <summary>Restores the tools pinned in .config/dotnet-tools.json (dotnet-repl, dotnet-interactive).</summary>
    public static void RestoreTools(string root, Action<string> log)
    {
        var result = Shell.Run("dotnet", new[] { "tool", "restore" }, root, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"dotnet tool restore failed (exit code {result.ExitCode}):\n{result.Output}");
        log("Tools restored (dotnet-repl, dotnet-interactive).");
    }

    /// <summary>
    /// Registers the Jupyter kernel of <paramref name="engine"/> for this user when Jupyter is installed: the kit's
    /// <c>lectures-csharp</c> (as <c>lectures kernel install</c> does), or .NET Interactive's <c>.net-csharp</c> when it
    /// is not registered yet; says so and does nothing when Jupyter is absent.
    /// </summary>
    public static void RegisterJupyterKernel(string root, NotebookEngine engine, Action<string> log)
    {
        if (!Executables.OnPath("jupyter"))
        {
            log("Jupyter not found: skipping the Jupyter kernel (see README, 'Opening the notebooks').");
            return;
        }
        if (engine == NotebookEngine.Kit)
        {
            var said = new StringWriter();
            KernelCommand.Run(new KernelCommand.Settings(Install: true, Prefix: null), said);
            foreach (var line in said.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)) log(line);
            return;
        }
        var list = Shell.Run("jupyter", new[] { "kernelspec", "list" }, root, TimeSpan.FromMinutes(1));
        if (list.Output.Contains(".net-csharp", StringComparison.Ordinal)) return;
        Directory.CreateDirectory(Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".local", "share", "jupyter", "kernels"));
        var result = Shell.Run("dotnet", new[] { "tool", "run", "dotnet-interactive", "--", "jupyter", "install" }, root, TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0)
            throw new InvalidOperationException($"Registering the .NET Jupyter kernel failed (exit code {result.ExitCode}):\n{result.Output}");
        log("Registered the Jupyter kernel .net-csharp.");
    }
}
