using Lectures.Cli.Kit;
using Lectures.Cli.Notebooks;

namespace Lectures.Tests.Notebooks;

/// <summary>Every lecture notebook runs headless from a fresh kernel, every cell passes and shows something.</summary>
[Collection("Notebooks")]
public class NotebookTests(KitFixture kit)
{
    public static TheoryData<string> Lectures() =>
        new(KitRoot.Notebooks(KitRoot.Find(AppContext.BaseDirectory)).Select(Path.GetFileName).Select(n => n!));

    [Theory]
    [MemberData(nameof(Lectures))]
    public void RunsTopToBottom(string notebook)
    {
        var run = NotebookRunner.Run(Path.Combine(kit.Root, "notebooks", notebook),
            Path.Combine(kit.Scratch("executed"), notebook), TimeSpan.FromMinutes(5));
        Assert.True(run.Passed, $"{notebook} failed at {run.Failure}");
        Assert.True(run.SilentCells.Count == 0,
            $"{notebook}: code cell(s) {string.Join(", ", run.SilentCells)} produced no output; every lecture cell shows its result.");
        var unbacked = NumberBacking.Unbacked(Path.Combine(kit.Root, "notebooks", notebook), run.ExecutedPath!, kit.Root);
        Assert.True(unbacked.Count == 0, $"{notebook}: numbers in the prose that no output, named file or allow-list entry backs:\n{string.Join("\n", unbacked)}");
    }
}
