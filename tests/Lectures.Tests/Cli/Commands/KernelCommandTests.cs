using Lectures.Cli.Commands;
using Lectures.Kernel.Install;

namespace Lectures.Tests.Cli.Commands;

public class KernelCommandTests : TemporaryDirectoryTest
{
    static KernelCommand.Settings Parse(params string[] args) => LecturesCommandLine.Parse<KernelCommand, KernelCommand.Settings>((c, r) => c.Read(r), ["kernel", .. args]);

    [Fact]
    public void InstallAndUninstallGoForTheUserOrUnderAPrefix()
    {
        Assert.Equal(new KernelCommand.Settings(Install: true, Prefix: null), Parse("install"));
        Assert.Equal(new KernelCommand.Settings(Install: true, Prefix: null), Parse("install", "--user"));
        Assert.Equal(new KernelCommand.Settings(Install: true, Prefix: "/opt/jupyter"), Parse("install", "--prefix", "/opt/jupyter"));
        Assert.Equal(new KernelCommand.Settings(Install: false, Prefix: "/opt/jupyter"), Parse("uninstall", "--prefix", "/opt/jupyter"));
    }

    [Fact]
    public void UninstallUnderAPrefixRemovesTheKernelspecThere()
    {
        var data = KernelSpec.PrefixDataFolder(Root);
        KernelSpec.Install(data, "/clone/k.dll", "/clone");
        var run = LecturesCommandLine.Run("kernel", "uninstall", "--prefix", Root);
        Assert.Equal(0, run.ExitCode);
        Assert.Contains("(it pointed at the clone /clone)", run.Output);
        Assert.False(Directory.Exists(KernelSpec.Folder(data)));
    }

    [Theory]
    [InlineData("error: Expected `lectures kernel install [--user|--prefix DIR]` or `lectures kernel uninstall [--user|--prefix DIR]`.", "frobnicate")]
    [InlineData("error: Give --user or --prefix DIR, not both.", "install", "--user", "--prefix", "/tmp/x")]
    [InlineData("error: Unknown option(s): --system. Known: --user, --prefix.", "install", "--system")]
    public void AWrongCommandLineIsAUsageError(string error, params string[] args) =>
        Assert.Equal((2, "", error + Environment.NewLine), LecturesCommandLine.Run(["kernel", .. args]));
}
