using Lectures.Finetuning;
using Lectures.TextTasks;
using Lectures.Torch.LanguageModel;
using MathNet.Numerics.Distributions;
using TorchSharp;
using static Lectures.Tests.Torch.LanguageModel.ModelTestSupport;

namespace Lectures.Tests.Torch.LanguageModel;

public class LanguageModelTests
{
    [Fact]
    public void SamplingFrequenciesMatchSoftmaxProbabilities()
    {
        // 20,000 draws from softmax(z / 0.7): the chi-square statistic against the exact probabilities stays below
        // its 99.9% quantile with K - 1 = 4 degrees of freedom.
        TinyModel(0);
        double[] z = [1.0, 0.5, -0.3, 2.0, 0.0];
        const double tau = 0.7;
        const int draws = 20_000;
        var max = z.Max();
        var weights = z.Select(v => Math.Exp((v - max) / tau)).ToArray();
        var p = weights.Select(w => w / weights.Sum()).ToArray();
        using var logits = torch.tensor(z.Select(v => (float)v).ToArray()).unsqueeze(0).expand(draws, z.Length).contiguous();
        using var generator = new torch.Generator(7);
        using var drawn = Decoding.SampleNext(logits, tau, generator);
        var counts = new double[z.Length];
        foreach (var k in drawn.data<long>().ToArray()) counts[k]++;
        var chiSquare = counts.Select((c, k) => (c - draws * p[k]) * (c - draws * p[k]) / (draws * p[k])).Sum();
        Assert.InRange(chiSquare, 0, ChiSquared.InvCDF(z.Length - 1, 0.999));
        // And the most likely token is drawn about p = 0.67 of the time, not a uniform fifth.
        Assert.InRange(counts[3] / draws, p[3] - 0.02, p[3] + 0.02);
    }

    [Fact]
    public void PpoGradientAtOldWeightsEqualsReinforceGradient()
    {
        // At theta = theta_old every ratio is 1 (inside the clip range), so grad sum_l min(rho_l A, clip(rho_l) A)
        // = A sum_l grad log p(y_l) = A grad log p(y): PPO's first step follows REINFORCE's gradient on the same batch.
        // With a KL penalty to a copy of the current model the gradient is unchanged (grad KL = 0 at p = p_init).
        using var model = TinyModel(3);
        using var reference = model.Clone();
        using var trainer = new LanguageModelTrainer(model, new LanguageModelTrainerOptions(Seed: 5));
        var task = new SortTask();
        var batch = TaskExample.Of(task, task.Examples(6, seed: 2));
        var reinforce = PolicyGradientObjective.Reinforce(samplesPerInput: 4);
        var ppo = PolicyGradientObjective.Ppo(samplesPerInput: 4, clip: 0.2, epochs: 3);
        var ppoWithKl = PolicyGradientObjective.Ppo(samplesPerInput: 4, klCoefficient: 0.5, reference: reference);
        using var scope = torch.NewDisposeScope();
        var prepared = ppoWithKl.Prepare(trainer, batch);
        Assert.NotEqual(0.0, prepared.Advantages!.abs().sum().item<float>());

        float[] Gradient(TrainingObjective objective)
        {
            model.zero_grad();
            objective.Loss(model, prepared, 1).backward();
            return Flatten(model.parameters().Select(p => p.grad!));
        }
        var g = Gradient(reinforce);
        var gPpo = Gradient(ppo);
        var gKl = Gradient(ppoWithKl);
        var scale = g.Max(Math.Abs);
        Assert.True(scale > 1e-4, $"The REINFORCE gradient should not vanish on this batch; its largest entry is {scale}.");
        for (var i = 0; i < g.Length; i++)
        {
            Assert.Equal(g[i], gPpo[i], 1e-5 * scale);
            Assert.Equal(g[i], gKl[i], 1e-4 * scale);
        }
    }

    [Fact]
    public void TinyModelLearnsToCopy()
    {
        // SFT on the copy task from random weights: greedy outputs on held-out inputs go from near-zero edit
        // similarity to above 0.8 in 400 steps.
        using var model = TinyModel(1, hidden: 64);
        var task = new CopyTask();
        var train = TaskExample.Of(task, task.Examples(400, seed: 1));
        var test = task.Examples(50, seed: 2, exclude: train.Select(e => e.Example));
        double GreedyReward()
        {
            using var generator = new torch.Generator(1);
            var outputs = Decoding.Generate(model, test.Select(e => CharacterVocabulary.Prompt(task, e.Input)).ToArray(), 1,
                new DecodingOptions(Greedy: true), generator);
            return test.Select((e, i) => task.Reward(outputs[i].Text, e.Reference)).Average();
        }
        var before = GreedyReward();
        using var trainer = new LanguageModelTrainer(model, new LanguageModelTrainerOptions(LearningRate: 1e-2, BatchSize: 32, Seed: 1));
        var log = trainer.Train(NextTokenObjective.Sft, train, 400);
        var after = GreedyReward();
        Assert.True(before < 0.2, $"The untrained model should not copy; its mean reward is {before}.");
        Assert.True(log[^1].Loss < log[0].Loss / 5, $"Loss went from {log[0].Loss} to {log[^1].Loss}.");
        Assert.True(after > 0.8, $"Mean copy reward of greedy outputs on held-out inputs is {after}, expected > 0.8.");
    }

    [Fact]
    public void SameSeedGivesSameNumbers()
    {
        (float[] Weights, double[] Losses, double[] Std) Run()
        {
            using var model = TinyModel(11);
            var task = new TranslationTask();
            var data = TaskExample.Of(task, task.Examples(20, seed: 3));
            using var trainer = new LanguageModelTrainer(model, new LanguageModelTrainerOptions(BatchSize: 4, Seed: 9));
            var losses = trainer.Train(PolicyGradientObjective.Ppo(samplesPerInput: 3, epochs: 2), data, 3).Select(s => s.Loss).ToArray();
            using var probe = new RewardStdProbe(new RewardStdMonitor(0.05), new DecodingOptions(), seed: 4);
            var std = probe.Measure(model, data).RewardStd;
            return (Flatten(model.parameters()), losses, std);
        }
        var first = Run();
        var second = Run();
        Assert.Equal(first.Weights, second.Weights);
        Assert.Equal(first.Losses, second.Losses);
        Assert.Equal(first.Std, second.Std);
        Assert.Contains(first.Std, s => s > 0);
    }

    [Fact]
    public void RewardStdProbeGivesThePlugInStdOfTenSamples()
    {
        // The probe's V and STD per input equal the mean and sqrt(mean (r - V)^2) of the rewards of the same ten
        // samples drawn by hand with a generator of the same seed.
        using var model = TinyModel(2);
        var task = new LookupTask();
        var data = TaskExample.Of(task, task.Examples(8, seed: 1));
        var decoding = new DecodingOptions(MaxLength: 4);
        using var probe = new RewardStdProbe(new RewardStdMonitor(0.05), decoding, seed: 1);
        var report = probe.Measure(model, data);
        using var generator = new torch.Generator(1);
        var outputs = Decoding.Generate(model, data.Select(e => CharacterVocabulary.Prompt(task, e.Example.Input)).ToArray(), 10, decoding, generator);
        for (var i = 0; i < data.Length; i++)
        {
            var r = Enumerable.Range(0, 10).Select(s => task.Reward(outputs[i * 10 + s].Text, data[i].Example.Reference)).ToArray();
            var v = r.Average();
            Assert.Equal(v, report.ExpectedReward[i], 12);
            Assert.Equal(Math.Sqrt(r.Select(x => (x - v) * (x - v)).Average()), report.RewardStd[i], 12);
        }
        Assert.Contains(report.RewardStd, s => s > 0);
        Assert.Equal(1, probe.Monitor.Step);
    }

    [Fact]
    public void CheckpointRoundTripGivesTheSameLogits()
    {
        using var model = TinyModel(4);
        var path = Path.Combine(Path.GetTempPath(), $"lectures-lm-{Guid.NewGuid():N}.lm");
        try
        {
            model.Save(path);
            using var loaded = CharacterLanguageModel.Load(path);
            Assert.Equal(model.Shape, loaded.Shape);
            using var tokens = torch.tensor(CharacterVocabulary.Prompt(new CopyTask(), "abc").Select(t => (long)t).ToArray()).unsqueeze(0);
            using var a = model.forward(tokens);
            using var b = loaded.forward(tokens);
            Assert.Equal(a.data<float>().ToArray(), b.data<float>().ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }
}
