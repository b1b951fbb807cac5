using Lectures.Grading.Format;
using Lectures.Grading.Late;
using Lectures.Grading.Release;

namespace Lectures.Tests.Grading.Release;

public class ReleaseDateTests
{
    [Fact]
    public void A_release_records_its_date_and_a_deadline_before_it_is_refused()
    {
        var before = DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds());
        var scratch = new GradingScratch();   // releases the synthetic assignment once
        var after = DateTimeOffset.UtcNow;
        var release = Assert.Single(Assignment.Load(scratch.Assignment.Path).Releases);
        Assert.InRange(release.Date!.Value, before, after);
        Assert.Contains($"\"date\": \"{release.Date.Value.UtcDateTime:yyyy-MM-ddTHH:mm:ss}+00:00\"", File.ReadAllText(ReleaseHistory.PathOf(scratch.Assignment.Path)));

        var course = Path.Combine(scratch.Root, "assignments", CoursePolicies.FileName);
        File.WriteAllText(course, """{"assignments": {"synthetic": {"deadline": "2020-01-31T23:59:00Z", "penaltyPerDay": 0.1, "maxDaysLate": 5}}}""");
        var e = Assert.Throws<InvalidDataException>(() => CoursePolicies.For(course, "synthetic", release.Date));
        Assert.StartsWith($"{course}, assignment 'synthetic': the deadline 2020-01-31 23:59 +00:00 is before the release of {release.Date:yyyy-MM-dd}", e.Message);
    }
}
