using Lectures.Grading.Late;

namespace Lectures.Tests.Grading.Late;

public class LatePolicyTests
{
    static readonly DateTimeOffset Deadline = new(2026, 12, 14, 23, 59, 0, TimeSpan.FromHours(1));
    static readonly LatePolicy Policy = new(Deadline, 0.10, 5);

    readonly string root = Path.Combine(Path.GetTempPath(), "lectures-late-tests", Guid.NewGuid().ToString("N")[..8]);

    string Write(string name, string text)
    {
        Directory.CreateDirectory(root);
        var path = Path.Combine(root, name);
        File.WriteAllText(path, text);
        return path;
    }

    [Theory]
    [InlineData(0, 0, 0.0, 8.0)]                               // exactly at the deadline: on time
    [InlineData(1, 1, 0.8, 7.2)]                               // one second late: the first day started
    [InlineData(86_400, 1, 0.8, 7.2)]                          // exactly 24 h late: still one day
    [InlineData(86_401, 2, 1.6, 6.4)]
    [InlineData(5 * 86_400, 5, 4.0, 4.0)]                      // the cap: 5 days, -50 %
    [InlineData(5 * 86_400 + 1, 6, 8.0, 0.0)]                  // after the cap: 0
    [InlineData(-3_600, 0, 0.0, 8.0)]
    public void Each_started_day_costs_ten_percent_up_to_five_days_then_everything(int secondsLate, int days, double penalty, double final)
    {
        var score = Policy.Score(8, Deadline.AddSeconds(secondsLate), TimeSpan.Zero);
        Assert.Equal((8.0, days), (score.Raw, score.DaysLate));
        Assert.Equal(penalty, score.Penalty, 12);
        Assert.Equal(final, score.Final, 12);
    }

    [Fact]
    public void An_extension_moves_the_due_time_of_that_student_only()
    {
        var submitted = Deadline.AddHours(49);
        Assert.Equal(new LateScore(10, 0, 0, 10), Policy.Score(10, Deadline.AddHours(47), TimeSpan.FromDays(2)));
        Assert.Equal(1, Policy.Score(10, submitted, TimeSpan.FromDays(2)).DaysLate);   // 1 h after the extended due time
        Assert.Equal(3, Policy.Score(10, submitted, TimeSpan.Zero).DaysLate);
        Assert.Equal(0, new LatePolicy(Deadline, 0.5, 3).Score(6, Deadline.AddDays(2.5), TimeSpan.Zero).Final);   // 3 days · 50 % caps at 100 %
    }

    [Fact]
    public void The_course_file_gives_the_policy_and_rejects_bad_input_in_one_line_naming_the_file()
    {
        var path = Write("course.json", """{"assignments": {"one-wis": {"deadline": "2026-12-14T23:59:00+01:00", "penaltyPerDay": 0.1, "maxDaysLate": 5}}}""");
        Assert.Equal(Policy, CoursePolicies.For(path, "one-wis", released: new DateTimeOffset(2026, 12, 7, 9, 0, 0, TimeSpan.Zero)));
        Assert.Null(CoursePolicies.For(path, "walk-index", null));
        var e = Assert.Throws<InvalidDataException>(() => CoursePolicies.For(path, "one-wis", released: new DateTimeOffset(2026, 12, 15, 9, 0, 0, TimeSpan.Zero)));
        Assert.Equal($"{path}, assignment 'one-wis': the deadline 2026-12-14 23:59 +01:00 is before the release of 2026-12-15 09:00 +00:00.", e.Message);

        var local = Write("local.json", """{"assignments": {"one-wis": {"deadline": "2026-12-14 23:59", "penaltyPerDay": 0.1, "maxDaysLate": 5}}}""");
        Assert.Equal($"{local}, assignment 'one-wis': \"deadline\" must be an ISO 8601 time with its offset, like \"2026-12-14T23:59:00+01:00\", got \"2026-12-14 23:59\".",
            Assert.Throws<InvalidDataException>(() => CoursePolicies.For(local, "one-wis", null)).Message);
        var broken = Write("broken.json", """{"assignments": {"one-wis": {"deadline": "2026-12-14T23:59:00Z", """);
        Assert.StartsWith($"{broken} is not a course file: ", Assert.Throws<InvalidDataException>(() => CoursePolicies.For(broken, "one-wis", null)).Message);
        var penalty = Write("penalty.json", """{"assignments": {"one-wis": {"deadline": "2026-12-14T23:59:00Z", "penaltyPerDay": 10, "maxDaysLate": 5}}}""");
        Assert.Equal($"{penalty}, assignment 'one-wis': \"penaltyPerDay\" must be in [0, 1] and \"maxDaysLate\" at least 0, got 10 and 5.",
            Assert.Throws<InvalidDataException>(() => CoursePolicies.For(penalty, "one-wis", null)).Message);
    }

    [Fact]
    public void Times_and_extensions_come_from_the_files_passed_and_bad_rows_name_file_and_line()
    {
        var times = StudentFiles.Times(Write("times.csv", "ID,Student,Submitted\r\n12345,\"Doe, Jane\",2026-12-15T08:30:00+01:00\r\n12346,\"Smith, John\",2026-12-14T22:00:00Z\r\n"));
        Assert.Equal(new DateTimeOffset(2026, 12, 15, 7, 30, 0, TimeSpan.Zero), times["12345"]);
        Assert.Equal(1, Policy.Score(8, times["12345"], TimeSpan.Zero).DaysLate);   // 8 h 31 min late
        Assert.Equal(0, Policy.Score(8, times["12346"], TimeSpan.Zero).DaysLate);   // 23:00 +01:00, on time
        var extensions = StudentFiles.Extensions(Write("extensions.csv", "Identifier,Days\nParticipant 101,2.5\n"));
        Assert.Equal(TimeSpan.FromHours(60), extensions["101"]);

        var bad = Write("bad-times.csv", "ID,Submitted\n12345,2026-12-15T08:30:00+01:00\n12346,Monday 9am\n");
        Assert.Equal($"{bad}, line 3: \"Submitted\" must be an ISO 8601 time with its offset, got \"Monday 9am\".", Assert.Throws<InvalidDataException>(() => StudentFiles.Times(bad)).Message);
        var noOffset = Write("local-times.csv", "ID,Submitted\n12345,2026-12-15T08:30:00\n");
        Assert.Throws<InvalidDataException>(() => StudentFiles.Times(noOffset));
        var twice = Write("twice.csv", "ID,Days\n12345,1\n12345,2\n");
        Assert.Equal($"{twice}, line 3: student 12345 is listed twice.", Assert.Throws<InvalidDataException>(() => StudentFiles.Extensions(twice)).Message);
    }
}
