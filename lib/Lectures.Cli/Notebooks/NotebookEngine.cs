namespace Lectures.Cli.Notebooks;

/// <summary>What executes a notebook's code cells headless.</summary>
public enum NotebookEngine
{
    /// <summary>The kit's own Jupyter kernel (kernelspec <c>lectures-csharp</c>), one fresh kernel process per notebook.</summary>
    Kit,

    /// <summary>.NET Interactive through dotnet-repl, both pinned in .config/dotnet-tools.json.</summary>
    DotnetInteractive,
}

/// <summary>The engines' names on the command line (<c>--engine kit|dotnet-interactive</c>).</summary>
public static class NotebookEngines
{
    /// <summary>The command-line name of <paramref name="engine"/>.</summary>
    public static string Name(NotebookEngine engine) => engine switch
    {
        NotebookEngine.Kit => "kit",
        NotebookEngine.DotnetInteractive => "dotnet-interactive",
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "unknown engine"),
    };

    /// <summary>The engine named <paramref name="name"/>; null gives <see cref="NotebookEngine.Kit"/>.</summary>
    public static NotebookEngine Parse(string? name) =>
        name is null ? NotebookEngine.Kit
        : Enum.GetValues<NotebookEngine>().Cast<NotebookEngine?>().FirstOrDefault(e => Name(e!.Value) == name)
          ?? throw new ArgumentException($"Unknown engine '{name}': expected {string.Join(" or ", Enum.GetValues<NotebookEngine>().Select(Name))}.");
}
