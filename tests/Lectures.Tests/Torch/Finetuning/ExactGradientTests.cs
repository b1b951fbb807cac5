using Lectures.Data;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Runtime;
using static TorchSharp.torch;

namespace Lectures.Tests.Torch.Finetuning;

public class ExactGradientTests
{
    public ExactGradientTests() => TorchRuntime.EnsureLoaded();

    [Theory]
    [InlineData(1.0)]
    [InlineData(2.0)]
    public void LogitGradientEqualsAutogradOfTheEnumeratedObjective(double temperature)
    {
        manual_seed(3);
        using var z = randn(5, 4, ScalarType.Float64).requires_grad_(true);
        using var r = rand(5, 4, ScalarType.Float64) * 2 - 1;
        // J = sum_i sum_k softmax(z_i / tau)_k r_ik, with every label enumerated.
        using var j = (nn.functional.softmax(z / temperature, 1) * r).sum();
        j.backward();
        using var exact = ExpectedReward.LogitGradient(z.detach(), r, temperature);
        AssertClose(z.grad!, exact, 1e-13);
    }

    [Fact]
    public void ExactGradientThroughTheMlpMatchesFiniteDifferences()
    {
        using var batch = TinyBatch(out var model);
        // Analytic: back-propagate (1/n) dV_i/dz_i, the gradient of J(theta) = (1/n) sum_i V(x_i).
        using (var logits = model.call(batch.Inputs))
        using (var ascent = ExpectedReward.LogitGradient(logits.detach(), batch.Rewards, 1.0) / batch.Count)
        {
            model.zero_grad();
            logits.backward(new[] { ascent });
        }
        double J()
        {
            using var _ = no_grad();
            using var p = Policy.Probabilities(model.call(batch.Inputs), 1.0);
            return Policy.ExpectedReward(p, batch.Rewards).mean().item<double>();
        }
        const double h = 1e-6;
        foreach (var parameter in model.parameters())
        {
            var flat = parameter.detach().view(-1);
            var grad = parameter.grad!.view(-1);
            foreach (var index in new long[] { 0, flat.shape[0] / 2, flat.shape[0] - 1 })
            {
                double original = flat[index].item<double>();
                using (no_grad()) flat[index] = original + h;
                var plus = J();
                using (no_grad()) flat[index] = original - h;
                var minus = J();
                using (no_grad()) flat[index] = original;
                var numeric = (plus - minus) / (2 * h);
                Assert.Equal(numeric, grad[index].item<double>(), 1e-8);
            }
        }
    }

    [Fact]
    public void EntropyAndCrossEntropyGradientsEqualAutograd()
    {
        using var batch = TinyBatch(out var model);
        using var z = model.call(batch.Inputs).detach().requires_grad_(true);
        const double beta = 0.3, tau = 2.0;
        var logP = nn.functional.log_softmax(z / tau, 1);
        // J = sum_i V_i + beta H_i and J' = sum_i ln p(y_i | x_i).
        var j = (logP.exp() * batch.Rewards).sum() - beta * (logP.exp() * logP).sum();
        j.backward(retain_graph: true);
        using var entropy = new ExpectedReward().WithEntropyBonus(beta).InputGradients(z.detach(), tau, batch, 0);
        AssertClose(z.grad!, entropy, 1e-12);

        z.grad!.zero_();
        (logP * batch.Targets).sum().backward();
        using var sft = new CrossEntropy().InputGradients(z.detach(), tau, batch, 0);
        AssertClose(z.grad!, sft, 1e-12);
    }

    [Fact]
    public void SampledReinforceAveragesToTheExactGradient()
    {
        using var batch = TinyBatch(out var model);
        using var logits = model.call(batch.Inputs).detach();
        using var exact = ExpectedReward.LogitGradient(logits, batch.Rewards, 1.0);
        using var sampled = new SampledReward(samplesPerInput: 20000, seed: 1).InputGradients(logits, 1.0, batch, step: 0);
        // Each entry averages 20000 terms bounded by 2 in size: standard error below 0.015.
        var maxError = (sampled - exact).abs().max().item<double>();
        Assert.True(maxError < 0.06, $"REINFORCE deviates from the exact gradient by {maxError}.");
        Assert.True(exact.abs().max().item<double>() > 0.1, "The check needs a gradient that is not tiny.");
    }

    [Fact]
    public void ReinforceSamplesComeFromAFixedSeedPerStep()
    {
        // Uniform policy (zero logits), one sample per input: the gradient row of input i is r_i (e_{y_i} - p), with
        // y_i = floor(10 u_i) and u_i the i-th draw of new Random(seed * 1000003 + step). A per-process salted seed fails this.
        using var batch = TinyBatch(out var model);
        model.Dispose();
        using var logits = zeros(batch.Count, batch.ClassCount, ScalarType.Float64);
        using var gradient = new SampledReward(samplesPerInput: 1, seed: 4).InputGradients(logits, 1.0, batch, step: 7);
        var g = gradient.data<double>().ToArray();
        var random = new Random(4 * 1000003 + 7);
        for (var i = 0; i < batch.Count; i++)
        {
            var y = (int)Math.Floor(random.NextDouble() * batch.ClassCount);
            var r = batch.Task.Reward(i, y);
            for (var k = 0; k < batch.ClassCount; k++)
                Assert.Equal(r * ((k == y ? 1 : 0) - 0.1), g[i * batch.ClassCount + k], 12);
        }
    }

    /// <summary>An untrained 64-16-10 MLP and a task on 12 digits (3 modified), in double precision.</summary>
    internal static TrainingBatch TinyBatch(out Mlp model)
    {
        var train = Digits.Load().Subset(Enumerable.Range(0, 12).ToArray());
        var task = FinetuningTask.Create(train, LabelSets.Draw(10, 5, seed: 2), 0.25, -1, seed: 2);
        model = new Mlp(new[] { 64, 16, 10 }, seed: 5);
        return new TrainingBatch(train, task);
    }

    static void AssertClose(Tensor expected, Tensor actual, double tolerance)
    {
        var e = expected.data<double>().ToArray();
        var a = actual.data<double>().ToArray();
        Assert.Equal(e.Length, a.Length);
        for (var i = 0; i < e.Length; i++) Assert.Equal(e[i], a[i], tolerance);
    }
}
