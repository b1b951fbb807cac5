using Lectures.Grading.Lms;

namespace Lectures.Tests.Grading.Lms;

public class LmsTests
{
    readonly string root = Path.Combine(Path.GetTempPath(), "lectures-lms-tests", Guid.NewGuid().ToString("N")[..8]);

    string Write(string relative, string text)
    {
        var path = Path.Combine(root, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, text);
        return path;
    }

    const string Notebook = """{"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}""";

    // Canvas's gradebook export (Grades → Export), as it writes it: a Points Possible row, read-only score columns,
    // names "Last, First" quoted, the Test Student at the end.
    const string CanvasGradebook =
        "Student,ID,SIS User ID,SIS Login ID,Section,Assignment 1: one-wis (48213),Assignment 2: walk-index (48214),Current Score,Unposted Current Score,Final Score\r\n"
        + "    Points Possible,,,,,8.00,10.00,(read only),(read only),(read only)\r\n"
        + "\"Doe, Jane\",12345,s1001,jdoe,Deep Learning 2026,,9.00,90.00,90.00,50.00\r\n"
        + "\"Smith, John\",12346,s1002,jsmith,Deep Learning 2026,,,0.00,0.00,0.00\r\n"
        + "\"O'Neil, Ana\",12347,s1003,aoneil,Deep Learning 2026,,,,,\r\n"
        + "\"Student, Test\",12399,,8c1f7e04,Deep Learning 2026,,,,,\r\n";

    // Moodle's grading worksheet (assignment → Download grading worksheet).
    const string MoodleWorksheet =
        "Identifier,\"Full name\",\"Email address\",Status,Grade,\"Maximum Grade\",\"Grade can be changed\",\"Last modified (submission)\",\"Last modified (grade)\",\"Feedback comments\"\n"
        + "\"Participant 101\",\"Jane Doe\",jane.doe@example.edu,\"Submitted for grading - Not graded\",,8.00,Yes,\"Monday, 7 December 2026, 9:15 AM\",-,\n"
        + "\"Participant 102\",\"John Smith\",john.smith@example.edu,\"Submitted for grading - Not graded\",,8.00,Yes,\"Monday, 7 December 2026, 11:40 PM\",-,\n"
        + "\"Participant 107\",\"Ana O'Neil\",ana.oneil@example.edu,\"No submission\",,8.00,Yes,-,-,\n";

    [Theory]
    [InlineData("doejane_12345_900001_one-wis.ipynb", "doejane", false, "12345", 900001L, "one-wis.ipynb", 0)]
    [InlineData("doejane_late_12345_900017_one-wis-2.ipynb", "doejane", true, "12345", 900017L, "one-wis.ipynb", 2)]
    [InlineData("doe_jane_LATE_12345_900018_my_one-wis-11.ipynb", "doe_jane", true, "12345", 900018L, "my_one-wis.ipynb", 11)]
    public void Canvas_names_parse_into_user_attachment_late_flag_and_resubmission(string file, string name, bool late, string user, long attachment, string original, int resubmission) =>
        Assert.Equal(new CanvasFileName(name, late, user, attachment, original, resubmission), CanvasFileName.TryParse(file));

    [Fact]
    public void A_Canvas_download_maps_each_user_to_the_latest_upload_and_only_reads_the_files()
    {
        Write("canvas/doejane_12345_900001_one-wis.ipynb", Notebook);
        Write("canvas/doejane_12345_900017_one-wis-1.ipynb", Notebook);
        Write("canvas/doejane_late_12345_900030_one-wis-2.ipynb", Notebook);
        Write("canvas/smithjohn_late_12346_900020_one-wis.ipynb", Notebook);
        var before = Directory.GetFiles(Path.Combine(root, "canvas")).Select(f => (f, File.GetLastWriteTimeUtc(f))).ToList();
        Assert.Equal(LmsLayout.Canvas, LmsFolders.Detect(Path.Combine(root, "canvas")));
        var found = LmsFolders.Find(Path.Combine(root, "canvas"))!;
        Assert.Equal([("12345", "doejane_late_12345_900030_one-wis-2.ipynb"), ("12346", "smithjohn_late_12346_900020_one-wis.ipynb")],
            found.Select(s => (s.StudentId, Path.GetFileName(s.Path))));
        Assert.Equal(before, Directory.GetFiles(Path.Combine(root, "canvas")).Select(f => (f, File.GetLastWriteTimeUtc(f))));
    }

    [Fact]
    public void Canvas_names_that_do_not_parse_and_two_notebooks_of_one_user_are_one_line_errors_naming_the_files()
    {
        Write("bad/doejane_12345_900001_one-wis.ipynb", Notebook);
        var stray = Write("bad/one-wis (copy).ipynb", Notebook);
        var e = Assert.Throws<InvalidDataException>(() => LmsFolders.Canvas(Path.Combine(root, "bad")));
        Assert.Equal($"{stray}: not a Canvas submission name (expected name_[late_]userid_attachmentid_file.ipynb).", e.Message);

        var first = Write("two/smithjohn_12346_900020_one-wis.ipynb", Notebook);
        var second = Write("two/smithjohn_12346_900021_scratch.ipynb", Notebook);
        e = Assert.Throws<InvalidDataException>(() => LmsFolders.Canvas(Path.Combine(root, "two")));
        Assert.Equal($"Two submissions map to Canvas user 12346: {first} and {second}.", e.Message);
    }

    [Fact]
    public void A_Moodle_download_maps_each_participant_folder_and_ignores_online_text()
    {
        Write("moodle/Jane Doe_101_assignsubmission_file_/one-wis.ipynb", Notebook);
        Write("moodle/Jane Doe_101_assignsubmission_onlinetext_/onlinetext.html", "<p>see notebook</p>");
        Write("moodle/John Smith_102_assignsubmission_file_/work/one-wis.ipynb", Notebook);
        Write("moodle/John Smith_102_assignsubmission_file_/work/.ipynb_checkpoints/one-wis-checkpoint.ipynb", Notebook);
        Assert.Equal(LmsLayout.Moodle, LmsFolders.Detect(Path.Combine(root, "moodle")));
        Assert.Equal([("101", "Jane Doe", "one-wis.ipynb"), ("102", "John Smith", "one-wis.ipynb")],
            LmsFolders.Find(Path.Combine(root, "moodle"))!.Select(s => (s.StudentId, s.Name, Path.GetFileName(s.Path))));

        var a = Write("moodle2/Jane Doe_101_assignsubmission_file_/one-wis.ipynb", Notebook);
        var b = Write("moodle2/Jane Doe_101_assignsubmission_file_/one-wis-v2.ipynb", Notebook);
        var e = Assert.Throws<InvalidDataException>(() => LmsFolders.Moodle(Path.Combine(root, "moodle2")));
        Assert.Equal($"Two submissions map to Moodle participant 101: {b} and {a}.", e.Message);   // ordinal order: "-" before "."
        Assert.Equal(LmsLayout.None, LmsFolders.Detect(Path.GetDirectoryName(Write("plain/alice.ipynb", Notebook))!));
    }

    [Fact]
    public void Canvas_export_keeps_the_identity_columns_and_this_assignment_with_empty_cells_for_the_missing()
    {
        var path = Write("grades.csv", "\uFEFF" + CanvasGradebook);
        var points = new Dictionary<string, double> { ["12345"] = 7.5, ["12346"] = 8, ["55555"] = 3 };
        var filled = GradebookExport.Canvas(CsvTable.Read(path), path, "one-wis", points);
        Assert.Equal(
            "Student,ID,SIS User ID,SIS Login ID,Section,Assignment 1: one-wis (48213)\r\n"
            + "    Points Possible,,,,,8.00\r\n"
            + "\"Doe, Jane\",12345,s1001,jdoe,Deep Learning 2026,7.5\r\n"
            + "\"Smith, John\",12346,s1002,jsmith,Deep Learning 2026,8\r\n"
            + "\"O'Neil, Ana\",12347,s1003,aoneil,Deep Learning 2026,\r\n"
            + "\"Student, Test\",12399,,8c1f7e04,Deep Learning 2026,\r\n", filled.Sheet.Render());
        Assert.Equal(["O'Neil, Ana (12347)", "Student, Test (12399)"], filled.Missing);
        Assert.Equal(["55555"], filled.NotInRoster);
        Assert.Equal(filled.Sheet.Render(), GradebookExport.Canvas(CsvTable.Read(path), path, "48213", points).Sheet.Render());   // by assignment id
        var e = Assert.Throws<InvalidDataException>(() => GradebookExport.Canvas(CsvTable.Read(path), path, "rft-vs-sft", new Dictionary<string, double>()));
        Assert.Equal($"{path}: no assignment column matches 'rft-vs-sft'; its columns are \"Assignment 1: one-wis (48213)\", \"Assignment 2: walk-index (48214)\".", e.Message);
    }

    [Fact]
    public void Moodle_export_fills_the_grade_column_of_the_worksheet()
    {
        var path = Write("worksheet.csv", MoodleWorksheet);
        var filled = GradebookExport.Moodle(CsvTable.Read(path), path, new Dictionary<string, double> { ["101"] = 6.25, ["102"] = 0 });
        var rows = filled.Sheet.Rows;
        Assert.Equal(["6.25", "0", ""], rows.Select(r => r[4]));
        Assert.Equal("Participant 101,Jane Doe,jane.doe@example.edu,Submitted for grading - Not graded,6.25,8.00,Yes,\"Monday, 7 December 2026, 9:15 AM\",-,", filled.Sheet.Render().Split("\r\n")[1]);
        Assert.Equal(["Ana O'Neil (107)"], filled.Missing);

        // A grade that waits for answers graded by hand leaves the cell empty too, and is listed apart from "no submission".
        var pending = GradebookExport.Moodle(CsvTable.Read(path), path, new Dictionary<string, double> { ["101"] = 6.25 }, new HashSet<string> { "102", "999" });
        Assert.Equal(["6.25", "", ""], pending.Sheet.Rows.Select(r => r[4]));
        Assert.Equal(["Ana O'Neil (107)"], pending.Missing);
        Assert.Equal(["John Smith (102)"], pending.Provisional);
        Assert.Equal(["999"], pending.NotInRoster);
    }

    [Fact]
    public void Malformed_csv_is_a_one_line_error_naming_the_file_and_line()
    {
        var path = Write("broken.csv", "Identifier,Grade\r\n\"Participant 1\",5\r\n\"Participant 2,6\r\n");
        Assert.Equal($"{path}, line 3: a quoted field is never closed.", Assert.Throws<InvalidDataException>(() => CsvTable.Read(path)).Message);
        path = Write("short.csv", "Identifier,Grade\r\nParticipant 1\r\n");
        Assert.Equal($"{path}, line 2: 1 fields, but the header has 2.", Assert.Throws<InvalidDataException>(() => CsvTable.Read(path)).Message);
    }
}
