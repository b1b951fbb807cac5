namespace Lectures.Torch.Experiments;

/// <summary>An experiment's settings: checked once before anything runs, and described once as the journal records them.</summary>
public interface IExperimentOptions
{
    /// <summary>Throws an ArgumentException naming the first bad value.</summary>
    void Validate();

    /// <summary>The settings as (name, value) lines under their stored names (<see cref="JournalMigrations"/>), which a resume compares.</summary>
    IReadOnlyList<(string Name, string Value)> Settings();
}
