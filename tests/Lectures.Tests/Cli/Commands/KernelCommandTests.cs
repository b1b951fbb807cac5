using Lectures.Cli.Commands;
using Lectures.Kernel.Install;

namespace Lectures.Tests.Cli.Commands;

public class KernelCommandTests : TemporaryDirectoryTest
{
    static string Run(params string[] args)
    {
        using var output = new StringWriter();
        Assert.Equal(0, KernelCommand.Run(new Options(args, "--user"), output));
        return output.ToString();
    }

    [Fact]
    public void UninstallUnderAPrefixRemovesTheKernelspecThere()
    {
        var data = KernelSpec.PrefixDataFolder(Root);
        KernelSpec.Install(data, "/clone/k.dll", "/clone");
        Assert.Contains("(it pointed at the clone /clone)", Run("uninstall", "--prefix", Root));
        Assert.False(Directory.Exists(KernelSpec.Folder(data)));
    }

    [Theory]
    [InlineData("frobnicate")]
    [InlineData("install", "--user", "--prefix", "/tmp/x")]
    [InlineData("install", "--system")]
    public void AWrongCommandLineIsAUsageError(params string[] args) =>
        Assert.Throws<ArgumentException>(() => KernelCommand.Run(new Options(args, "--user"), TextWriter.Null));
}
