namespace Lectures.Grading.Sandbox;

/// <summary>Looks up commands on PATH: the sandbox needs bwrap and setpriv.</summary>
public static class Executables
{
    /// <summary>True when <paramref name="command"/> is a file in one of the folders of PATH.</summary>
    public static bool OnPath(string command) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, command)));
}
