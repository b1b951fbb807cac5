using System.Text.Json.Nodes;
using Lectures.Cli.Notebooks;

namespace Lectures.Tests.Cli.Notebooks;

[Collection("Notebooks")]
public class NotebookRunnerTests(KitFixture kit)
{
    internal static void Write(string path, params (string Kind, string Source)[] cells)
    {
        var array = new JsonArray();
        var i = 0;
        foreach (var (kind, source) in cells)
        {
            var cell = new JsonObject { ["cell_type"] = kind, ["id"] = $"cell-{i++}", ["metadata"] = new JsonObject(), ["source"] = source };
            if (kind == "code")
            {
                cell["outputs"] = new JsonArray();
                cell["execution_count"] = null;
                cell["metadata"] = new JsonObject { ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" } };
            }
            array.Add(cell);
        }
        var nb = new JsonObject
        {
            ["cells"] = array, ["nbformat"] = 4, ["nbformat_minor"] = 5,
            ["metadata"] = new JsonObject
            {
                ["kernelspec"] = new JsonObject { ["name"] = ".net-csharp", ["language"] = "C#", ["display_name"] = ".NET (C#)" },
                // Without the default kernel name, dotnet-repl sends "#r nuget" to a kernel that cannot run it.
                ["polyglot_notebook"] = new JsonObject
                {
                    ["kernelInfo"] = new JsonObject
                    {
                        ["defaultKernelName"] = "csharp",
                        ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
                    },
                },
            },
        };
        File.WriteAllText(path, nb.ToJsonString());
    }

    public static TheoryData<NotebookEngine> Engines() => new(Enum.GetValues<NotebookEngine>());

    [Theory]
    [MemberData(nameof(Engines))]
    public void AFailingCellIsNamedWithItsNumberAndError(NotebookEngine engine)
    {
        var dir = kit.Scratch("failing");
        var nb = Path.Combine(dir, "99-failing.ipynb");
        Write(nb, ("markdown", "# A notebook that fails"), ("code", "var answer = 6 * 7;\nanswer"),
            ("code", "throw new InvalidOperationException(\"deliberate failure in cell three\");"), ("code", "answer + 1"));

        var run = NotebookRunner.Run(nb, Path.Combine(dir, "out.ipynb"), TimeSpan.FromMinutes(3), engine);

        Assert.False(run.Passed);
        Assert.Equal(3, run.Failure!.CellNumber);
        Assert.Contains("deliberate failure in cell three", run.Failure.Error);
    }

    [Theory]
    [MemberData(nameof(Engines))]
    public void ACellWithoutOutputIsReportedAndTheExecutedCopyKeepsTheSource(NotebookEngine engine)
    {
        var dir = kit.Scratch("silent");
        var nb = Path.Combine(dir, "98-silent.ipynb");
        Write(nb, ("markdown", "# Silent − with a multi-byte character"), ("code", "var x = 1;"), ("code", "x + 41"),
            ("code", "System.Threading.Thread.Sleep(2500);\n\"slept\""));
        var executed = Path.Combine(dir, "out.ipynb");

        var run = NotebookRunner.Run(nb, executed, TimeSpan.FromMinutes(3), engine);

        Assert.True(run.Passed, run.Failure?.ToString());
        Assert.Equal(new[] { 2 }, run.SilentCells);
        // The sleeping cell's recorded time covers its 2.5 s sleep, and no cell took longer than the whole run.
        Assert.True(run.SlowestCell.Seconds >= 2.5 && run.SlowestCell.Seconds < run.Elapsed.TotalSeconds,
            $"slowest cell {run.SlowestCell} in a run of {run.Elapsed.TotalSeconds:0.0} s");
        var doc = NotebookDocument.Load(executed);
        Assert.Equal("# Silent − with a multi-byte character", NotebookDocument.Source(doc.Cells[0]));
        Assert.Equal("cell-2", doc.Cells[2]["id"]!.GetValue<string>());
        Assert.Equal(new int?[] { 1, 2, 3 }, doc.Cells.Skip(1).Select(c => c["execution_count"]?.GetValue<int>()));
        var data = NotebookDocument.Outputs(doc.Cells[2])[0]["data"]!;
        Assert.Contains("42", NotebookDocument.Text(data["text/plain"]) + NotebookDocument.Text(data["text/html"]));
    }
}
