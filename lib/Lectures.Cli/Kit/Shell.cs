using System.Diagnostics;
using System.Text;

namespace Lectures.Cli.Kit;

/// <summary>Runs an external command and captures its output.</summary>
public static class Shell
{
    /// <summary>The exit code and the combined standard output and error of a finished command.</summary>
    public sealed record Result(int ExitCode, string Output, bool TimedOut);

    /// <summary>
    /// Runs <paramref name="file"/> with <paramref name="args"/> in <paramref name="workingDirectory"/>, killing it
    /// (and its children) after <paramref name="timeout"/>; <paramref name="input"/> is written to its standard
    /// input, <paramref name="environment"/> is added to its environment.
    /// </summary>
    public static Result Run(string file, IEnumerable<string> args, string workingDirectory, TimeSpan timeout,
        string? input = null, IReadOnlyDictionary<string, string>? environment = null)
    {
        var info = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            StandardInputEncoding = new UTF8Encoding(false),
            StandardOutputEncoding = Encoding.UTF8,
        };
        foreach (var a in args) info.ArgumentList.Add(a);
        // Keep the kernel's output plain: no colour codes, no first-run banners.
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["NO_COLOR"] = "1";
        foreach (var (key, value) in environment ?? new Dictionary<string, string>()) info.Environment[key] = value;
        using var process = new Process { StartInfo = info };
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new InvalidOperationException($"Could not start '{file}': {e.Message}", e);
        }
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            if (input is not null) process.StandardInput.Write(input);
        }
        catch (IOException)
        {
            // The command exited before reading all of its input; its exit code and output say why.
        }
        process.StandardInput.Close();
        var finished = process.WaitForExit(timeout);
        if (!finished) process.Kill(entireProcessTree: true);
        process.WaitForExit();
        lock (output) return new Result(finished ? process.ExitCode : -1, output.ToString(), !finished);
    }
}
