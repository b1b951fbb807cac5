namespace Lectures.Tests.Core;

public class KitRootTests : TemporaryDirectoryTest
{
    [Fact]
    public void TheRootIsTheNearestFolderUpThatHoldsTheSolution()
    {
        var outer = Directory.CreateDirectory(Path.Combine(Root, "outer")).FullName;
        var inner = Directory.CreateDirectory(Path.Combine(outer, "kit", "inner")).FullName;
        var deep = Directory.CreateDirectory(Path.Combine(inner, "a", "b")).FullName;
        File.WriteAllText(Path.Combine(outer, KitRoot.Marker), "");
        File.WriteAllText(Path.Combine(inner, KitRoot.Marker), "");

        Assert.Equal(inner, KitRoot.Above(deep));
        Assert.Equal(inner, KitRoot.Above(inner));
        Assert.Equal(outer, KitRoot.Above(Path.Combine(outer, "kit")));
        Assert.Equal(inner, KitRoot.Find(deep));
    }

    [Fact]
    public void WithoutASolutionAboveTheStartTheProgramsFolderDecides()
    {
        var bare = Directory.CreateDirectory(Path.Combine(Root, "bare")).FullName;
        var kit = KitRoot.Above(AppContext.BaseDirectory)!;

        Assert.Null(KitRoot.Above(bare));
        Assert.Equal(kit, KitRoot.Locate(bare));
        Assert.True(File.Exists(Path.Combine(kit, "Lectures.sln")));
        Assert.Equal(Path.Combine(kit, "benchmarks", "results"), Lectures.Torch.Experiments.FullRuns.Directory);
    }
}
