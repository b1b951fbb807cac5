namespace Lectures.Kernel.Display;

/// <summary>
/// plotly.js for the kernel's charts, so they draw offline: the first chart of a session carries the whole library
/// (plotly.min.js beside the kernel, which sets <c>window.Plotly</c>), and the charts after it use that copy.
/// </summary>
public static class PlotlyScript
{
    /// <summary>The attribute that marks the script element carrying plotly.js, so a renderer can drop it and serve its own copy.</summary>
    public const string Marker = "data-lectures-plotly";

    static int sent;

    /// <summary>The script element with plotly.js the first time it is called in a process, "" afterwards.</summary>
    public static string OnFirstChart()
    {
        if (Interlocked.Exchange(ref sent, 1) == 1) return "";
        var path = Path.Combine(AppContext.BaseDirectory, "plotly.min.js");
        return File.Exists(path) ? $"<script type=\"text/javascript\" {Marker}=\"1\">\n{File.ReadAllText(path)}\n</script>\n" : "";
    }
}
