namespace Lectures.Grading.Worker;

/// <summary>
/// The notebook kernel's <c>x.Display()</c>, for cells run by the grader: it shows nothing and returns its
/// argument, so a submission that displays its results grades as it runs in a notebook.
/// </summary>
public static class NotebookDisplay
{
    /// <summary>Returns <paramref name="value"/> unchanged.</summary>
    public static T Display<T>(this T value) => value;
}
