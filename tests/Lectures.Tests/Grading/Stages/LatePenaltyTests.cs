using Lectures.Grading.Late;
using Lectures.Grading.Lms;
using Lectures.Grading.Samples;
using Lectures.Grading.Scoring;
using Lectures.Grading.Stages;

namespace Lectures.Tests.Grading.Stages;

/// <summary>A Canvas download graded with the late-penalty stage, then exported to Canvas's own gradebook sheet.</summary>
public class LatePenaltyTests
{
    static readonly DateTimeOffset Deadline = new(2026, 12, 14, 23, 59, 0, TimeSpan.Zero);

    [Fact]
    public void A_Canvas_download_is_graded_with_the_late_policy_and_exported_for_import()
    {
        var s = new GradingScratch();
        var canvas = Path.Combine(s.Root, "canvas");
        Directory.CreateDirectory(canvas);
        File.WriteAllText(Path.Combine(canvas, "doejane_12345_900001_synthetic.ipynb"), s.Solved());                              // on time: 6
        File.WriteAllText(Path.Combine(canvas, "smithjohn_late_12346_900002_synthetic.ipynb"), s.Solved(sumTo: "return 0;"));    // 2 points, 2 days late
        File.WriteAllText(Path.Combine(canvas, "oneilana_late_12347_900003_synthetic.ipynb"), s.Solved());                       // 6 points, 3 days late, 2-day extension
        File.WriteAllText(Path.Combine(canvas, "leekim_late_12348_900004_synthetic.ipynb"), s.Solved());                         // 6 days late: 0
        var submissions = Submissions.Find(canvas, SyntheticAssignment.Name);
        Assert.Equal(["12345", "12346", "12347", "12348"], submissions.Select(x => x.Student));

        var times = new Dictionary<string, DateTimeOffset>
        {
            ["12345"] = Deadline, ["12346"] = Deadline.AddHours(30), ["12347"] = Deadline.AddHours(49), ["12348"] = Deadline.AddDays(5).AddMinutes(1),
        };
        var stage = new LatePenalty(new LatePolicy(Deadline, 0.1, 5), times, new Dictionary<string, TimeSpan> { ["12347"] = TimeSpan.FromDays(2) });
        var grades = Grader.Grade(s.Assignment, submissions, GradingLimits.Default, stages: [.. Grader.Stages, stage]).ToDictionary(g => g.Student);

        Assert.Equal(6, grades["12345"].Points);
        Assert.DoesNotContain(grades["12345"].Rows, r => r.Test == "late");
        var late = grades["12346"].Rows.Single(r => r.Test == "late");
        Assert.Equal((-0.4, GradeStatus.Late), (Math.Round(late.Points, 12), late.Status));   // raw 2, 2 days: -20 %
        Assert.Equal("Submitted 2026-12-16 05:59 +00:00, 2 day(s) after the due time 2026-12-14 23:59 +00:00: raw 2, penalty 0.4, final 1.6.", late.Message);
        Assert.Equal(1.6, grades["12346"].Points, 12);
        Assert.Equal(5.4, grades["12347"].Points, 12);                                      // 1 h after the extended due time: 1 day
        Assert.Equal(0, grades["12348"].Points, 12);
        Assert.Contains("12346,late,-0.4,0,late", GradeReport.Gradebook(grades.Values.ToList()));

        var roster = Path.Combine(s.Root, "grades.csv");
        File.WriteAllText(roster, "Student,ID,SIS User ID,SIS Login ID,Section,Synthetic (48299)\r\n    Points Possible,,,,,6.00\r\n"
            + "\"Doe, Jane\",12345,s1,jdoe,A,\r\n\"Smith, John\",12346,s2,jsmith,A,\r\n\"O'Neil, Ana\",12347,s3,aoneil,A,\r\n\"Lee, Kim\",12348,s4,klee,A,\r\n\"Roe, Max\",12349,s5,mroe,A,\r\n");
        var filled = GradebookExport.For("canvas", roster, SyntheticAssignment.Name, grades.ToDictionary(g => g.Key, g => g.Value.Points));
        Assert.Equal(["6", "1.6", "5.4", "0", ""], filled.Sheet.Rows.Skip(1).Select(r => r[5]));
        Assert.Equal(["Roe, Max (12349)"], filled.Missing);
    }

    [Fact]
    public void A_student_without_a_time_is_a_one_line_error_naming_the_times_file()
    {
        var stage = new LatePenalty(new LatePolicy(Deadline, 0.1, 5), new Dictionary<string, DateTimeOffset> { ["12345"] = Deadline }, new Dictionary<string, TimeSpan>());
        Assert.Equal("times.csv lists no submission time for 12346, 12347.",
            Assert.Throws<InvalidDataException>(() => stage.RequireTimes(["12345", "12346", "12347"], "times.csv")).Message);
    }
}
