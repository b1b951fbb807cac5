namespace Lectures.Kernel.Display;

/// <summary>A value shown by <see cref="NotebookFunctions.display"/>: <see cref="Update"/> replaces what the frontend shows.</summary>
public sealed class DisplayedValue
{
    readonly CellOutput? output;

    internal DisplayedValue(CellOutput? output, string displayId)
    {
        this.output = output;
        DisplayId = displayId;
    }

    /// <summary>The display_id the frontend knows the shown value by.</summary>
    public string DisplayId { get; }

    /// <summary>Shows <paramref name="value"/> in place of the displayed one (an update_display_data message).</summary>
    public void Update(object? value) => output?.Display(MimeBundle.Of(value), DisplayId, update: true);
}
