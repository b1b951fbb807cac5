using System.Text.RegularExpressions;

namespace Lectures.Grading.Lms;

/// <summary>
/// A file name of Canvas's "Download Submissions" zip: <c>name_[LATE_]userid_attachmentid_original</c>, e.g.
/// <c>doejane_12345_67890_one-wis.ipynb</c> or <c>doe_jane_late_12345_67891_one-wis-1.ipynb</c>. Canvas joins the
/// student's sortable name in lower case, marks a late submission with "late" before the user id, and renames a
/// re-uploaded file "original-1", "original-2", ... (conventions as parsed by the community tools that read these
/// zips, e.g. gondree/canvas-offline-grading; the gradebook's "ID" column is the same user id, see the nemogb
/// "Detailed Canvas Export Info" vignette).
/// </summary>
/// <param name="Name">The student part of the name.</param>
/// <param name="Late">True when Canvas marked the file late (a flag, never a time: times come from times.csv).</param>
/// <param name="UserId">Canvas's user id.</param>
/// <param name="AttachmentId">Canvas's id of the uploaded file (later uploads have larger ids).</param>
/// <param name="Original">The name the student gave the file, without Canvas's "-N" suffix.</param>
/// <param name="Resubmission">N of the "-N" suffix, 0 for the first upload.</param>
public sealed partial record CanvasFileName(string Name, bool Late, string UserId, long AttachmentId, string Original, int Resubmission)
{
    [GeneratedRegex(@"^(?<name>.+?)_(?:(?<late>late|LATE)_)?(?<user>\d+)_(?<attachment>\d+)_(?<original>.+)$")]
    private static partial Regex Pattern();

    [GeneratedRegex(@"^(?<base>.+)-(?<n>\d+)$")]
    private static partial Regex Suffix();

    /// <summary>The parts of <paramref name="fileName"/>, or null when it is not a Canvas download name.</summary>
    public static CanvasFileName? TryParse(string fileName)
    {
        var m = Pattern().Match(fileName);
        if (!m.Success || !long.TryParse(m.Groups["attachment"].Value, out var attachment)) return null;
        var original = m.Groups["original"].Value;
        var (stem, extension) = (Path.GetFileNameWithoutExtension(original), Path.GetExtension(original));
        var suffix = Suffix().Match(stem);
        var resubmission = suffix.Success && int.TryParse(suffix.Groups["n"].Value, out var n) ? n : 0;
        return new CanvasFileName(m.Groups["name"].Value, m.Groups["late"].Success, m.Groups["user"].Value, attachment,
            suffix.Success ? suffix.Groups["base"].Value + extension : original, resubmission);
    }
}
