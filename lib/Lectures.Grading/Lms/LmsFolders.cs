using System.Text.RegularExpressions;

namespace Lectures.Grading.Lms;

/// <summary>The layouts of an LMS's bulk download of submissions.</summary>
public enum LmsLayout
{
    /// <summary>Neither: the grader's own layout (STUDENT.ipynb or STUDENT/...).</summary>
    None,
    /// <summary>Canvas: every file directly in the folder, named as <see cref="CanvasFileName"/> says.</summary>
    Canvas,
    /// <summary>Moodle: a folder per participant and plugin, <c>Full Name_&lt;participant id&gt;_assignsubmission_file_/</c>.</summary>
    Moodle,
}

/// <summary>Maps the notebooks of a Canvas or Moodle download to student ids; it only reads the folder.</summary>
public static partial class LmsFolders
{
    [GeneratedRegex(@"^(?<name>.+)_(?<id>\d+)_assignsubmission_(?<plugin>[a-z]+)_$")]
    private static partial Regex MoodleFolder();

    /// <summary>
    /// Moodle when a sub-folder is named like Moodle's, else Canvas when a notebook directly in the folder parses as
    /// a Canvas name, else <see cref="LmsLayout.None"/>.
    /// </summary>
    public static LmsLayout Detect(string folder)
    {
        if (Directory.GetDirectories(folder).Any(d => MoodleFolder().IsMatch(Path.GetFileName(d)))) return LmsLayout.Moodle;
        return Directory.GetFiles(folder, "*.ipynb").Any(f => CanvasFileName.TryParse(Path.GetFileName(f)) is not null) ? LmsLayout.Canvas : LmsLayout.None;
    }

    /// <summary>The submissions of <paramref name="folder"/> in its layout (<see cref="Detect"/>), by student id; null for <see cref="LmsLayout.None"/>.</summary>
    public static IReadOnlyList<LmsSubmission>? Find(string folder) => Detect(folder) switch
    {
        LmsLayout.Canvas => Canvas(folder),
        LmsLayout.Moodle => Moodle(folder),
        _ => null,
    };

    /// <summary>
    /// The notebooks of a Canvas download, one per user id: of a user's re-uploads of one file ("-1", "-2", ...) the
    /// latest wins (highest suffix, then highest attachment id). Throws InvalidDataException naming the file when a
    /// notebook's name does not parse, and naming both files when one user submitted two different notebooks.
    /// </summary>
    public static IReadOnlyList<LmsSubmission> Canvas(string folder)
    {
        var parsed = Directory.GetFiles(folder, "*.ipynb").Order(StringComparer.Ordinal).Select(path =>
            (Path: path, Name: CanvasFileName.TryParse(Path.GetFileName(path)) ?? throw new InvalidDataException(
                $"{path}: not a Canvas submission name (expected name_[late_]userid_attachmentid_file.ipynb).")));
        var found = new List<LmsSubmission>();
        foreach (var user in parsed.GroupBy(p => p.Name.UserId))
        {
            var files = user.ToList();
            var other = files.FirstOrDefault(f => f.Name.Original != files[0].Name.Original);
            if (other.Path is not null)
                throw new InvalidDataException($"Two submissions map to Canvas user {user.Key}: {files[0].Path} and {other.Path}.");
            var latest = files.MaxBy(f => (f.Name.Resubmission, f.Name.AttachmentId));
            found.Add(new LmsSubmission(user.Key, latest.Name.Name, latest.Path));
        }
        return found.OrderBy(s => s.StudentId, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// The notebooks of a Moodle download (Moodle's "Download submissions" with "in folders"): one per participant
    /// id, from its <c>..._assignsubmission_file_</c> folder at any depth (checkpoints ignored); other plugins'
    /// folders (onlinetext) hold no notebook. Throws InvalidDataException naming both files when two notebooks map
    /// to one participant.
    /// </summary>
    public static IReadOnlyList<LmsSubmission> Moodle(string folder)
    {
        var found = new List<LmsSubmission>();
        foreach (var dir in Directory.GetDirectories(folder).Order(StringComparer.Ordinal))
        {
            var m = MoodleFolder().Match(Path.GetFileName(dir));
            if (!m.Success) continue;
            foreach (var path in Directory.GetFiles(dir, "*.ipynb", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                if (path.Contains(".ipynb_checkpoints", StringComparison.Ordinal)) continue;
                var id = m.Groups["id"].Value;
                var twice = found.FirstOrDefault(s => s.StudentId == id);
                if (twice is not null) throw new InvalidDataException($"Two submissions map to Moodle participant {id}: {twice.Path} and {path}.");
                found.Add(new LmsSubmission(id, m.Groups["name"].Value, path));
            }
        }
        return found.OrderBy(s => s.StudentId, StringComparer.Ordinal).ToList();
    }
}
