using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;

namespace Lectures.Tests.Grading.Sandbox;

/// <summary>Whether the sandbox tests may skip: only off CI, on a machine without bubblewrap or user namespaces.</summary>
static class SandboxRequirement
{
    public static bool MaySkip => OsSandbox.Problem is not null && Environment.GetEnvironmentVariable("CI") != "true";

    public static void SkipWhenUnavailable() => Skip.If(MaySkip, $"The OS sandbox is not available: {OsSandbox.Problem}");
}

/// <summary>
/// Attacks run as trusted cells, so that no check of the source stands in their way, only the OS sandbox; and the
/// ways a submission could stop grading for everyone. Everything runs once, two submissions at a time, while two
/// honest classmates are graded before, during and after.
/// </summary>
public sealed class IsolationFixture
{
    public static readonly GradingLimits Limits = new(TimeSpan.FromSeconds(20), TimeSpan.FromSeconds(120), 256, 2);
    /// <summary>An argument no other process on the machine has, to find the daemon by.</summary>
    public const string DaemonMark = "987.6543";

    public GradingScratch Scratch { get; } = new();
    public string SecretPath { get; }
    public bool ListenerWasContacted { get; }
    public SubmissionRun Attacks { get; } = null!;
    public SubmissionRun Flood { get; } = null!;
    public IReadOnlyList<string> Gradebooks { get; } = [];
    public IReadOnlyDictionary<string, string> HashesBefore { get; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, string> HashesAfter { get; } = new Dictionary<string, string>();
    public IReadOnlyDictionary<string, StudentGrade> Grades { get; } = new Dictionary<string, StudentGrade>();
    public bool DaemonSurvived { get; }

    public IsolationFixture()
    {
        SecretPath = Path.Combine(Scratch.Root, "secret.txt");
        if (SandboxRequirement.MaySkip) return;
        File.WriteAllText(SecretPath, "the hidden answer is 42");
        var classmate = Scratch.Submit("classmate", Scratch.Solved());
        Scratch.Submit("correct", Scratch.Solved());
        var honest = Submissions.Find(Scratch.Submissions, SyntheticAssignment.Name);
        HashesBefore = Hashes(Scratch.Submissions);
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;

        string[] attacks =
        [
            "string.Join(\",\", System.Environment.GetEnvironmentVariables().Keys.Cast<string>().Order(StringComparer.Ordinal)) is var names ? throw new Exception(names) : 0",
            "throw new Exception(\"pids \" + System.IO.Directory.GetDirectories(\"/proc\").Count(d => int.TryParse(System.IO.Path.GetFileName(d), out _)));",
            $"System.IO.File.ReadAllText(@\"{SecretPath}\")",
            $"System.IO.File.ReadAllText(@\"{Scratch.Assignment.Path}\")",
            $"System.IO.File.WriteAllText(@\"{classmate}\", \"{{}}\")",
            "System.IO.File.WriteAllText(\"/usr/lectures-was-here\", \"x\")",
            $"new System.Net.Sockets.TcpClient().Connect(\"127.0.0.1\", {port})",
            """
            var block = System.Runtime.InteropServices.Marshal.AllocHGlobal(new IntPtr(2L << 30));
            for (long i = 0; i < 2L << 30; i += 4096) System.Runtime.InteropServices.Marshal.WriteByte(block + new IntPtr(i), 1);
            """,
            $"System.Diagnostics.Process.Start(\"/bin/sh\", new[] {{ \"-c\", \"setsid sleep {DaemonMark} </dev/null >/dev/null 2>&1 &\" }}).WaitForExit()",
            // A forged report on the process's standard output lands in the capture, not on the result channel.
            """
            var raw = new System.IO.StreamWriter(Console.OpenStandardOutput()) { AutoFlush = true };
            raw.WriteLine("files {\"Paths\":[\"forged\"]}");
            raw.WriteLine("end {\"Key\":\"attack10\",\"Status\":\"passed\",\"Message\":\"\"}");
            """,
            "throw new Exception(\"the real outcome\");",
            // Last: once the processes are at their limit, the runtime cannot start threads either.
            """
            var bomb = System.Diagnostics.Process.Start("/bin/sh", new[] { "-c", "i=0; while [ $i -lt 500 ]; do sleep 600 & i=$((i+1)); done; wait" });
            bomb.WaitForExit();
            var sleeping = System.IO.Directory.GetDirectories("/proc").Count(d => System.IO.File.Exists(d + "/cmdline") && System.IO.File.ReadAllText(d + "/cmdline").StartsWith("sleep"));
            throw new Exception($"sh exited with {bomb.ExitCode}; all 500 started: {sleeping >= 500}");
            """,
        ];
        var cells = attacks.Select((source, i) => new SourceCell($"attack{i}", source, Trusted: true)).ToList();
        var flood = new SourceCell("flood", """
            var raw = Console.OpenStandardOutput();
            var megabyte = new byte[1 << 20];
            for (var i = 0; i < 600; i++) raw.Write(megabyte);
            """, Trusted: true);

        var gradebooks = new List<string> { GradeReport.Gradebook(Grader.Grade(Scratch.Assignment, honest, Limits)) };
        SubmissionRun attacksRun = null!, floodRun = null!;
        string during = "";
        var grades = new List<StudentGrade>();
        Parallel.Invoke(
            () => attacksRun = SubmissionRunner.Run(cells, Limits),
            () => floodRun = SubmissionRunner.Run([flood], Limits with { CellTimeout = TimeSpan.FromSeconds(60), NotebookTimeout = TimeSpan.FromSeconds(120) }),
            () => during = GradeReport.Gradebook(Grader.Grade(Scratch.Assignment, honest, Limits)),
            () => grades.AddRange(DenialOfService()));
        gradebooks.Add(during);
        gradebooks.Add(GradeReport.Gradebook(Grader.Grade(Scratch.Assignment, honest, Limits)));
        Attacks = attacksRun;
        Flood = floodRun;
        Gradebooks = gradebooks;
        Grades = grades.ToDictionary(g => g.Student);
        HashesAfter = Hashes(Scratch.Submissions);
        ListenerWasContacted = listener.Pending();
        DaemonSurvived = Directory.GetDirectories("/proc").Any(d =>
            File.Exists(Path.Combine(d, "cmdline")) && TryRead(Path.Combine(d, "cmdline")).Contains(DaemonMark, StringComparison.Ordinal));
    }

    /// <summary>
    /// Submissions of assignments whose read-only cell (trusted, so no source check applies) makes a symlink loop or
    /// leaves a child holding the output pipe, solved correctly; and a student's 2,000 one-line cells.
    /// </summary>
    IEnumerable<StudentGrade> DenialOfService()
    {
        yield return GradeWithGiven("symlinks", """
            System.IO.File.CreateSymbolicLink("a", ".");
            System.IO.File.CreateSymbolicLink("b", ".");
            """);
        yield return GradeWithGiven("holds-stdout", "System.Diagnostics.Process.Start(\"/bin/sleep\", \"600\");");
        var released = Scratch.Solved();
        var manyCells = Enumerable.Range(0, 2000).Aggregate(released, (json, i) => AppendCell(json, $"var x{i} = {i};"));
        var path = Path.Combine(Scratch.Root, "many-cells.ipynb");
        File.WriteAllText(path, manyCells);
        yield return Grader.GradeOne(Scratch.Assignment, new Submission("many-cells", path), Limits);
    }

    StudentGrade GradeWithGiven(string student, string attack)
    {
        var root = Path.Combine(Scratch.Root, student);
        var instructor = SyntheticAssignment.Edit(SyntheticAssignment.InstructorJson(), "given", attack + "\nstatic long Twice(long x) => 2 * x;");
        var path = Path.Combine(root, "assignments", SyntheticAssignment.Name, SyntheticAssignment.Name + ".ipynb");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        File.WriteAllText(path, instructor);
        var assignment = Assignment.Load(path);
        var released = File.ReadAllText(StudentRelease.Release(assignment, Path.Combine(root, "release")));
        var submission = Path.Combine(root, student + ".ipynb");
        File.WriteAllText(submission, SyntheticAssignment.Solved(released));
        return Grader.GradeOne(assignment, new Submission(student, submission), Limits);
    }

    static string AppendCell(string notebookJson, string source)
    {
        var root = System.Text.Json.Nodes.JsonNode.Parse(notebookJson)!.AsObject();
        root["cells"]!.AsArray().Add(new System.Text.Json.Nodes.JsonObject
        {
            ["cell_type"] = "code", ["metadata"] = new System.Text.Json.Nodes.JsonObject(), ["source"] = source,
            ["execution_count"] = null, ["outputs"] = new System.Text.Json.Nodes.JsonArray(),
        });
        return root.ToJsonString();
    }

    static string TryRead(string path)
    {
        try
        {
            return File.ReadAllText(path);
        }
        catch (IOException)
        {
            return "";
        }
        catch (UnauthorizedAccessException)
        {
            return "";
        }
    }

    static IReadOnlyDictionary<string, string> Hashes(string dir) =>
        Directory.GetFiles(dir).ToDictionary(f => Path.GetFileName(f), f => Convert.ToHexString(SHA256.HashData(File.ReadAllBytes(f))));
}

public class IsolationTests(IsolationFixture fixture) : IClassFixture<IsolationFixture>
{
    CellOutcome Attack(int index) => fixture.Attacks.Outcomes[$"attack{index}"];

    [SkippableFact]
    public void TheWorkerSeesOnlyItsOwnEnvironmentAndProcesses()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(GradeStatus.Failed, Attack(0).Status);
        Assert.Equal("Exception: DOTNET_CLI_TELEMETRY_OPTOUT,DOTNET_EnableDiagnostics,DOTNET_GCHeapHardLimit,DOTNET_NOLOGO,DOTNET_gcServer,HOME,PATH,PWD,TMPDIR",
            Attack(0).Message);
        // bwrap's init and the worker.
        Assert.Equal("Exception: pids 2", Attack(1).Message);
    }

    [SkippableFact]
    public void FilesOutsideTheSandboxCanBeNeitherReadNorWritten()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(GradeStatus.Failed, Attack(2).Status);
        Assert.StartsWith("DirectoryNotFoundException: Could not find a part of the path", Attack(2).Message);
        Assert.DoesNotContain("42", Attack(2).Message.Replace(fixture.SecretPath, ""));
        Assert.Equal(GradeStatus.Failed, Attack(3).Status);
        Assert.StartsWith("DirectoryNotFoundException", Attack(3).Message);
        Assert.Equal(GradeStatus.Failed, Attack(4).Status);
        Assert.StartsWith("DirectoryNotFoundException", Attack(4).Message);
        Assert.Equal(GradeStatus.Failed, Attack(5).Status);
        Assert.Contains("Read-only file system", Attack(5).Message);
        Assert.Equal(fixture.HashesBefore, fixture.HashesAfter);
        Assert.False(File.Exists("/usr/lectures-was-here"));
    }

    [SkippableFact]
    public void TheNetworkIsUnreachable()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(GradeStatus.Failed, Attack(6).Status);
        Assert.StartsWith("SocketException: Connection refused", Attack(6).Message);
        Assert.False(fixture.ListenerWasContacted);
    }

    [SkippableFact]
    public void NativeMemoryProcessesAndDaemonsAreContained()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(GradeStatus.OutOfMemory, Attack(7).Status);
        // The daemon started, and died with the sandbox.
        Assert.Equal(GradeStatus.Passed, Attack(8).Status);
        Assert.False(fixture.DaemonSurvived);
        Assert.Equal(new CellOutcome("attack11", GradeStatus.Failed, "Exception: sh exited with 2; all 500 started: False"), Attack(11));
    }

    [SkippableFact]
    public void WhatACellWritesToStandardOutputCannotPoseAsAReport()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(GradeStatus.Passed, Attack(9).Status);
        Assert.Equal(new CellOutcome("attack10", GradeStatus.Failed, "Exception: the real outcome"), Attack(10));
        Assert.Empty(fixture.Attacks.WroteFiles);
        Assert.Contains("files {\"Paths\":[\"forged\"]}", Assert.Single(fixture.Attacks.Output));
    }

    [SkippableFact]
    public void HonestClassmatesGetTheSameGradebookBeforeDuringAndAfterTheAttacks()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(3, fixture.Gradebooks.Count);
        Assert.All(fixture.Gradebooks, g => Assert.Equal(fixture.Gradebooks[0], g));
        Assert.Contains("classmate,hidden-sum,3,3,passed", fixture.Gradebooks[0]);
        Assert.Equal(7, fixture.Gradebooks[0].Split('\n', StringSplitOptions.RemoveEmptyEntries).Length);
    }

    [SkippableFact]
    public void A600MegabyteFloodIsCappedAtOneMegabyte()
    {
        SandboxRequirement.SkipWhenUnavailable();
        Assert.Equal(GradeStatus.Passed, fixture.Flood.Outcomes["flood"].Status);
        var output = Assert.Single(fixture.Flood.Output);
        Assert.StartsWith(new string('\0', 1 << 20) + "\n[628097024 more bytes of output dropped", output);
    }

    [SkippableFact]
    public void ASymlinkLoopIsListedNotFollowed()
    {
        SandboxRequirement.SkipWhenUnavailable();
        var grade = fixture.Grades["symlinks"];
        Assert.Equal(SyntheticAssignment.MaxPoints, grade.Points);
        var row = Assert.Single(grade.Rows, r => r.Status == GradeStatus.WroteFiles);
        Assert.Equal("The submission wrote files, which it may not: a, b.", row.Message);
    }

    [SkippableFact]
    public void AChildHoldingTheOutputPipeDoesNotHoldUpGrading()
    {
        SandboxRequirement.SkipWhenUnavailable();
        var grade = fixture.Grades["holds-stdout"];
        Assert.Equal(SyntheticAssignment.MaxPoints, grade.Points);
        Assert.All(grade.Rows, r => Assert.Equal(GradeStatus.Passed, r.Status));
    }

    [SkippableFact]
    public void TwoThousandCellsAreTooLargeAndCompileNothing()
    {
        SandboxRequirement.SkipWhenUnavailable();
        var grade = fixture.Grades["many-cells"];
        Assert.Equal(0, grade.Points);
        Assert.Equal(new[] { "test-square", "test-sum", "hidden-sum" }, grade.Rows.Select(r => r.Test));
        Assert.All(grade.Rows, r => Assert.Equal(GradeStatus.TooLarge, r.Status));
        Assert.Equal("The notebook has 2007 code cells; the grader runs at most 200.", grade.Rows[0].Message);
    }
}
