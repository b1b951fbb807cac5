using Lectures.Cli.Kit;

namespace Lectures.Tests.Notebooks;

/// <summary>Restores the pinned tools and packs the kit once for all notebook tests, as the main job does.</summary>
public sealed class KitFixture
{
    public string Root { get; } = KitRoot.Find(AppContext.BaseDirectory);

    public KitFixture()
    {
        Setup.RestoreTools(Root, _ => { });
        KitPackager.Pack(Root, _ => { });
    }

    /// <summary>A fresh scratch folder inside the test output (so the tool manifest of the kit is found above it).</summary>
    public string Scratch(string name)
    {
        var dir = Path.Combine(AppContext.BaseDirectory, "scratch", name + "-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }
}

[CollectionDefinition("Notebooks")]
public sealed class NotebookCollection : ICollectionFixture<KitFixture>;
