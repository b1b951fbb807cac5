using Lectures.Data;
using Lectures.Finetuning;
using Lectures.Torch.Finetuning;

namespace Lectures.Tests.Torch.Finetuning;

public class TaskTests
{
    [Fact]
    public void LabelSetsHoldTheClassAndKMinusOneOthers()
    {
        var sets = LabelSets.Draw(classCount: 10, k: 5, seed: 7);
        for (var c = 0; c < 10; c++)
        {
            Assert.Equal(c, sets.Sets[c][0]);
            Assert.Equal(5, sets.Sets[c].Distinct().Count());
            Assert.All(sets.Sets[c], y => Assert.InRange(y, 0, 9));
        }
        Assert.Equal(sets.Sets, LabelSets.Draw(10, 5, seed: 7).Sets);
        Assert.NotEqual(sets.Sets, LabelSets.Draw(10, 5, seed: 8).Sets);
    }

    [Fact]
    public void KLargerThanTheClassesIsRejected()
    {
        var e = Assert.Throws<ArgumentException>(() => LabelSets.Draw(classCount: 10, k: 11, seed: 0));
        Assert.Contains("k = 11 is out of range: expected 1..10", e.Message);
        var all = LabelSets.Draw(10, 10, seed: 0);
        var train = Digits.Load().Subset(Enumerable.Range(0, 20).ToArray());
        Assert.Contains("leave no class outside the set", Assert.Throws<ArgumentException>(() => FinetuningTask.Create(train, all, 0.1, -1, 0)).Message);
    }

    [Theory]
    [InlineData(-1.0)]
    [InlineData(0.5)]
    public void TheTaskModifiesTenPercentWithLabelsOutsideTheirSet(double wrong)
    {
        var train = Digits.Load().Split(1000, seed: 0).Train;
        var sets = LabelSets.Draw(10, 5, seed: 0);
        var task = FinetuningTask.Create(train, sets, 0.1, wrong, seed: 0);
        Assert.Equal(100, task.IsModified.Count(m => m));
        for (var i = 0; i < task.Count; i++)
        {
            if (task.IsModified[i]) Assert.False(sets.Contains(train.Labels[i], task.Targets[i]));
            else Assert.Equal(train.Labels[i], task.Targets[i]);
            var other = (task.Targets[i] + 1) % 10;
            Assert.Equal(1.0, task.Reward(i, task.Targets[i]));
            Assert.Equal(task.IsModified[i] ? wrong : -1.0, task.Reward(i, other));
        }
        var table = task.RewardTable();
        Assert.Equal(task.Reward(17, 3), table[17 * 10 + 3]);
    }

    [Fact]
    public void WholeClassRelabellingGivesEveryInputOfOneClassTheSameLabelOutsideItsSet()
    {
        var train = Digits.Load().Split(1000, seed: 0).Train;
        var sets = LabelSets.Draw(10, 5, seed: 0);
        var task = FinetuningTask.Create(train, sets, 0.1, -1, seed: 4, Relabelling.WholeClass);
        var relabelled = Enumerable.Range(0, task.Count).Where(i => task.IsModified[i]).ToArray();
        var c = train.Labels[relabelled[0]];
        // round(0.1 * 10) = 1 class: exactly its inputs, all with one new label outside S_c.
        Assert.Equal(Enumerable.Range(0, task.Count).Where(i => train.Labels[i] == c), relabelled);
        var label = Assert.Single(relabelled.Select(i => task.Targets[i]).Distinct());
        Assert.False(sets.Contains(c, label));
        Assert.All(Enumerable.Range(0, task.Count).Where(i => !task.IsModified[i]), i => Assert.Equal(train.Labels[i], task.Targets[i]));
        Assert.Equal(train.Labels, task.Classes);
        // Three tenths of the classes: three whole classes, each with its own label.
        var three = FinetuningTask.Create(train, sets, 0.3, -1, seed: 4, Relabelling.WholeClass);
        Assert.Equal(3, Enumerable.Range(0, three.Count).Where(i => three.IsModified[i]).Select(i => train.Labels[i]).Distinct().Count());
    }

    [Fact]
    public void AnUnknownRuleOrASingleClassSetIsRejectedByName()
    {
        var train = Digits.Load().Split(1000, seed: 0).Train;
        var sets = LabelSets.Draw(10, 5, seed: 0);
        var unknown = Assert.Throws<ArgumentException>(() => FinetuningTask.Create(train, sets, 0.1, -1, 0, (Relabelling)7));
        Assert.Contains("Relabelling 7 is unknown: expected RandomInputs or WholeClass", unknown.Message);
        var ones = train.Subset(Enumerable.Range(0, train.Count).Where(i => train.Labels[i] == 1).ToArray());
        var single = Assert.Throws<ArgumentException>(() => FinetuningTask.Create(ones, sets, 0.1, -1, 0, Relabelling.WholeClass));
        Assert.Contains("holds only class 1", single.Message);
    }

    [Fact]
    public void RandomInputRelabellingKeepsTheOriginalDrawForAGivenSeed()
    {
        var train = Digits.Load().Split(1000, seed: 0).Train;
        var sets = LabelSets.Draw(10, 5, seed: 0);
        var byDefault = FinetuningTask.Create(train, sets, 0.1, -1, seed: 5);
        var named = FinetuningTask.Create(train, sets, 0.1, -1, seed: 5, Relabelling.RandomInputs);
        Assert.Equal(byDefault.Targets, named.Targets);
        // Relabelled inputs come from several classes and get several different labels.
        var relabelled = Enumerable.Range(0, named.Count).Where(i => named.IsModified[i]).ToArray();
        Assert.True(relabelled.Select(i => train.Labels[i]).Distinct().Count() >= 8);
        Assert.True(relabelled.Select(i => named.Targets[i]).Distinct().Count() >= 8);
    }

    [Fact]
    public void TheCheapFixLabelsAOnePercentSampleStratifiedByClass()
    {
        var classes = Digits.Load().Split(1000, seed: 0).Train.Labels;
        var subset = new CrossEntropy(0.01, seed: 3).LabelledInputs(classes);
        Assert.Equal(10, subset.Length);
        Assert.Equal(10, subset.Distinct().Count());
        // 10 inputs over 10 classes: one of each.
        Assert.Equal(Enumerable.Range(0, 10), subset.Select(i => classes[i]).Order());
        Assert.Equal(subset, new CrossEntropy(0.01, seed: 3).LabelledInputs(classes));
        Assert.NotEqual(subset, new CrossEntropy(0.01, seed: 4).LabelledInputs(classes));
        // 25 inputs: every class twice, five classes a third time.
        var counts = new CrossEntropy(0.025, seed: 3).LabelledInputs(classes).GroupBy(i => classes[i]).Select(g => g.Count()).Order().ToArray();
        Assert.Equal(new[] { 2, 2, 2, 2, 2, 3, 3, 3, 3, 3 }, counts);
        Assert.Equal(1000, new CrossEntropy().LabelledInputs(classes).Length);
        Assert.Throws<ArgumentException>(() => new CrossEntropy(0, 0));
    }

    [Fact]
    public void TheSweepLabelsAUniformSampleOfRoundFractionTimesNTheSameForEveryMethodOfASeed()
    {
        var classes = Digits.Load().Split(1000, seed: 0).Train.Labels;
        var onePercent = new CrossEntropy(0.01, seed: 3, LabelledSample.Uniform).LabelledInputs(classes);
        var tenPercent = new CrossEntropy(0.1, seed: 3, LabelledSample.Uniform).LabelledInputs(classes);
        Assert.Equal((10, 10), (onePercent.Length, onePercent.Distinct().Count()));
        Assert.Equal((100, 100), (tenPercent.Length, tenPercent.Distinct().Count()));
        // One permutation per seed: the 1% subset is the start of the 10% subset.
        Assert.Equal(onePercent, tenPercent[..10]);
        Assert.Equal(onePercent, new CrossEntropy(0.01, seed: 3, LabelledSample.Uniform).LabelledInputs(classes));
        Assert.NotEqual(onePercent, new CrossEntropy(0.01, seed: 4, LabelledSample.Uniform).LabelledInputs(classes));
        // Uniform, not stratified: with about 100 inputs per class, a uniform 10 hold every class once with probability
        // about 10!/10^10 = 0.00036, so almost never in 200 seeds; the stratified sample always does.
        var everyClassOnce = Enumerable.Range(0, 200).Count(seed =>
            new CrossEntropy(0.01, seed, LabelledSample.Uniform).LabelledInputs(classes).Select(i => classes[i]).Distinct().Count() == 10);
        Assert.InRange(everyClassOnce, 0, 2);
        // Each input is drawn with probability 10/1000: over 200 seeds, 2000 draws, input 0 about 2 times; the mean over inputs is exact.
        var draws = Enumerable.Range(0, 200).SelectMany(seed => new CrossEntropy(0.01, seed, LabelledSample.Uniform).LabelledInputs(classes)).ToArray();
        Assert.Equal(2.0, draws.Length / 1000.0);
        Assert.InRange(draws.GroupBy(i => classes[i]).Max(g => g.Count()) / (double)draws.Length, 0.1, 0.14);
        // Every method of a seed with the same fraction labels the same inputs, whatever its steps.
        var methods = FinetuningMethods.For(FinetuningOptions.Standard);
        var objectives = new PhaseObjectives(ReinforceSamples: 4, Seed: 3);
        var sweepOnePercent = methods.Sweep.Where(s => s.Fraction == 0.01).Select(s => ((CrossEntropy)objectives.For(s.Method.Phases[0])).LabelledInputs(classes)).ToList();
        Assert.Equal(4, sweepOnePercent.Count);
        Assert.All(sweepOnePercent, subset => Assert.Equal(onePercent, subset));
    }

    [Fact]
    public void StandardisedInputsHaveMeanZeroAndStdOne()
    {
        var digits = Digits.Load().Split(500, seed: 1).Train;
        var values = digits.Standardized().Inputs.SelectMany(x => x).ToArray();
        Assert.Equal(0, values.Average(), 10);
        Assert.Equal(1, Math.Sqrt(values.Average(v => v * v)), 10);
        // An affine map of each pixel: order and ratios of differences are kept.
        var (a, b) = (digits.Inputs[0][10], digits.Inputs[0][20]);
        var (sa, sb) = (digits.Standardized().Inputs[0][10], digits.Standardized().Inputs[0][20]);
        Assert.Equal(Math.Sign(a - b), Math.Sign(sa - sb));
        var constant = new LabelledImages(new[] { new[] { 2.0, 2.0 }, new[] { 2.0, 2.0 } }, new[] { 0, 1 }, 2);
        Assert.Contains("constant set cannot be standardised", Assert.Throws<InvalidOperationException>(() => constant.Standardized()).Message);
    }
}
