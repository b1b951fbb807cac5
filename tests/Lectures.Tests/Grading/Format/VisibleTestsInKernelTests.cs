using Lectures.Grading.Format;
using Lectures.Tests.Kernel.Client;

namespace Lectures.Tests.Grading.Format;

/// <summary>
/// A student runs the visible tests in their own kernel: Points.Check comes with the kit's #r cell, so a partial-credit
/// test of one-wis prints a line per check on the kit's kernel, as it counts them when grading.
/// </summary>
public class VisibleTestsInKernelTests(KernelFixture kernel) : IClassFixture<KernelFixture>
{
    [Fact]
    public async Task One_wis_test_order_hand_prints_a_tick_or_a_cross_per_hand_checked_graph()
    {
        var assignment = Assignment.Load(Assignment.NotebookPath(KitRoot.Find(AppContext.BaseDirectory), "one-wis"));
        var upToTest = assignment.Cells.TakeWhile(c => c.Id != "test-order-hand").Where(c => c.IsCode).Append(assignment.Cells.Single(c => c.Id == "test-order-hand"));
        var outputs = new List<string>();
        foreach (var cell in upToTest)
        {
            var result = await kernel.Client.ExecuteAsync(cell.Source);
            Assert.True(result.Succeeded, $"{cell.Id}: {result.Error}");
            outputs.Add(result.Stdout);
        }
        Assert.Equal("✓ 1/1 Star: expected (0,1),(0,2),(0,3),(1,2); got (0, 1),(0, 2),(0, 3),(1, 2).\n"
                     + "✓ 1/1 Path 0-1-2-3-4: expected (1,2),(2,3),(0,1),(3,4); got (1, 2),(2, 3),(0, 1),(3, 4).\n", outputs[^1]);

        // A wrong order that happens to be right on the star: one point of two, and the student sees which.
        Assert.True((await kernel.Client.ExecuteAsync("static List<(int U, int V)> OneWisOrder(int n, (int U, int V)[] edges) => edges.OrderBy(e => e).ToList();")).Succeeded);
        var again = await kernel.Client.ExecuteAsync(assignment.Cells.Single(c => c.Id == "test-order-hand").Source);
        Assert.True(again.Succeeded, again.Error);
        Assert.Equal("✓ 1/1 Star: expected (0,1),(0,2),(0,3),(1,2); got (0, 1),(0, 2),(0, 3),(1, 2).\n"
                     + "✗ 0/1 Path 0-1-2-3-4: expected (1,2),(2,3),(0,1),(3,4); got (0, 1),(1, 2),(2, 3),(3, 4).\n", again.Stdout);
    }
}
