namespace Lectures.Kernel.Display;

/// <summary>
/// The display functions a C# notebook cell has in .NET Interactive, imported into every cell: <c>display(x)</c>,
/// <c>x.Display()</c> and <c>HTML(s)</c>. Each sends <c>display_data</c> for the running cell.
/// </summary>
public static class NotebookFunctions
{
#pragma warning disable IDE1006 // The notebook's names are lower case.
    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell; returns a handle to update it.</summary>
    public static DisplayedValue display(object? value)
#pragma warning restore IDE1006
    {
        var output = CellOutput.Current;
        var id = Guid.NewGuid().ToString("N");
        output?.Display(MimeBundle.Of(value), id, update: false);
        return new DisplayedValue(output, id);
    }

    /// <summary>Shows <paramref name="value"/> as a display_data output of the running cell; returns a handle to update it.</summary>
    public static DisplayedValue Display(this object? value) => display(value);

    /// <summary>HTML to show as it is: <c>display(HTML("&lt;b&gt;bold&lt;/b&gt;"))</c>.</summary>
    public static HtmlString HTML(string html) => new(html);
}
