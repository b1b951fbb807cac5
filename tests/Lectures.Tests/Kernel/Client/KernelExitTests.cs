using Lectures.Kernel.Client;

namespace Lectures.Tests.Kernel.Client;

public class KernelExitTests
{
    [Fact]
    public async Task EnvironmentExitInACellEndsTheProcessAndTheClientSaysTheKernelDied()
    {
        using var client = await KernelClient.StartAsync();
        var died = await Assert.ThrowsAsync<KernelDiedException>(() => client.ExecuteAsync("Environment.Exit(3);"));
        Assert.Contains("exited with code 3", died.Message);
        Assert.True(client.Process!.HasExited);
    }

    [Fact]
    public async Task AShutdownRequestEndsTheProcessByItself()
    {
        using var client = await KernelClient.StartAsync();
        var reply = await client.RequestAsync("shutdown_request", new System.Text.Json.Nodes.JsonObject { ["restart"] = true }, onControl: true);
        Assert.Equal(("ok", true), ((string?)reply.Content["status"], (bool?)reply.Content["restart"]));
        // Not a timing: a kernel that does not exit by itself would wait here for the full minute and fail.
        Assert.True(client.Process!.WaitForExit(TimeSpan.FromMinutes(1)), "the kernel process did not exit after shutdown_request");
        Assert.Equal(0, client.Process.ExitCode);
    }
}
