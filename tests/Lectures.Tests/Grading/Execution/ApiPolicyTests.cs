using System.Reflection;

namespace Lectures.Tests.Grading.Execution;

/// <summary>The policy's entries for part 2's experiments name members that exist, so that none is denied in name only.</summary>
public class ApiPolicyTests
{
    static readonly Assembly Torch = typeof(Lectures.Torch.Experiments.ExperimentReport).Assembly;

    [Fact]
    public void PartTwoEntriesNameExistingNamespacesTypesOrMembers()
    {
        var entries = ApiPolicy.KitDenied.Where(e => e.StartsWith("Lectures.Torch.Finetuning", StringComparison.Ordinal)
            || e.StartsWith("Lectures.Torch.LanguageModel", StringComparison.Ordinal) || e == "Lectures.Torch.Experiments").ToList();
        Assert.Equal(
            ["Lectures.Torch.Experiments", "Lectures.Torch.Finetuning.FinetuningResults.WriteCsv",
             "Lectures.Torch.LanguageModel.LanguageModelResults.WriteCsv", "Lectures.Torch.LanguageModel.LanguageModelExperiment.Run",
             "Lectures.Torch.LanguageModel.CharacterLanguageModel.Save", "Lectures.Torch.LanguageModel.CharacterLanguageModel.Load"],
            entries);
        foreach (var entry in entries)
            Assert.True(Exists(entry), $"ApiPolicy.KitDenied names {entry}, which is no namespace, type or member of Lectures.Torch.");
    }

    static bool Exists(string entry)
    {
        var types = Torch.GetTypes();
        if (types.Any(t => t.Namespace == entry || t.FullName == entry)) return true;
        var dot = entry.LastIndexOf('.');
        var type = types.FirstOrDefault(t => t.FullName == entry[..dot]);
        return type is not null && type.GetMember(entry[(dot + 1)..], BindingFlags.Public | BindingFlags.Static | BindingFlags.Instance).Length > 0;
    }
}
