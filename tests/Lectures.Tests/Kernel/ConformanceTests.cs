using System.Diagnostics;
using System.Text.RegularExpressions;
using Lectures.Kernel.Install;

namespace Lectures.Tests.Kernel;

/// <summary>
/// Runs the Jupyter kernel conformance suite (python3-jupyter-kernel-test, kernel_conformance.py beside this file)
/// against the kernel built with the tests, installed as lectures-csharp under a temporary JUPYTER_PATH.
/// Every suite test must pass and none may be skipped. Without python3 and jupyter_kernel_test the test fails
/// under CI=true and is skipped otherwise.
/// </summary>
public partial class ConformanceTests : TemporaryDirectoryTest
{
    /// <summary>The suite tests the samples of issue 25 exercise, all of which must pass.</summary>
    static readonly string[] Expected =
    [
        "test_kernel_info", "test_execute_stdout", "test_execute_stderr", "test_completion", "test_is_complete", "test_error",
        "test_execute_result", "test_display_data", "test_history", "test_inspect",
    ];

    [GeneratedRegex(@"^(?<name>test_\w+) \(.*?\)(?: \.\.\. |\n.*?\.\.\. )(?<outcome>ok|FAIL|ERROR|skipped.*|expected failure)$", RegexOptions.Multiline)]
    private static partial Regex Outcome();

    [SkippableFact]
    public void EverySuiteTestPassesAndNoneIsSkipped()
    {
        var python = File.Exists("/usr/bin/python3") ? "/usr/bin/python3" : "python3";
        var probe = Run(python, ["-c", "import jupyter_kernel_test"], new Dictionary<string, string>());
        if (probe.ExitCode != 0)
        {
            Assert.False(Environment.GetEnvironmentVariable("CI") == "true",
                $"CI needs python3 with jupyter_kernel_test (apt package python3-jupyter-kernel-test): {probe.Output}");
            Skip.If(true, "python3-jupyter-kernel-test is not installed");
        }
        var data = KernelSpec.PrefixDataFolder(Root);
        KernelSpec.Install(data, Path.Combine(AppContext.BaseDirectory, "Lectures.Kernel.dll"), AppContext.BaseDirectory);
        var result = Run(python, ["-m", "unittest", "-v", "kernel_conformance"], new Dictionary<string, string>
        {
            ["JUPYTER_PATH"] = data,
            ["JUPYTER_RUNTIME_DIR"] = Path.Combine(Root, "runtime"),
            ["JUPYTER_DATA_DIR"] = Path.Combine(Root, "data"),
            ["JUPYTER_CONFIG_DIR"] = Path.Combine(Root, "config"),
        });
        var outcomes = Outcome().Matches(result.Output).ToDictionary(m => m.Groups["name"].Value, m => m.Groups["outcome"].Value);
        var notPassed = outcomes.Where(o => o.Value != "ok").Select(o => $"{o.Key}: {o.Value}").ToList();
        Assert.True(notPassed.Count == 0 && result.ExitCode == 0, $"Suite tests that did not pass: {string.Join(", ", notPassed)}\n{result.Output}");
        Assert.DoesNotContain("skipped=", result.Output);
        Assert.Equal(Expected.Order(), outcomes.Keys.Order());
    }

    static (int ExitCode, string Output) Run(string file, IEnumerable<string> arguments, IReadOnlyDictionary<string, string> environment)
    {
        var start = new ProcessStartInfo(file) { WorkingDirectory = Path.Combine(AppContext.BaseDirectory, "Kernel"), RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (var a in arguments) start.ArgumentList.Add(a);
        foreach (var (k, v) in environment) start.Environment[k] = v;
        try
        {
            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEnd();
            process.WaitForExit();
            return (process.ExitCode, stderr + stdout.Result);
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            return (-1, e.Message);
        }
    }
}
