using Lectures.Cli.Kit;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>
/// Restores the pinned tools and packs the kit once for all notebook tests, as the main job does, and installs the
/// kit's kernelspec <c>lectures-csharp</c> and .NET Interactive's <c>.net-csharp</c> under a temporary Jupyter prefix
/// (never into the user's own folders).
/// </summary>
public sealed class KitFixture
{
    public string Root { get; } = KitRoot.Find(AppContext.BaseDirectory);

    readonly Lazy<JupyterPrefix> jupyter;

    public KitFixture()
    {
        Setup.RestoreTools(Root, _ => { });
        KitPackager.Pack(Root, _ => { });
        jupyter = new Lazy<JupyterPrefix>(() => JupyterPrefix.WithKernels(Scratch("jupyter-prefix"), Root));
    }

    /// <summary>A Jupyter prefix with the two C# kernels installed, created on first use.</summary>
    public JupyterPrefix Jupyter => jupyter.Value;

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
