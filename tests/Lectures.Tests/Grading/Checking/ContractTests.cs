using Lectures.Grading.Format;
using Lectures.Grading.Scoring;
using Lectures.Grading.Release;
using Lectures.Grading.Samples;
using Lectures.Tests.Grading.Format;
using Microsoft.DotNet.Interactive.Documents.Jupyter;

using static Lectures.Tests.Grading.NotebookEdits;

namespace Lectures.Tests.Grading.Checking;

/// <summary>
/// The test contract on the shipped assignments, at the compiler (no worker runs): a student declaration that changes
/// what a test or read-only cell binds to is refused by name; honest helpers and the instructor's solutions are not.
/// </summary>
public class ContractTests
{
    static readonly string Root = KitRoot.Find(AppContext.BaseDirectory);

    static Assignment Load(string name) => Assignment.Load(Assignment.NotebookPath(Root, name));

    /// <summary>The released notebook with every solution cell replaced by the instructor's, then <paramref name="edits"/> applied.</summary>
    static string Solved(Assignment a, params (string Id, string Source)[] edits)
    {
        var json = ReferenceSolution.Json(a);
        foreach (var (id, source) in edits) json = SyntheticAssignment.Edit(json, id, source);
        return json;
    }

    /// <summary>Every cell that the compiler refused or did not compile, by grade id (student cells by key).</summary>
    static Dictionary<string, CellOutcome> Refused(Assignment a, string json)
    {
        var cells = Grader.Cells(a, Notebook.Parse(json));
        var label = cells.ToDictionary(c => c.Key, c => c.GradeId ?? c.Key);
        return CellCompiler.Compile(cells).Rejected.Where(o => o.Status != GradeStatus.Passed).ToDictionary(o => label[o.Key]);
    }

    [Theory]
    [MemberData(nameof(AssignmentTests.Names), MemberType = typeof(AssignmentTests))]
    public void TheInstructorsSolutionAndTheStubsKeepTheContract(string name)
    {
        var a = Load(name);
        Assert.Empty(Refused(a, Solved(a)));
        Assert.Empty(Refused(a, StudentRelease.Render(a)));
    }

    [Theory]
    [MemberData(nameof(AssignmentTests.Names), MemberType = typeof(AssignmentTests))]
    public void TheShippedTestsCompareOnlyValuesOfLibraryTypes(string name)
    {
        var a = Load(name);
        var compared = CellCompiler.ComparedNotebookTypes(Grader.Cells(a, Notebook.Parse(Solved(a))));
        Assert.Empty(compared);
    }

    [Fact]
    public void AStructWhoseEqualityIsAlwaysTrueIsAChangedSignature()
    {
        var a = Load("walk-index");
        const string cheat = """
            struct Any
            {
                public static bool operator ==(Any a, long b) => true;
                public static bool operator !=(Any a, long b) => false;
                public override bool Equals(object? o) => true;
                public override int GetHashCode() => 0;
            }
            static int[] HandBoundary() => new[] { 1, 2 };
            static Any HandWalkIndexDepth2() => new Any();
            static Any HandWalkIndexDepth3() => new Any();
            """;
        var json = Solved(a, ("hand-answers", cheat));
        var refused = Refused(a, json);
        Assert.Contains(("test-hand", "Any"), CellCompiler.ComparedNotebookTypes(Grader.Cells(a, Notebook.Parse(json))));
        var test = Assert.Single(refused).Value;
        Assert.Equal(GradeStatus.ChangedSignature, test.Status);
        Assert.Equal("test-hand", Assert.Single(refused).Key);
        Assert.Equal("HandWalkIndexDepth2 is declared as Any HandWalkIndexDepth2(), but the release declares long HandWalkIndexDepth2(), which test-hand uses.", test.Message);
    }

    [Fact]
    public void AStudentClassRandomHidesSystemRandom()
    {
        var a = Load("walk-index");
        var json = Insert(Solved(a), "test-hand", "class Random { public Random(int seed) { } public int Next(int a, int b) => a; public int Next(int n) => 0; public double NextDouble() => 0.5; }");
        var refused = Refused(a, json);
        Assert.Equal(new[] { "hidden-random" }, refused.Keys);
        Assert.Equal(GradeStatus.ShadowsApi, refused["hidden-random"].Status);
        Assert.Equal("class Random hides System.Random, which hidden-random uses.", refused["hidden-random"].Message);
    }

    [Fact]
    public void AStudentClassRandomBeforeAReadOnlyCellIsReportedOnThatCell()
    {
        var a = Load("one-wis");
        var json = Insert(Solved(a), "given", "class Random { public Random(int seed) { } public double NextDouble() => 0; }");
        var refused = Refused(a, json);
        Assert.Equal(GradeStatus.ShadowsApi, refused["given"].Status);
        Assert.Equal("class Random hides System.Random, which given uses.", refused["given"].Message);
    }

    [Fact]
    public void AStudentStaticClassMathHidesSystemMath()
    {
        var a = Load("reward-std");
        const string math = "static class Math { public static double Abs(double x) => 0; public static double Log(double x) => 0; public static double Sqrt(double x) => 0; public static double Exp(double x) => 1; }";
        var refused = Refused(a, Insert(Solved(a), "test-softmax", math));
        Assert.Equal(GradeStatus.ShadowsApi, refused["test-softmax"].Status);
        Assert.Equal("static class Math hides System.Math, which test-softmax uses.", refused["test-softmax"].Message);
        Assert.All(refused.Values, o => Assert.Equal(GradeStatus.ShadowsApi, o.Status));
    }

    [Fact]
    public void AStudentExtensionSequenceEqualHidesLinq()
    {
        var a = Load("one-wis");
        var refused = Refused(a, Insert(Solved(a), "test-scores", "static bool SequenceEqual(this int[] a, int[] b) => true;"));
        Assert.Equal(GradeStatus.ShadowsApi, refused["test-scores"].Status);
        // C# 14 binds int[].SequenceEqual to the span overload of MemoryExtensions.
        Assert.StartsWith("extension method SequenceEqual hides bool System.MemoryExtensions.SequenceEqual<int>(this System.ReadOnlySpan<int>", refused["test-scores"].Message);
        Assert.EndsWith(", which test-scores uses.", refused["test-scores"].Message);
    }

    const string FakeKit = """
        class Graph { public static Graph FromEdges(int n, (int U, int V)[] edges) => new Graph(); }
        class Ordered { public List<(int U, int V)> Edges = new(); }
        static class OneWalkIndexSparsifier { public static Ordered Order(Graph g) => new Ordered(); }
        """;

    [Fact]
    public void OnACopyOfTheFirstOneWisReleaseAStudentGraphHidesTheKits()
    {
        var a = Load("one-wis");
        Assert.True(a.Releases.Count >= 2, "one-wis has a first release whose test-library names Graph without its namespace.");
        var first = a.Releases[0];
        // A copy handed out before release 2: no release in its metadata, the first release's locked cells (its
        // test-library, and its read-only text from before the LaTeX of release 3).
        var copy = Solved(a, first.Cells.Select(c => (c.Id, c.Source)).ToArray());
        var refused = Refused(a, NotebookEdits.WithoutRelease(Insert(copy, "test-library", FakeKit)));
        Assert.Equal(new[] { "test-library" }, refused.Keys);
        Assert.Equal(GradeStatus.ShadowsApi, refused["test-library"].Status);
        Assert.Equal("class Graph hides Lectures.Graphs.Graph, which test-library uses.", refused["test-library"].Message);
    }

    [Fact]
    public void OnTheCurrentOneWisReleaseAStudentGraphChangesNothing()
    {
        var a = Load("one-wis");
        Assert.Empty(Refused(a, Insert(Solved(a), "test-library", FakeKit)));
        Assert.Empty(Refused(a, Insert(Solved(a), "sol-scores", "record Graph(int N, (int U, int V)[] Edges);")));
    }

    [Fact]
    public void RedeclaringAReadOnlyFunctionHidesIt()
    {
        var a = Load("reward-std");
        var refused = Refused(a, Insert(Solved(a), "test-bound", "static double Norm(double[] x) => 0;"));
        Assert.Equal(GradeStatus.ShadowsApi, refused["test-bound"].Status);
        Assert.Equal("method Norm hides double Norm(double[]), which test-bound uses.", refused["test-bound"].Message);
    }

    [Fact]
    public void AnOverloadThatCapturesATestsCallIsRefused()
    {
        var a = Load("reward-std");
        var refused = Refused(a, Insert(Solved(a), "test-softmax", "static double[] Softmax(double[] z) => new[] { 0.25, 0.75 };"));
        Assert.Equal(GradeStatus.ShadowsApi, refused["test-softmax"].Status);
        Assert.Contains("Softmax", refused["test-softmax"].Message);
    }

    [Fact]
    public void HonestHelpersAreAllowed()
    {
        var a = Load("reward-std");
        var json = Insert(Solved(a), "test-softmax", "// helpers\nstatic double Sq(double x) => x * x;\nrecord Policy(double[] Logits);\nvar check = Sq(Norm(new[] { 3.0, 4.0 }));");
        Assert.Empty(Refused(a, json));
    }
}
