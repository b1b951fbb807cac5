namespace Lectures.Grading.Worker;

/// <summary>
/// The notebook kernel's display functions, for cells run by the grader: <c>x.Display()</c> and the global
/// <c>display(x)</c> show nothing, so a submission that displays its results grades as it runs in a notebook.
/// </summary>
public static class NotebookDisplay
{
    /// <summary>Returns <paramref name="value"/> unchanged.</summary>
    public static T Display<T>(this T value) => value;

    /// <summary>The kernel's global <c>display(value, mimeTypes)</c>: shows nothing; returns a handle whose Update does nothing.</summary>
#pragma warning disable IDE1006 // The kernel's name is lower case.
    public static DisplayedValue display(object? value, params string[] mimeTypes) => new();
#pragma warning restore IDE1006
}

/// <summary>What <see cref="NotebookDisplay.display"/> returns, as the kernel's DisplayedValue: a handle to update the shown value.</summary>
public sealed class DisplayedValue
{
    /// <summary>The kernel replaces the shown value; the grader shows nothing, so this does nothing.</summary>
    public void Update(object? value) { }
}
