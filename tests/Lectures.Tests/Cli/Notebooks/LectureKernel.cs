using Lectures.Cli.Notebooks;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>How a lecture test runs a notebook.</summary>
public enum LectureKernel
{
    /// <summary>The kit's kernel <c>lectures-csharp</c> driven by real Jupyter (Debian's nbclient).</summary>
    KitKernelInJupyter,

    /// <summary>The pinned .NET Interactive, driven by dotnet-repl (<see cref="NotebookEngine.DotnetInteractive"/>).</summary>
    DotnetInteractive,
}
