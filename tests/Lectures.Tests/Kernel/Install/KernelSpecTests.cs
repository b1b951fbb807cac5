using System.Text.Json.Nodes;
using Lectures.Kernel.Install;

namespace Lectures.Tests.Kernel.Install;

public class KernelSpecTests : TemporaryDirectoryTest
{
    [Fact]
    public void KernelJsonRunsTheClonesBuildWithDotnetAndInterruptsByMessage()
    {
        var data = KernelSpec.PrefixDataFolder(Root);
        KernelSpec.Install(data, "/clone-a/lib/Lectures.Kernel/bin/Release/net10.0/Lectures.Kernel.dll", "/clone-a");
        var json = JsonNode.Parse(File.ReadAllText(Path.Combine(Root, "share", "jupyter", "kernels", "lectures-csharp", "kernel.json")))!;
        Assert.Equal(["dotnet", "/clone-a/lib/Lectures.Kernel/bin/Release/net10.0/Lectures.Kernel.dll", "{connection_file}"],
            json["argv"]!.AsArray().Select(a => (string)a!));
        Assert.Equal("C# (Lectures)", (string?)json["display_name"]);
        Assert.Equal("C#", (string?)json["language"]);
        Assert.Equal("message", (string?)json["interrupt_mode"]);
        Assert.Equal("/clone-a", KernelSpec.InstalledClone(data));
    }

    [Fact]
    public void InstallingFromAnotherCloneReplacesItAndSaysSo()
    {
        var data = KernelSpec.PrefixDataFolder(Root);
        Assert.StartsWith("Installed", KernelSpec.Install(data, "/clone-a/k.dll", "/clone-a"));
        var message = KernelSpec.Install(data, "/clone-b/k.dll", "/clone-b");
        Assert.Contains("pointed at the clone /clone-a", message);
        Assert.Contains("now runs the kernel of the clone /clone-b", message);
        Assert.Equal("/clone-b", KernelSpec.InstalledClone(data));
    }

    [Fact]
    public void UninstallRemovesTheFolder()
    {
        var data = KernelSpec.PrefixDataFolder(Root);
        KernelSpec.Install(data, "/clone-a/k.dll", "/clone-a");
        Assert.Contains("Removed", KernelSpec.Uninstall(data));
        Assert.False(Directory.Exists(KernelSpec.Folder(data)));
        Assert.Contains("nothing to remove", KernelSpec.Uninstall(data));
    }
}
