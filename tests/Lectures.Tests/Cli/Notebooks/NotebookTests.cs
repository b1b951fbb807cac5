using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>
/// Every lecture notebook runs headless from a fresh kernel, on the kit's kernel through Jupyter and on the pinned
/// .NET Interactive; every cell passes and shows something. The kernel is chosen here, not by the notebook's metadata.
/// </summary>
[Collection("Notebooks")]
public class NotebookTests(KitFixture kit)
{
    public static TheoryData<string, LectureKernel> Lectures()
    {
        var data = new TheoryData<string, LectureKernel>();
        foreach (var kernel in Enum.GetValues<LectureKernel>())
            foreach (var notebook in KitRoot.Notebooks(KitRoot.Find(AppContext.BaseDirectory)))
                data.Add(Path.GetFileName(notebook), kernel);
        return data;
    }

    [SkippableTheory]
    [MemberData(nameof(Lectures))]
    public void RunsTopToBottom(string notebook, LectureKernel kernel)
    {
        var run = Run(notebook, kernel);

        Assert.True(run.Passed, $"{notebook} on {kernel} failed at {run.Failure}");
        Assert.True(run.SilentCells.Count == 0,
            $"{notebook} on {kernel}: code cell(s) {string.Join(", ", run.SilentCells)} produced no output; every lecture cell shows its result.");
        var unbacked = NumberBacking.Unbacked(Path.Combine(kit.Root, "notebooks", notebook), run.ExecutedPath!, kit.Root);
        Assert.True(unbacked.Count == 0, $"{notebook} on {kernel}: numbers in the prose that no output, named file or allow-list entry backs:\n{string.Join("\n", unbacked)}");
    }

    /// <summary>Users who keep .NET Interactive can open the lectures in Jupyter with its kernel, <c>.net-csharp</c>.</summary>
    [SkippableFact]
    public void WelcomeRunsInJupyterOnDotnetInteractiveToo()
    {
        var run = InJupyter("00-welcome.ipynb", JupyterPrefix.DotnetInteractiveKernelName);

        Assert.True(run.Passed, run.Failure?.ToString());
        var outputs = string.Concat(NotebookDocument.Load(run.ExecutedPath!).Cells.SelectMany(NotebookDocument.Outputs)
            .SelectMany(o => (o["data"] as System.Text.Json.Nodes.JsonObject)?.Select(kv => NotebookDocument.Text(kv.Value)) ?? []));
        Assert.Contains("autograd dV/dz equals STD²/2", outputs);
        Assert.Contains("lectures-chart-", outputs);
    }

    static readonly TimeSpan Timeout = TimeSpan.FromMinutes(5);

    NotebookRun Run(string notebook, LectureKernel kernel) => kernel == LectureKernel.KitKernelInJupyter
        ? InJupyter(notebook, JupyterPrefix.KernelName)
        : NotebookRunner.Run(Path.Combine(kit.Root, "notebooks", notebook), Path.Combine(kit.Scratch("executed"), notebook),
            Timeout, NotebookEngine.DotnetInteractive);

    NotebookRun InJupyter(string notebook, string kernelName)
    {
        Skip.If(JupyterPrefix.MaySkip && !JupyterPrefix.CanImport("nbclient"),
            "Jupyter is not installed (CI installs it: apt-get install python3-nbclient python3-ipykernel jupyter-client)");
        return JupyterExecution.Run(kit.Jupyter, kernelName, Path.Combine(kit.Root, "notebooks", notebook),
            Path.Combine(kit.Scratch("jupyter"), notebook), Timeout);
    }
}
