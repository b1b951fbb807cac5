using Lectures.Kernel.Client;

namespace Lectures.Tests.Kernel.Client;

/// <summary>One kernel process for a test class: started in a fresh working folder, with its own NuGet package folder.</summary>
public sealed class KernelFixture : IAsyncLifetime
{
    /// <summary>The kernel's working folder (deleted afterwards).</summary>
    public string Folder { get; } = Directory.CreateTempSubdirectory("lectures-kernel-test-").FullName;

    /// <summary>The client of the running kernel.</summary>
    public KernelClient Client { get; private set; } = null!;

    /// <summary>Starts the kernel.</summary>
    public async Task InitializeAsync() => Client = await KernelClient.StartAsync(new KernelStartOptions
    {
        WorkingDirectory = Folder,
        Environment = new Dictionary<string, string> { ["NUGET_PACKAGES"] = Path.Combine(Folder, "packages") },
    });

    /// <summary>Shuts the kernel down and deletes the folder.</summary>
    public async Task DisposeAsync()
    {
        await Client.ShutdownAsync();
        Client.Dispose();
        Directory.Delete(Folder, recursive: true);
    }
}
