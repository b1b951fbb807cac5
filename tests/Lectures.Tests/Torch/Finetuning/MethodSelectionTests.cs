using Lectures.Torch.Finetuning;

namespace Lectures.Tests.Torch.Finetuning;

public class MethodSelectionTests
{
    [Fact]
    public void MethodsOptionKeepsOnlyTheNamedMethodsInGridOrder()
    {
        var all = ControlledMethods.All(ControlledExperimentOptions.Reduced, seed: 0).Select(m => m.Name).ToArray();
        Assert.Equal(11, all.Length);
        var chosen = ControlledMethods.All(ControlledExperimentOptions.Reduced with { Methods = [ControlledMethods.SftThenRft, ControlledMethods.Rft] }, seed: 0);
        Assert.Equal([ControlledMethods.Rft, ControlledMethods.SftThenRft], chosen.Select(m => m.Name));
    }

    [Fact]
    public void UnknownMethodNameIsRejectedWithTheName()
    {
        var error = Assert.Throws<ArgumentException>(() => ControlledMethods.All(ControlledExperimentOptions.Reduced with { Methods = ["RFT, lr x7"] }, seed: 0));
        Assert.Contains("RFT, lr x7", error.Message);
    }
}
