using System.Diagnostics;

namespace Lectures.Tests.Kernel;

public class ProgramTests : TemporaryDirectoryTest
{
    (int ExitCode, string Stderr) RunKernel(string ip, params string[] extra)
    {
        var file = Path.Combine(Root, "connection.json");
        File.WriteAllText(file, $$"""{"transport": "tcp", "ip": "{{ip}}", "shell_port": 1, "control_port": 2, "iopub_port": 3, "stdin_port": 4, "hb_port": 5, "key": "secret-key-123", "signature_scheme": "hmac-sha256"}""");
        var start = new ProcessStartInfo("dotnet") { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in new[] { Path.Combine(AppContext.BaseDirectory, "Lectures.Kernel.dll"), file }.Concat(extra)) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        var stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        return (process.ExitCode, stderr);
    }

    [Fact]
    public void ANonLoopbackAddressIsRefusedWithoutAllowRemoteAndTheKeyIsNotLogged()
    {
        var (code, stderr) = RunKernel("0.0.0.0");
        Assert.Equal(2, code);
        Assert.Contains("0.0.0.0, which is not a loopback address", stderr);
        Assert.Contains("--allow-remote", stderr);
        Assert.DoesNotContain("secret-key-123", stderr);
    }
}
