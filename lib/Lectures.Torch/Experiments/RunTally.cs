using System.Globalization;

namespace Lectures.Torch.Experiments;

/// <summary>
/// The runs of one start of an experiment: <paramref name="Runs"/> in all, of which <paramref name="RecordedEarlier"/>
/// were read from the journal of earlier starts (a resume, <see cref="RunJournal.RecordedEarlier"/>) and the rest ran
/// now, in <paramref name="Elapsed"/> (the wall time of this start).
/// </summary>
public sealed record RunTally(int Runs, int RecordedEarlier, TimeSpan Elapsed)
{
    /// <summary>"12 runs in 3.2 min"; resumed, "12 runs: 11 recorded earlier, 1 run now in 0.3 min" or "12 runs, all recorded earlier".</summary>
    public override string ToString()
    {
        var minutes = Elapsed.TotalMinutes.ToString("F1", CultureInfo.InvariantCulture);
        return RecordedEarlier == 0 ? $"{Runs} runs in {minutes} min"
            : RecordedEarlier == Runs ? $"{Runs} runs, all recorded earlier"
            : $"{Runs} runs: {RecordedEarlier} recorded earlier, {Runs - RecordedEarlier} run now in {minutes} min";
    }
}
