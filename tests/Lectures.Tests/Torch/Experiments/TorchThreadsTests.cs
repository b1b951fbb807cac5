using Lectures.Torch.Experiments;
using TorchSharp;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>The scoped thread setting every experiment runs under.</summary>
public sealed class TorchThreadsTests
{
    [Fact]
    public void TorchThreadsRestoresThePreviousNumber()
    {
        var before = torch.get_num_threads();
        var inner = before == 1 ? 2 : 1;
        using (TorchThreads.Use(inner))
        {
            Assert.Equal(inner, torch.get_num_threads());
        }
        Assert.Equal(before, torch.get_num_threads());
        Assert.Throws<ArgumentOutOfRangeException>(() => TorchThreads.Use(0));
    }
}
