using System.CommandLine;
using Lectures.Cli.Kit;
using Lectures.Kernel.Install;

namespace Lectures.Cli.Commands;

/// <summary>
/// `lectures kernel install [--user|--prefix DIR]` writes the Jupyter kernelspec "lectures-csharp" that runs this
/// clone's kernel (lib/Lectures.Kernel, built in Release first when its build is missing); `--user` (the default)
/// installs for the user, `--prefix DIR` under DIR/share/jupyter (reach it with JUPYTER_PATH=DIR/share/jupyter).
/// `lectures kernel uninstall [--user|--prefix DIR]` removes it.
/// </summary>
public sealed class KernelCommand : CommandGroup
{
    /// <summary>The kernel's project, relative to the clone's root.</summary>
    const string Project = "lib/Lectures.Kernel/Lectures.Kernel.csproj";

    readonly Option<bool> user = new("--user") { Description = "for your user (the default)" };
    readonly Option<string> prefix = new("--prefix") { Description = "under DIR/share/jupyter (reach it with JUPYTER_PATH=DIR/share/jupyter)", HelpName = "DIR" };

    /// <summary>What one `lectures kernel` line asks for: install (or uninstall), under <paramref name="Prefix"/> or (null) for the user.</summary>
    public sealed record Settings(bool Install, string? Prefix);

    /// <summary>The `kernel` command with its subcommands `install` and `uninstall`, each taking --user or --prefix DIR.</summary>
    public KernelCommand() : base("kernel", "install or uninstall the Jupyter kernelspec lectures-csharp (\"C# (Lectures)\") of this clone's kernel")
    {
        Unknown = _ => "Expected `lectures kernel install [--user|--prefix DIR]` or `lectures kernel uninstall [--user|--prefix DIR]`.";
        foreach (var (name, description) in new[] { ("install", "install the kernelspec that runs this clone's kernel"), ("uninstall", "remove the kernelspec") })
        {
            var command = new Command(name, description) { user, prefix };
            command.SetAction(result => Run(Read(result), result.InvocationConfiguration.Output));
            Subcommands.Add(command);
        }
    }

    /// <summary>The settings of a parsed `kernel install` or `kernel uninstall` line.</summary>
    public Settings Read(ParseResult result)
    {
        var folder = result.GetValue(prefix);
        if (result.GetValue(user) && folder is not null) throw new ArgumentException("Give --user or --prefix DIR, not both.");
        return new Settings(result.CommandResult.Command.Name == "install", folder);
    }

    /// <summary>Installs or uninstalls the kernelspec of <paramref name="settings"/>, writing what it did to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(Settings settings, TextWriter output)
    {
        var data = settings.Prefix is { } folder ? KernelSpec.PrefixDataFolder(folder) : KernelSpec.UserDataFolder();
        if (!settings.Install)
        {
            output.WriteLine(KernelSpec.Uninstall(data));
            return 0;
        }
        var clone = CloneRoot();
        output.WriteLine(KernelSpec.Install(data, BuiltKernel(clone, output), clone));
        return 0;
    }

    /// <summary>The clone this command runs from: the nearest folder above it with Lectures.sln.</summary>
    static string CloneRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Lectures.sln"))) return dir.FullName;
        throw new InvalidOperationException($"No Lectures.sln above {AppContext.BaseDirectory}: run `lectures kernel install` from a clone of the kit.");
    }

    /// <summary>The clone's Release build of the kernel, built first when it is missing.</summary>
    static string BuiltKernel(string clone, TextWriter output)
    {
        var dll = Path.Combine(clone, "lib", "Lectures.Kernel", "bin", "Release", $"net{Environment.Version.Major}.0", "Lectures.Kernel.dll");
        if (File.Exists(dll)) return dll;
        output.WriteLine($"Building the kernel ({Project}, Release)...");
        var result = Shell.Run("dotnet", ["build", Path.Combine(clone, Project), "-c", "Release", "--nologo", "-v", "q"], clone, TimeSpan.FromMinutes(10));
        if (result.ExitCode != 0 || !File.Exists(dll))
            throw new InvalidOperationException($"Building {Project} failed (exit code {result.ExitCode}): {result.Output.Trim()}");
        return dll;
    }
}
