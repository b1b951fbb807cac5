using Lectures.Torch.Runtime;
using TorchSharp;

namespace Lectures.Tests.Torch.Runtime;

public class TorchRuntimeTests
{
    [Fact]
    public void BackwardGivesTheAnalyticGradient()
    {
        TorchRuntime.EnsureLoaded();
        // y = sum(x^3 + 2x) at x = (1, 2, 3): dy/dx = 3x^2 + 2 = (5, 14, 29).
        using var x = torch.tensor(new[] { 1.0, 2.0, 3.0 }, requires_grad: true);
        using var y = (x.pow(3) + 2 * x).sum();
        y.backward();
        Assert.Equal(new[] { 5.0, 14.0, 29.0 }, x.grad!.data<double>().ToArray());
        Assert.Equal(1 + 2 + 8 + 4 + 27 + 6, y.item<double>(), 12);
    }
}
