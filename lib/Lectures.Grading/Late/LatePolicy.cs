namespace Lectures.Grading.Late;

/// <summary>A late submission's score: the raw points, how many days late, the penalty and what is left.</summary>
/// <param name="Raw">Points the tests gave.</param>
/// <param name="DaysLate">Started days after the student's due time: ceil((submitted - due) / 1 day), 0 when on time.</param>
/// <param name="Penalty">Points taken off.</param>
/// <param name="Final">Raw - Penalty.</param>
public sealed record LateScore(double Raw, int DaysLate, double Penalty, double Final);

/// <summary>
/// An assignment's deadline and late policy, e.g. "-10% per day late, at most 5 days, then 0": a submission d days
/// late (each started day counts) keeps raw · (1 - d · PenaltyPerDay) for d ≤ MaxDaysLate, and 0 after.
/// It holds no student data: times and extensions are passed in.
/// </summary>
/// <param name="Deadline">The due time, with its offset from UTC.</param>
/// <param name="PenaltyPerDay">Fraction of the raw points taken per day late, in [0, 1].</param>
/// <param name="MaxDaysLate">Days a submission may be late before it scores 0.</param>
public sealed record LatePolicy(DateTimeOffset Deadline, double PenaltyPerDay, int MaxDaysLate)
{
    /// <summary>
    /// The score of <paramref name="raw"/> points submitted at <paramref name="submitted"/> by a student whose due
    /// time is Deadline + <paramref name="extension"/>: d = ceil((submitted - due) / 1 day) when positive, else 0;
    /// penalty = raw · min(1, d · PenaltyPerDay) for d ≤ MaxDaysLate, raw after.
    /// </summary>
    public LateScore Score(double raw, DateTimeOffset submitted, TimeSpan extension)
    {
        var late = submitted - (Deadline + extension);
        var days = late <= TimeSpan.Zero ? 0 : (int)Math.Ceiling(late.Ticks / (double)TimeSpan.TicksPerDay);
        var penalty = days > MaxDaysLate ? raw : raw * Math.Min(1, days * PenaltyPerDay);
        return new LateScore(raw, days, penalty, raw - penalty);
    }
}
