using Lectures.TextTasks;

namespace Lectures.Tests.Core.TextTasks;

public class TextTaskTests
{
    [Fact]
    public void EditSimilarityMatchesHandCountedEdits()
    {
        // kitten -> sitting: substitute k->s, e->i, insert g: 3 edits over max length 7.
        Assert.Equal(3, EditSimilarity.Distance("kitten", "sitting"));
        Assert.Equal(1 - 3.0 / 7, EditSimilarity.Similarity("kitten", "sitting"), 12);
        Assert.Equal(1.0, EditSimilarity.Similarity("", ""));
        Assert.Equal(0.0, EditSimilarity.Similarity("", "abc"));
        // "dcba" vs "abcd": any kept character breaks the order of the others, so 4 substitutions is best.
        Assert.Equal(4, EditSimilarity.Distance("dcba", "abcd"));
        Assert.Equal(0.0, EditSimilarity.Similarity("dcba", "abcd"), 12);
    }

    [Fact]
    public void ReferencesAndHabitsMatchHandWorkedExamples()
    {
        Assert.Equal("cab", new CopyTask().Reference("cab"));
        Assert.Equal("bac", new CopyTask().Habit("cab"));
        Assert.Equal("bac", new ReverseTask().Reference("cab"));
        Assert.Equal("abc", new SortTask().Reference("cab"));
        Assert.Equal("cba", new SortTask().Habit("cab"));
        Assert.Equal("200", new IncrementTask().Reference("199"));
        Assert.Equal("800", new IncrementTask().Habit("199"));
        Assert.Equal("kol rin", new TranslationTask().Reference("ant cat"));
        Assert.Equal("zur vom", new TranslationTask().Habit("ant cat"));
        Assert.Equal("71", new LookupTask().Reference("b3e7a1?ea"));
        Assert.Equal("17", new LookupTask().Habit("b3e7a1?ea"));
    }

    [Fact]
    public void RewardGivesPartialCredit()
    {
        var task = new IncrementTask();
        // 199 + 1 = 200: "201" is one substitution away (2/3), the habit "800" is too (2/3), "12" is 3 edits away.
        Assert.Equal(2.0 / 3, task.Reward("201", "200"), 12);
        Assert.Equal(2.0 / 3, task.Reward(task.Habit("199"), "200"), 12);
        Assert.Equal(0.0, task.Reward("12", "200"), 12);
        Assert.Equal(1.0, task.Reward("200", "200"));
        // The translation habit shares only the spaces: "zur vom" vs "kol rin" differ in 6 of 7 characters.
        Assert.Equal(1.0 / 7, new TranslationTask().Reward("zur vom", "kol rin"), 12);
    }

    [Fact]
    public void RuleProbabilityIsZeroOnUnfamiliarSymbolsAndEvenlySpacedElsewhere()
    {
        var reverse = new ReverseTask(unfamiliarSymbols: 2);
        Assert.Equal(0.0, reverse.RuleProbability("abc"));
        Assert.Equal(0.0, reverse.RuleProbability("bca"));
        Assert.Equal(TextTask.LowestRuleProbability, reverse.RuleProbability("cab"), 12);
        Assert.Equal(TextTask.HighestRuleProbability, reverse.RuleProbability("jab"), 12);
        // 8 familiar symbols c..j: w(d) = 0.2 + 0.6 / 7.
        Assert.Equal(0.2 + 0.6 / 7, reverse.RuleProbability("dab"), 12);
        Assert.Equal(0.2, reverse.UnfamiliarFraction, 12);
        var error = Assert.Throws<ArgumentException>(() => reverse.RuleProbability("zab"));
        Assert.Contains("'zab'", error.Message);
    }

    [Fact]
    public void ExamplesAreSeededDistinctAndDisjointFromExcluded()
    {
        foreach (var task in TextBenchmark.Tasks())
        {
            var train = task.Examples(100, seed: 4);
            Assert.Equal(train, task.Examples(100, seed: 4));
            Assert.Equal(100, train.Select(e => e.Input).Distinct().Count());
            var test = task.Examples(100, seed: 5, exclude: train);
            Assert.Empty(test.Select(e => e.Input).Intersect(train.Select(e => e.Input)));
            Assert.All(train, e => Assert.Equal(task.Reference(e.Input), e.Reference));
            Assert.All(train, e => Assert.True(CharacterVocabulary.Prompt(task, e.Input).Length == CharacterVocabulary.PromptWidth));
        }
    }

    [Fact]
    public void PretrainingMixShowsTheRuleWithProbabilityW()
    {
        // Sort task, symbol 'j' has w = 0.8: the fraction of rule outputs among 'j' inputs of the mix is near 0.8;
        // on unfamiliar 'a' inputs it is 0 unless the rule and the habit agree (all letters equal).
        var sort = new SortTask();
        var mix = TextBenchmark.PretrainingMix([sort], 20000, seed: 1);
        var j = mix.Where(m => m.Example.Input[0] == 'j' && sort.Reference(m.Example.Input) != sort.Habit(m.Example.Input)).ToArray();
        var ruleShare = j.Count(m => m.Example.Reference == sort.Reference(m.Example.Input)) / (double)j.Length;
        Assert.InRange(ruleShare, 0.8 - 4 * Math.Sqrt(0.16 / j.Length), 0.8 + 4 * Math.Sqrt(0.16 / j.Length));
        Assert.DoesNotContain(mix, m => m.Example.Input[0] == 'a' && m.Example.Reference != sort.Habit(m.Example.Input));
    }

    [Fact]
    public void VocabularyRoundTripsAndRejectsUnknownCharacters()
    {
        var prompt = CharacterVocabulary.Prompt(new LookupTask(), "b3e7a1?ea");
        Assert.Equal(CharacterVocabulary.Pad, prompt[0]);
        Assert.Equal(CharacterVocabulary.Id('>'), prompt[^1]);
        Assert.Equal("^Lb3e7a1?ea>", CharacterVocabulary.Decode(prompt.SkipWhile(t => t == CharacterVocabulary.Pad).ToArray()));
        Assert.Equal("kol rin", CharacterVocabulary.Decode(CharacterVocabulary.Output("kol rin")));
        var error = Assert.Throws<ArgumentException>(() => CharacterVocabulary.Id('#'));
        Assert.Contains("'#'", error.Message);
    }
}
