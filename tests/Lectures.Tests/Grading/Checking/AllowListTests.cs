using Lectures.Grading.Scoring;


namespace Lectures.Tests.Grading.Checking;

/// <summary>The allow-list at the compiler: each attack of issue 15 (and variants) is refused by name, honest cells are not.</summary>
public class AllowListTests
{
    /// <summary>The outcome of the last of <paramref name="sources"/>, compiled as student cells ("compiled" when it was accepted).</summary>
    /// <summary>The outcome of the last of <paramref name="sources"/> when it is not compiled, or null when it is.</summary>
    internal static CellOutcome? Last(params string[] sources)
    {
        var cells = sources.Select((s, i) => new SourceCell($"c{i}", s, Trusted: false)).ToList();
        var compiled = CellCompiler.Compile(cells);
        return compiled.Rejected.SingleOrDefault(o => o.Key == cells[^1].Key);
    }

    [Theory]
    [InlineData("var s = new System.Xml.XmlUrlResolver().GetEntity(new Uri(\"file:///proc/self/mem\"), null, null);", "System.Xml.XmlUrlResolver")]
    [InlineData("var d = System.Xml.Linq.XDocument.Load(\"http://127.0.0.1:8080/x\");", "System.Xml.Linq.XDocument")]
    [InlineData("new System.Data.DataSet().ReadXml(\"file:///etc/passwd\");", "System.Data.DataSet")]
    [InlineData("var f = Delegate.CreateDelegate(typeof(Func<object>), typeof(Console).GetMethod(\"OpenStandardOutput\", Type.EmptyTypes)!);", "System.Delegate")]
    [InlineData("var f = (Func<System.IO.Stream>)Delegate.CreateDelegate(typeof(Func<System.IO.Stream>), typeof(Console).GetMethod(\"OpenStandardOutput\", Type.EmptyTypes)!);", "System.IO.Stream")]
    [InlineData("var t = Type.GetType(\"System.IO.File, System.Runtime\");", "System.Type")]
    [InlineData("var p = Type.GetType(\"System.Diagnostics.Process, System.Diagnostics.Process\")!.GetMethod(\"Start\", new[] { typeof(string) })!.Invoke(null, new object[] { \"sh\" });", "System.Type")]
    [InlineData("System.IO.File.WriteAllText(\"x\", \"y\");", "System.IO.File")]
    [InlineData("using static System.IO.File;\nWriteAllText(\"x\", \"y\");", "System.IO.File")]
    [InlineData("using F = System.IO.File;\nF.Exists(\"x\");", "System.IO.File")]
    [InlineData("var n = 1.GetType().Name;", "System.Type")]
    [InlineData("object o = 1; var m = o.GetType();", "System.Type")]
    [InlineData("Func<int> f = () => 1; var m = f.Method;", "System.Delegate")]
    [InlineData("var e = new Exception(); var site = e.TargetSite;", "System.Reflection.MethodBase")]
    [InlineData("dynamic d = 1; d.Foo();", "dynamic")]
    [InlineData("System.Linq.Expressions.Expression<Func<int>> e = () => 1;", "System.Linq.Expressions.Expression")]
    [InlineData("var q = new[] { 1 }.AsQueryable().Where(x => x > 0).ToList();", "System.Linq.Queryable")]
    [InlineData("var q = new[] { 1 }.AsParallel().Sum();", "System.Linq.ParallelEnumerable")]
    [InlineData("new System.Threading.Thread(() => { while (true) { } }).Start();", "System.Threading.Thread")]
    [InlineData("Task.Run(() => 1);", "System.Threading.Tasks.Task")]
    [InlineData("System.Threading.ThreadPool.QueueUserWorkItem(_ => { });", "System.Threading.ThreadPool")]
    [InlineData("var t = new System.Threading.Timer(_ => { }, null, 0, 10);", "System.Threading.Timer")]
    [InlineData("await Task.Delay(1);", "await")]
    [InlineData("Console.OpenStandardOutput();", "System.Console.OpenStandardOutput")]
    [InlineData("var w = Console.Out;", "System.Console.Out")]
    [InlineData("Console.SetOut(new System.IO.StringWriter());", "System.Console.SetOut")]
    [InlineData("Environment.Exit(0);", "System.Environment.Exit")]
    [InlineData("var c = Environment.CommandLine;", "System.Environment.CommandLine")]
    [InlineData("var v = Environment.GetEnvironmentVariable(\"HOME\");", "System.Environment.GetEnvironmentVariable")]
    [InlineData("var d = AppContext.GetData(\"TRUSTED_PLATFORM_ASSEMBLIES\");", "System.AppContext")]
    [InlineData("var o = Activator.CreateInstance<System.Text.StringBuilder>();", "System.Activator")]
    [InlineData("GC.Collect();", "System.GC")]
    [InlineData("[System.Runtime.InteropServices.DllImport(\"libc\")] static extern int getpid();", "extern")]
    [InlineData("[System.Runtime.CompilerServices.ModuleInitializer] internal static void Init() { }", "System.Runtime.CompilerServices.ModuleInitializerAttribute")]
    [InlineData("System.Xml.Linq.XName n = \"a\";", "System.Xml.Linq.XName")]
    [InlineData("var s = new Lectures.Grading.Worker.DisplayedValue().GetHashCode() + Lectures.Grading.Checking.CellCompiler.Bindings(null!).Count;", "Lectures.Grading.Checking.CellCompiler")]
    [InlineData("var g = Lectures.Graphs.Datasets.Cora(download: true);", "Lectures.Graphs.Datasets")]
    [InlineData("var dirs = Lectures.Graphs.Datasets.SearchDirectories();", "Lectures.Graphs.Datasets")]
    [InlineData("var g = Lectures.Graphs.EdgeListReader.Read(\"/etc/passwd\");", "Lectures.Graphs.EdgeListReader.Read")]
    [InlineData("var d = Lectures.Data.Digits.Load(\"/etc/passwd\");", "Lectures.Data.Digits.Load")]
    [InlineData("MathNet.Numerics.Control.UseNativeMKL();", "MathNet.Numerics.Control")]
    [InlineData("class R : System.Xml.XmlUrlResolver { }", "System.Xml.XmlUrlResolver")]
    [InlineData("var l = new List<System.IO.FileInfo>();", "System.IO.FileInfo")]
    [InlineData("static void Run(System.Diagnostics.Process p) { }", "System.Diagnostics.Process")]
    [InlineData("var size = nameof(System.IO.File);", "System.IO.File")]
    [InlineData("var p = System.Runtime.InteropServices.Marshal.AllocHGlobal(100);", "System.Runtime.InteropServices.Marshal")]
    [InlineData("var run = new Lectures.Grading.Sandbox.GradingLimits(TimeSpan.Zero, TimeSpan.Zero, 1, 1);", "Lectures.Grading.Sandbox.GradingLimits")]
    // Issue 28: single members of Debug, Stopwatch and Console.Error are allowed, never their neighbours.
    [InlineData("var n = System.Diagnostics.Trace.Listeners.Count;", "System.Diagnostics.Trace")]
    [InlineData("var l = new System.Diagnostics.TextWriterTraceListener(\"log.txt\");", "System.Diagnostics.TextWriterTraceListener")]
    [InlineData("System.Diagnostics.Process.Start(\"sh\");", "System.Diagnostics.Process")]
    [InlineData("System.Diagnostics.Debug.SetProvider(null!);", "System.Diagnostics.Debug.SetProvider")]
    [InlineData("Console.Error.Dispose();", "System.IO.TextWriter.Dispose")]
    [InlineData("var e = Console.Error; var s = e.Encoding;", "System.IO.TextWriter.Encoding")]
    [InlineData("System.IO.TextWriter.Null.WriteLine(1);", "System.IO.TextWriter.Null")]
    [InlineData("var w = System.IO.TextWriter.Synchronized(Console.Error);", "System.IO.TextWriter.Synchronized")]
    [InlineData("Console.SetError(Console.Error);", "System.Console.SetError")]
    public void EachAttackIsRefusedAndNamed(string source, string named)
    {
        var outcome = Last(source)!;
        Assert.Equal(GradeStatus.ForbiddenApi, outcome.Status);
        Assert.Contains($"uses {named}", outcome.Message);
    }

    [Theory]
    [InlineData("var xs = new List<int> { 3, 1, 2 }; xs.Sort(); var s = string.Join(\",\", xs.Select(x => x * x));")]
    [InlineData("var sb = new StringBuilder(); sb.Append(Math.Sqrt(2)).AppendLine($\"{1,5:0.00}\"); Console.WriteLine(sb.ToString());")]
    [InlineData("var r = new Random(1); var d = new Dictionary<string, (int A, double B)>(); d[\"a\"] = (r.Next(), r.NextDouble());")]
    [InlineData("var b = System.Numerics.BigInteger.Pow(2, 100) + 1; var c = new System.Numerics.Complex(1, 2) * 2;")]
    [InlineData("var m = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseIdentity(3); var v = m * m;")]
    [InlineData("var g = Lectures.Graphs.Graph.FromEdges(3, new[] { (0, 1), (1, 2) });")]
    [InlineData("record Graph(int N); var g = new Graph(3) with { N = 4 }; var same = g == new Graph(4);")]
    [InlineData("static IEnumerable<int> Evens() { for (var i = 0; ; i += 2) yield return i; } var e = Evens().Take(3).ToArray()[^1];")]
    [InlineData("var q = from x in Enumerable.Range(0, 10) where x % 2 == 0 group x by x % 3 into g select g.Count();")]
    [InlineData("var pq = new PriorityQueue<(int, int), int>(); pq.Enqueue((1, 2), 3); var (a, b) = pq.Dequeue();")]
    [InlineData("try { throw new ArgumentException(\"x\"); } catch (ArgumentException e) when (e.Message.Length > 0) { }")]
    [InlineData("int[] a = { 1, 2, 3 }; var t = a.AsSpan(1, 2).ToArray().Sum() + a[^1] + a[1..].Length;")]
    [InlineData("var text = 3.14.ToString(System.Globalization.CultureInfo.InvariantCulture); var ok = System.Text.RegularExpressions.Regex.IsMatch(text, \"^3\");")]
    [InlineData("display(new[] { 1, 2 }).Update(3); var x = 5.Display();")]
    [InlineData("foreach (var (k, v) in new Dictionary<int, int> { [1] = 2 }) Console.WriteLine(k + v);")]
    [InlineData("struct P : IEquatable<P> { public int X; public bool Equals(P o) => X == o.X; } var p = new P { X = 1 }.Equals(new P());")]
    [InlineData("var h = HashCode.Combine(1, 2); var n = Environment.NewLine; var nan = double.IsNaN(Math.Log(-1));")]
    [InlineData("using System.Diagnostics;\nvar x = 3; Debug.Assert(x > 0); Debug.Assert(x > 0, $\"x = {x}\"); Debug.WriteLine(x); Debug.WriteLine($\"x = {x}\"); Debug.WriteLineIf(x > 1, \"big\"); Debug.Print(\"p\");")]
    [InlineData("var sw = System.Diagnostics.Stopwatch.StartNew(); sw.Stop(); sw.Restart(); var t = sw.Elapsed.TotalMilliseconds + sw.ElapsedMilliseconds + sw.ElapsedTicks; var r = sw.IsRunning; sw.Reset();")]
    [InlineData("var sw = new System.Diagnostics.Stopwatch(); sw.Start(); var ts = System.Diagnostics.Stopwatch.GetTimestamp(); var d = System.Diagnostics.Stopwatch.GetElapsedTime(ts); var f = System.Diagnostics.Stopwatch.Frequency; var s = sw.ToString();")]
    [InlineData("Console.Error.WriteLine(\"warning\"); Console.Error.Write(1.5); Console.Error.WriteLine($\"n = {2}\"); Console.Error.Write(\"{0} {1}\", 1, 2);")]
    public void HonestCellsCompile(string source) => Assert.Null(Last(source));

    [Theory]
    [InlineData("// just a note")]
    [InlineData("/* */")]
    [InlineData("using System.Text;")]
    [InlineData("#nullable enable")]
    [InlineData("#region helpers\n#endregion")]
    [InlineData("#!csharp\n// notes")]
    public void CellsWithoutCodeAreNoFailure(string source)
    {
        var cells = new[] { new SourceCell("a", source, false), new SourceCell("b", "var x = new StringBuilder().Append(1).ToString();", false) };
        var compiled = CellCompiler.Compile(cells);
        Assert.DoesNotContain(compiled.Rejected, o => o.Status != GradeStatus.Passed);
        Assert.Contains("b", compiled.Cells.Select(c => c.Key));
    }

    [Theory]
    [InlineData("#!csharp\nstatic int F() => 1;")]
    [InlineData("#!c#\nstatic int F() => 1;")]
    [InlineData("#!time\nstatic int F() => 1;")]
    public void KernelSelectorAndTimeLinesAreStripped(string source)
    {
        var compiled = CellCompiler.Compile(new[] { new SourceCell("a", source, false), new SourceCell("b", "var y = F() + 1;", true) });
        Assert.Empty(compiled.Rejected);
        Assert.Equal(new[] { "a", "b" }, compiled.Cells.Select(c => c.Key));
    }

    [Fact]
    public void OtherMagicCommandsAreStillCompileErrors()
    {
        var outcome = Last("#!pwsh\nls")!;
        Assert.Equal(GradeStatus.CompileError, outcome.Status);
        Assert.Contains("'#!pwsh'", outcome.Message);
    }

    [Fact]
    public void TrustedCellsAreNotHeldToTheList()
    {
        var compiled = CellCompiler.Compile(new[] { new SourceCell("t", "var p = System.IO.Path.Combine(\"a\", \"b\");", Trusted: true) });
        Assert.Empty(compiled.Rejected);
    }
}
