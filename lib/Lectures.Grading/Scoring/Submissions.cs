using Lectures.Grading.Lms;

namespace Lectures.Grading.Scoring;

/// <summary>Finds the submissions in a folder.</summary>
public static class Submissions
{
    /// <summary>
    /// The submissions of assignment <paramref name="name"/> in <paramref name="folder"/>, by student name
    /// (ordinal order): each file STUDENT.ipynb directly in the folder, and each sub-folder STUDENT holding
    /// name.ipynb at any depth (nbgrader's layout) or else exactly one .ipynb. A sub-folder with no notebook is
    /// still listed, with the path it should have had, so the student appears in the gradebook. A Canvas or Moodle
    /// bulk download (<see cref="LmsFolders"/>) is read in its own layout, each submission named by the LMS's student id.
    /// </summary>
    public static IReadOnlyList<Submission> Find(string folder, string name)
    {
        if (!Directory.Exists(folder))
            throw new ArgumentException($"The submissions folder '{folder}' does not exist.");
        if (LmsFolders.Find(folder) is { } lms) return lms.Select(s => new Submission(s.StudentId, s.Path)).ToList();
        var found = new List<Submission>();
        foreach (var file in Directory.GetFiles(folder, "*.ipynb"))
            found.Add(new Submission(Path.GetFileNameWithoutExtension(file), file));
        foreach (var dir in Directory.GetDirectories(folder))
        {
            var named = Directory.GetFiles(dir, name + ".ipynb", SearchOption.AllDirectories);
            var any = Directory.GetFiles(dir, "*.ipynb", SearchOption.AllDirectories)
                .Where(p => !p.Contains(".ipynb_checkpoints", StringComparison.Ordinal)).ToArray();
            var path = named.Length == 1 ? named[0] : any.Length == 1 ? any[0] : Path.Combine(dir, name + ".ipynb");
            found.Add(new Submission(Path.GetFileName(dir), path));
        }
        var twice = found.GroupBy(s => s.Student, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (twice is not null)
            throw new InvalidDataException($"Two submissions map to student '{twice.Key}' in {folder}: {string.Join(" and ", twice.Select(s => s.Path))}.");
        return found.OrderBy(s => s.Student, StringComparer.Ordinal).ToList();
    }
}
