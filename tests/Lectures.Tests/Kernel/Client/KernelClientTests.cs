using System.IO.Compression;
using System.Text.Json.Nodes;
using Lectures.Kernel.Client;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Lectures.Tests.Kernel.Client;

/// <summary>Cells through a real kernel process and the Jupyter protocol. The tests share one session, so each uses its own names.</summary>
public class KernelClientTests(KernelFixture kernel) : IClassFixture<KernelFixture>
{
    KernelClient Client => kernel.Client;

    [Fact]
    public async Task VariablesCarryOverAndATrailingExpressionIsTheResult()
    {
        Assert.True((await Client.ExecuteAsync("var answer = 6 * 7;")).Succeeded);
        var result = await Client.ExecuteAsync("answer + 1");
        Assert.Equal("43", result.ResultText);
        Assert.Equal("execute_result", (string?)result.Outputs.Single()["output_type"]);
    }

    [Fact]
    public async Task ASilentCellSendsNothingAndDoesNotCount()
    {
        var before = (await Client.ExecuteAsync("1")).ExecutionCount;
        var silent = await Client.ExecuteAsync("Console.WriteLine(\"hidden\"); var silentValue = 9; silentValue", silent: true);
        Assert.Empty(silent.Outputs);
        var after = await Client.ExecuteAsync("silentValue");
        Assert.Equal(("9", before + 1), (after.ResultText, after.ExecutionCount));
    }

    [Fact]
    public async Task StdoutAndStderrAreStreams()
    {
        var result = await Client.ExecuteAsync("Console.WriteLine(\"hello, world\"); Console.Error.WriteLine(\"oops\");");
        Assert.Equal("hello, world\n", result.Stdout);
        Assert.Equal("oops\n", result.Stderr);
    }

    [Fact]
    public async Task DisplayAndDisplayMethodSendDisplayData()
    {
        var result = await Client.ExecuteAsync("display(HTML(\"<b>bold</b>\")); (2 + 3).Display();");
        Assert.Equal(["<b>bold</b>", null], result.Outputs.Select(o => (string?)o["data"]!["text/html"]));
        Assert.Equal("5", (string?)result.Outputs[1]["data"]!["text/plain"]);
    }

    [Fact]
    public async Task ACompileErrorNamesLineAndColumnAndTheSessionGoesOn()
    {
        var result = await Client.ExecuteAsync("var fine = 1;\nvar broken = fine +;");
        Assert.Equal("error", result.Status);
        Assert.Equal("CompilationError: line 2, column 20: error CS1525: Invalid expression term ';'", result.Error);
        Assert.Equal("2", (await Client.ExecuteAsync("1 + 1")).ResultText);
    }

    [Fact]
    public async Task AnExceptionGivesItsTypeMessageAndTheCellsLine()
    {
        var result = await Client.ExecuteAsync("var before = 5;\nthrow new InvalidOperationException(\"boom\");");
        Assert.Equal("InvalidOperationException: boom", result.Error);
        var traceback = result.Outputs.Single()["traceback"]!.AsArray().Select(l => (string)l!).ToList();
        Assert.Equal("System.InvalidOperationException: boom", traceback[0]);
        Assert.Contains("   at line 2, column 1 of the cell", traceback);
        Assert.Equal("5", (await Client.ExecuteAsync("before")).ResultText);
    }

    [Fact]
    public async Task AnEndlessLoopStopsOnInterruptAndEarlierVariablesSurvive()
    {
        await Client.ExecuteAsync("var kept = \"still here\";");
        var running = Client.ExecuteAsync("long spins = 0;\nwhile (true) { spins++; }");
        // An interrupt that arrives before the cell started (while it compiles) is for no cell: repeat until it stops.
        while (!running.IsCompleted)
        {
            await Client.InterruptAsync();
            await Task.WhenAny(running, Task.Delay(500));
        }
        var result = await running;
        Assert.Equal("Interrupted: The cell was interrupted.", result.Error);
        Assert.Equal("still here", (await Client.ExecuteAsync("kept")).ResultText);
    }

    [Fact]
    public async Task ALongTrainingRunInTheLibraryStopsAtItsNextStepAndEarlierVariablesSurvive()
    {
        await Client.ExecuteAsync("var keptToo = 42;");
        // The cell has no loop of its own, so only the trainers' Interruption check can stop it; uninterrupted, the
        // Reduced controlled experiment trains for several seconds and returns its results.
        var running = Client.ExecuteAsync(
            "Lectures.Torch.Finetuning.FinetuningExperiment.Run(Lectures.Torch.Finetuning.FinetuningOptions.Reduced).Tally");
        while (!running.IsCompleted)
        {
            await Client.InterruptAsync();
            await Task.WhenAny(running, Task.Delay(500));
        }
        var result = await running;
        Assert.Equal("Interrupted: The cell was interrupted.", result.Error);
        Assert.Equal("42", (await Client.ExecuteAsync("keptToo")).ResultText);
    }

    [Fact]
    public async Task AHundredMegabytesPrintedAreCutToTheLimitWithANote()
    {
        var result = await Client.ExecuteAsync("for (var i = 0; i < 100; i++) Console.Write(new string('x', 1_000_000));");
        Assert.Equal(Lectures.Kernel.Protocol.ExecutionOutput.StreamLimit, result.Stdout.Count(c => c == 'x'));
        Assert.Contains("[output truncated: 99,000,000 more characters were written to stdout than shown", result.Stdout);
    }

    [Fact]
    public async Task ReadLineAsksTheFrontendOrSaysItCannot()
    {
        var answered = await Client.ExecuteAsync("var name = Console.ReadLine(); $\"hi {name}\"", input: _ => "Ada");
        Assert.Equal("hi Ada", answered.ResultText);
        var refused = await Client.ExecuteAsync("Console.ReadLine()");
        Assert.StartsWith("InvalidOperationException: Console.ReadLine() asks for input, but this frontend does not accept input", refused.Error);
    }

    [Fact]
    public async Task CompletionOffersMembersAndLocals()
    {
        var members = await Client.RequestAsync("complete_request", new JsonObject { ["code"] = "Console.WriteL", ["cursor_pos"] = 14 });
        Assert.Equal(["WriteLine"], members.Content["matches"]!.AsArray().Select(m => (string)m!));
        Assert.Equal(8, (int?)members.Content["cursor_start"]);
        await Client.ExecuteAsync("var completionTarget = 1;");
        var locals = await Client.RequestAsync("complete_request", new JsonObject { ["code"] = "completionT", ["cursor_pos"] = 11 });
        Assert.Equal(["completionTarget"], locals.Content["matches"]!.AsArray().Select(m => (string)m!));
    }

    [Fact]
    public async Task InspectionGivesTheSignatureAndDocSummary()
    {
        var reply = await Client.RequestAsync("inspect_request", new JsonObject { ["code"] = "Console", ["cursor_pos"] = 7, ["detail_level"] = 0 });
        Assert.True((bool?)reply.Content["found"]);
        Assert.Equal("System.Console\n\nRepresents the standard input, output, and error streams for console applications. This class cannot be inherited.",
            (string?)reply.Content["data"]!["text/plain"]);
    }

    [Fact]
    public async Task TheKitsPackageLineIsAlreadyLoadedAndTheKitWorks()
    {
        var result = await Client.ExecuteAsync("#r \"nuget: Lectures, *-*\"\nusing Lectures.Graphs;\nGraphFamilies.TwoCliques(3).EdgeCount");
        Assert.Equal("7", result.ResultText);
        Assert.Single(result.Outputs);
    }

    [Fact]
    public async Task ACellWithAWrongSignatureIsDroppedNotRun()
    {
        var marker = Path.Combine(kernel.Folder, "pwned.txt");
        Client.SendSignedWith("not-the-key", "execute_request", new JsonObject
        {
            ["code"] = $"System.IO.File.WriteAllText(@\"{marker}\", \"x\");", ["silent"] = false, ["store_history"] = true,
            ["user_expressions"] = new JsonObject(), ["allow_stdin"] = false, ["stop_on_error"] = true,
        });
        // A valid cell after it is answered, so the dropped one was read (and not run) first.
        Assert.True((await Client.ExecuteAsync("1")).Succeeded);
        Assert.False(File.Exists(marker));
        // The kernel logged the drop before it ran the valid cell; its stderr reaches the client a little later.
        for (var i = 0; i < 100 && !Client.Log.Contains("dropped a message on shell: bad signature"); i++) await Task.Delay(100);
        Assert.Contains("dropped a message on shell: bad signature", Client.Log);
        Assert.DoesNotContain(Client.Connection.Key, Client.Log);
    }

    [Fact]
    public async Task APackageFromALocalFeedRestoresAndLoads()
    {
        var feed = Directory.CreateDirectory(Path.Combine(kernel.Folder, "feed")).FullName;
        WriteGreetingPackage(Path.Combine(feed, "Lectures.Test.Greeting.1.0.0.nupkg"));
        File.WriteAllText(Path.Combine(kernel.Folder, "NuGet.Config"), $"""
            <?xml version="1.0" encoding="utf-8"?>
            <configuration><packageSources><clear /><add key="local" value="{feed}" /></packageSources></configuration>
            """);
        var result = await Client.ExecuteAsync("#r \"nuget: Lectures.Test.Greeting, 1.0.0\"\nLectures.Test.Greeting.Hello.Say(\"Ada\")");
        Assert.Equal("hello, Ada", result.ResultText);
        Assert.Contains("Loaded package Lectures.Test.Greeting 1.0.0", result.Stdout);
    }

    /// <summary>A hand-made .nupkg: a nuspec and one assembly compiled here, with Hello.Say(name) = "hello, " + name.</summary>
    static void WriteGreetingPackage(string path)
    {
        var compilation = CSharpCompilation.Create("Lectures.Test.Greeting",
            [CSharpSyntaxTree.ParseText("namespace Lectures.Test.Greeting; public static class Hello { public static string Say(string name) => \"hello, \" + name; }")],
            [MetadataReference.CreateFromFile(typeof(object).Assembly.Location), MetadataReference.CreateFromFile(Path.Combine(Path.GetDirectoryName(typeof(object).Assembly.Location)!, "System.Runtime.dll"))],
            new CSharpCompilationOptions(OutputKind.DynamicallyLinkedLibrary));
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        using (var dll = zip.CreateEntry("lib/net10.0/Lectures.Test.Greeting.dll").Open())
            Assert.True(compilation.Emit(dll).Success);
        using var nuspec = new StreamWriter(zip.CreateEntry("Lectures.Test.Greeting.nuspec").Open());
        nuspec.Write("""
            <?xml version="1.0" encoding="utf-8"?>
            <package xmlns="http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd">
              <metadata><id>Lectures.Test.Greeting</id><version>1.0.0</version><authors>tests</authors><description>A test package.</description></metadata>
            </package>
            """);
    }
}
