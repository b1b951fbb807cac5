using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text.Json;
using System.Text.RegularExpressions;
using Lectures.Cli.Kit;
using Lectures.Grading.Sandbox;

namespace Lectures.Tests.Cli.Notebooks;

/// <summary>
/// Lecture 05 in a real browser: Debian's classic Jupyter Notebook (6.4) served on 127.0.0.1 with a token, opened in
/// headless Chromium driven by Selenium (chromium-driver, python3-selenium), its kernel set to <c>lectures-csharp</c>
/// and Cell > Run All clicked through the UI.
/// </summary>
[Collection("Notebooks")]
public class JupyterNotebookBrowserTests(KitFixture kit)
{
    const string Lecture = "05-wis.ipynb";

    [SkippableFact]
    public void LectureFiveDrawsItsChartsAndTablesInJupyterNotebookOnTheKitKernel()
    {
        var missing = new[] { "jupyter-notebook", "chromedriver", "chromium" }.Where(c => !Executables.OnPath(c))
            .Concat(JupyterPrefix.CanImport("selenium") ? [] : ["python3-selenium"]).ToList();
        Skip.If(missing.Count > 0 && JupyterPrefix.MaySkip, $"not installed: {string.Join(", ", missing)} (CI installs them with apt-get)");
        Assert.Empty(missing);
        var dir = kit.Scratch("browser");
        // A copy: running all cells marks the notebook changed, and nothing may save over the lecture.
        var source = Path.Combine(kit.Root, "notebooks", Lecture);
        File.Copy(source, Path.Combine(dir, Lecture));
        var screenshot = Path.Combine(kit.Root, "artifacts", "screenshots", "jupyter-notebook-05-wis.png");
        Directory.CreateDirectory(Path.GetDirectoryName(screenshot)!);
        File.Delete(screenshot);

        var (seen, log) = RunAllInBrowser(kit.Jupyter, dir, screenshot);

        Assert.True(seen.HasValue, log);
        var page = seen.Value;
        Assert.Equal("lectures-csharp", page.GetProperty("kernel").GetString());
        Assert.Equal(0, page.GetProperty("errors").GetInt32());
        var cells = page.GetProperty("cells").GetInt32();
        Assert.Equal((cells, cells), (page.GetProperty("executed").GetInt32(), cells));
        var charts = page.GetProperty("charts").GetInt32();
        Assert.True(charts > 0, "lecture 05 shows Plotly charts");
        Assert.Equal(charts, page.GetProperty("drawn").GetInt32());
        Assert.Equal(TableCalls(source), page.GetProperty("tables").GetInt32());
        Assert.True(new FileInfo(screenshot).Length > 10_000, $"a screenshot at {screenshot}");
    }

    /// <summary>How many kit tables the lecture shows: its code cells' <c>.ToTable(</c> calls.</summary>
    static int TableCalls(string notebook) =>
        Lectures.Cli.Notebooks.NotebookDocument.Load(notebook).Cells
            .Where(c => Lectures.Cli.Notebooks.NotebookDocument.Kind(c) == "code")
            .Sum(c => Regex.Matches(Lectures.Cli.Notebooks.NotebookDocument.Source(c), @"\.ToTable\(").Count);

    /// <summary>
    /// Serves <paramref name="dir"/> with jupyter-notebook on a free loopback port and a random token, runs
    /// run_in_browser.py against <see cref="Lecture"/>, stops the server; returns what the page showed (null when the
    /// script failed) and the logs.
    /// </summary>
    static (JsonElement? Seen, string Log) RunAllInBrowser(JupyterPrefix jupyter, string dir, string screenshot)
    {
        var port = FreePort();
        var token = Convert.ToHexString(RandomNumberGenerator.GetBytes(24)).ToLowerInvariant();
        var info = new ProcessStartInfo("jupyter-notebook")
        {
            WorkingDirectory = dir, RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false,
        };
        foreach (var arg in new[] { "--no-browser", "--ip=127.0.0.1", $"--port={port}", "--port-retries=0", $"--NotebookApp.token={token}",
                     $"--notebook-dir={dir}", "--NotebookApp.allow_remote_access=False",
                     // CI runs as root; the server refuses root without it.
                     "--allow-root" })
            info.ArgumentList.Add(arg);
        foreach (var (key, value) in jupyter.Environment) info.Environment[key] = value;
        var serverLog = new System.Text.StringBuilder();
        using var server = new Process { StartInfo = info };
        server.OutputDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
        server.ErrorDataReceived += (_, e) => { lock (serverLog) serverLog.AppendLine(e.Data); };
        server.Start();
        server.BeginOutputReadLine();
        server.BeginErrorReadLine();
        try
        {
            var baseUrl = $"http://127.0.0.1:{port}";
            WaitUntilServing(baseUrl, token, server);
            var script = Path.Combine(AppContext.BaseDirectory, "Cli", "Notebooks", "run_in_browser.py");
            var result = Shell.Run(JupyterPrefix.Python, [script, baseUrl, token, Lecture, JupyterPrefix.KernelName, screenshot, "400"],
                dir, TimeSpan.FromMinutes(8));
            var line = result.Output.Split('\n').LastOrDefault(l => l.StartsWith('{'));
            string ServerLog() { lock (serverLog) return serverLog.ToString(); }
            var log = $"run_in_browser.py exited {result.ExitCode}:\n{result.Output}\njupyter-notebook:\n{ServerLog()}";
            return (result.ExitCode == 0 && line is not null ? JsonDocument.Parse(line).RootElement.Clone() : null, log);
        }
        finally
        {
            server.Kill(entireProcessTree: true);
            server.WaitForExit();
        }
    }

    static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    static void WaitUntilServing(string baseUrl, string token, Process server)
    {
        using var http = new HttpClient { Timeout = TimeSpan.FromSeconds(5) };
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < TimeSpan.FromMinutes(2))
        {
            if (server.HasExited) throw new InvalidOperationException($"jupyter-notebook exited with code {server.ExitCode}");
            try
            {
                if (http.GetAsync($"{baseUrl}/api/status?token={token}").GetAwaiter().GetResult().IsSuccessStatusCode) return;
            }
            catch (HttpRequestException) { }
            catch (TaskCanceledException) { }
            Thread.Sleep(500);
        }
        throw new TimeoutException($"jupyter-notebook did not answer on {baseUrl} within 2 minutes");
    }
}
