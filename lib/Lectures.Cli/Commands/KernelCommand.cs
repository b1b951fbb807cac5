using Lectures.Kernel.Install;

namespace Lectures.Cli.Commands;

/// <summary>
/// `lectures kernel install [--user|--prefix DIR]` writes the Jupyter kernelspec "lectures-csharp" that runs this
/// clone's kernel (lib/Lectures.Kernel, built in Release first when its build is missing); `--user` (the default)
/// installs for the user, `--prefix DIR` under DIR/share/jupyter (reach it with JUPYTER_PATH=DIR/share/jupyter).
/// `lectures kernel uninstall [--user|--prefix DIR]` removes it.
/// </summary>
public static class KernelCommand
{
    /// <summary>The kernel's project, relative to the clone's root.</summary>
    const string Project = "lib/Lectures.Kernel/Lectures.Kernel.csproj";

    /// <summary>Runs the subcommand, writing what it did to <paramref name="output"/>; returns the exit code.</summary>
    public static int Run(Options options, TextWriter? output = null)
    {
        options.RejectUnknown("--user", "--prefix");
        output ??= Console.Out;
        if (options.Has("--user") && options.Get("--prefix") is not null)
            throw new ArgumentException("Give --user or --prefix DIR, not both.");
        var data = options.Get("--prefix") is { } prefix ? KernelSpec.PrefixDataFolder(prefix) : KernelSpec.UserDataFolder();
        switch (options.Positional)
        {
            case ["install"]:
                var clone = CloneRoot();
                output.WriteLine(KernelSpec.Install(data, BuiltKernel(clone, output), clone));
                return 0;
            case ["uninstall"]:
                output.WriteLine(KernelSpec.Uninstall(data));
                return 0;
            default:
                throw new ArgumentException("Expected `lectures kernel install [--user|--prefix DIR]` or `lectures kernel uninstall [--user|--prefix DIR]`.");
        }
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
