using Lectures.Kernel.Execution;

namespace Lectures.Tests.Kernel.Execution;

public class CellDirectivesTests
{
    [Fact]
    public void TheKitsPackageLinesAreAlreadyLoadedAndLeaveEmptyLines()
    {
        var d = CellDirectives.Parse("#r \"nuget: Lectures, *-*\"\n#r \"nuget: Plotly.NET, 6.0.0\"\n#r \"nuget:TorchSharp-cpu\"\nvar x = 1;");
        Assert.Empty(d.Packages);
        Assert.Equal("\n\n\nvar x = 1;", d.Code);
        Assert.Null(d.Unsupported);
    }

    [Fact]
    public void OtherPackagesAreAskedForWithTheirVersion()
    {
        var d = CellDirectives.Parse("#r \"nuget: Humanizer.Core, 2.14.1\"\n#r \"nuget: Newtonsoft.Json\"");
        Assert.Equal([new PackageRequest("Humanizer.Core", "2.14.1"), new PackageRequest("Newtonsoft.Json", null)], d.Packages);
    }

    [Fact]
    public void CsharpAndTimeAreKnownAndOtherMagicsAreNamed()
    {
        var d = CellDirectives.Parse("#!csharp\n#!time\n1 + 1");
        Assert.True(d.Timed);
        Assert.Null(d.Unsupported);
        Assert.Equal("\n\n1 + 1", d.Code);
        Assert.Equal("#!fsharp", CellDirectives.Parse("#!fsharp\nlet x = 1").Unsupported);
    }

    [Fact]
    public void ASourceLineAddsAPackageSource()
    {
        var d = CellDirectives.Parse("#i \"nuget: /tmp/feed\"\n#r \"nuget: Tiny, 1.0.0\"");
        Assert.Equal(["/tmp/feed"], d.Sources);
        Assert.Equal("\n", d.Code);
    }

    [Fact]
    public void AFileReferenceStaysForRoslyn()
    {
        Assert.Equal("#r \"lib/My.dll\"\nMy.Thing()", CellDirectives.Parse("#r \"lib/My.dll\"\nMy.Thing()").Code);
    }
}
