using Lectures.Cli.Kit;
using Lectures.Grading.Sandbox;

namespace Lectures.Cli.Site;

/// <summary>
/// Headless Chromium with the network blocked (every host name resolves to nothing), for looking at the site as a
/// reader's browser draws it from file://: the DOM after the scripts ran, or a screenshot.
/// </summary>
public static class HeadlessChromium
{
    /// <summary>The browser command (Debian's package name).</summary>
    public const string Command = "chromium";

    /// <summary>True when <see cref="Command"/> is on PATH.</summary>
    public static bool Available => Executables.OnPath(Command);

    /// <summary>The serialised DOM of <paramref name="page"/> after its scripts ran for up to 8 s of virtual time.</summary>
    public static string DumpDom(string page, string scratch) =>
        Run(page, scratch, "--window-size=1280,1000", "--dump-dom");

    /// <summary>
    /// A PNG screenshot of the top <paramref name="height"/> px of <paramref name="page"/> at width
    /// <paramref name="width"/> px, written to <paramref name="png"/>.
    /// </summary>
    public static void Screenshot(string page, string png, string scratch, int width = 1280, int height = 6000)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(png))!);
        Run(page, scratch, $"--window-size={width},{height}", "--hide-scrollbars", "--screenshot=" + Path.GetFullPath(png));
        if (!File.Exists(png)) throw new InvalidOperationException($"Chromium wrote no screenshot of {page} to {png}.");
    }

    static string Run(string page, string scratch, params string[] extra)
    {
        Directory.CreateDirectory(scratch);
        var result = Shell.Run(Command,
        [
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--disable-component-update", "--disable-sync", "--user-data-dir=" + Path.Combine(scratch, "chromium-profile"),
            "--host-resolver-rules=MAP * ~NOTFOUND", "--virtual-time-budget=8000", .. extra,
            new Uri(Path.GetFullPath(page)).AbsoluteUri,
        ], scratch, TimeSpan.FromMinutes(2));
        if (result.ExitCode != 0) throw new InvalidOperationException($"Chromium failed on {page} (exit {result.ExitCode}): {result.Output}");
        return result.Output;
    }
}
