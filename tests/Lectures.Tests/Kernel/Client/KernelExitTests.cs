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
}
