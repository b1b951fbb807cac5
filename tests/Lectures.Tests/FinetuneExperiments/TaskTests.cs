using Lectures.Data;
using Lectures.Torch.Finetuning;

namespace Lectures.Tests.FinetuneExperiments;

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
    public void TheCheapFixLabelsOnePercentOfInputs()
    {
        var subset = new CrossEntropy(0.01, seed: 3).LabelledInputs(1000);
        Assert.Equal(10, subset.Length);
        Assert.Equal(10, subset.Distinct().Count());
        Assert.Equal(subset, new CrossEntropy(0.01, seed: 3).LabelledInputs(1000));
        Assert.Throws<ArgumentException>(() => new CrossEntropy(0, 0));
    }
}
