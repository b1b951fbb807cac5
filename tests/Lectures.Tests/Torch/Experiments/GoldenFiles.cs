using System.Runtime.CompilerServices;
using System.Text;

namespace Lectures.Tests.Torch.Experiments;

/// <summary>
/// The files in Golden/: what the experiments' Reduced settings wrote before the experiment layer was refactored
/// (issues 18 and 26), and run folders of earlier versions (earlier-*). An output must equal its golden file byte for byte.
/// </summary>
internal static class GoldenFiles
{
    /// <summary>The folder of the golden files, beside this source file.</summary>
    public static string Directory => Path.Combine(Path.GetDirectoryName(Here())!, "Golden");

    static string Here([CallerFilePath] string source = "") => source;

    /// <summary>Asserts that every (golden file, output text) pair is equal byte for byte, naming every file that differs.</summary>
    public static void AssertEqual(params (string Name, string Actual)[] files)
    {
        var differences = files.Select(f => Difference(f.Name, f.Actual)).OfType<string>().ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));
    }

    /// <summary>Asserts that each file <c>directory/name</c> equals Golden/<c>prefix + name</c>.</summary>
    public static void AssertFiles(string directory, string prefix, params string[] names) =>
        AssertEqual([.. names.Select(n => (prefix + n, File.ReadAllText(Path.Combine(directory, n))))]);

    /// <summary>The "setting" lines of a journal's .runs file.</summary>
    public static string SettingLines(string runsPath) =>
        string.Concat(File.ReadAllLines(runsPath).Where(l => l.StartsWith("setting\t", StringComparison.Ordinal)).Select(l => l + "\n"));

    /// <summary>Settings as the journal writes them: "setting NAME VALUE" lines.</summary>
    public static string Lines(IEnumerable<(string Name, string Value)> settings) => string.Concat(settings.Select(s => $"setting\t{s.Name}\t{s.Value}\n"));

    /// <summary>Copies the run folder Golden/<paramref name="name"/> into <paramref name="target"/>; returns <paramref name="target"/>.</summary>
    public static string CopyFolder(string name, string target)
    {
        System.IO.Directory.CreateDirectory(target);
        foreach (var file in System.IO.Directory.GetFiles(Path.Combine(Directory, name)))
            File.Copy(file, Path.Combine(target, Path.GetFileName(file)));
        return target;
    }

    /// <summary>
    /// Null when <paramref name="actual"/> equals the golden file byte for byte; otherwise keeps the output in the
    /// temporary directory and names the first differing line.
    /// </summary>
    static string? Difference(string name, string actual)
    {
        var path = Path.Combine(Directory, name);
        var bytes = Encoding.UTF8.GetBytes(actual);
        var kept = Path.Combine(Path.GetTempPath(), "golden-actual-" + name.Replace('/', '-'));
        if (!File.Exists(path))
        {
            File.WriteAllBytes(kept, bytes);
            return $"The golden file {path} is missing; the output is in {kept}.";
        }
        var expected = File.ReadAllBytes(path);
        if (expected.AsSpan().SequenceEqual(bytes)) return null;
        var e = Encoding.UTF8.GetString(expected).Split('\n');
        var a = actual.Split('\n');
        var line = Enumerable.Range(0, Math.Min(e.Length, a.Length)).FirstOrDefault(i => e[i] != a[i], Math.Min(e.Length, a.Length));
        File.WriteAllBytes(kept, bytes);
        return $"{name} differs from the golden file at line {line + 1} ({a.Length} lines, golden {e.Length}; the output is in {kept}):\n" +
            $"  golden: {(line < e.Length ? e[line] : "(end)")}\n  actual: {(line < a.Length ? a[line] : "(end)")}";
    }
}
