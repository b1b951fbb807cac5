using System.Net;
using System.Reflection;
using System.Runtime.CompilerServices;
using System.Runtime.Loader;
using Lectures.Plotting;
using Lectures.Torch.Runtime;
using Microsoft.DotNet.Interactive.Formatting;

namespace Lectures.Interactive;

/// <summary>The set-up a notebook kernel needs before the kit's charts and TorchSharp work.</summary>
public static class NotebookSetup
{
    static bool done;

    /// <summary>
    /// 1. Resolves requests for any FSharp.Core version to the copy the kernel already loaded (Plotly.NET 6 asks
    /// for 10.1.0.0, the kernels ship 10.0.0.0). 2. Registers HTML formatters for Plotly.NET and XPlot.Plotly
    /// charts, and HTML and plain-text formatters for the kit's tables (<see cref="TableView"/>) and percentages
    /// (<see cref="Percent"/>, <see cref="PercentagePoints"/>). 3. Makes TorchSharp's native library load (<see cref="TorchRuntime.EnsureLoaded"/>). Idempotent.
    /// </summary>
    public static void Run()
    {
        if (done) return;
        AssemblyLoadContext.Default.Resolving += ResolveLoadedFSharpCore;
        // Separate methods: the JIT must not see Plotly or TorchSharp types before the resolver is in place.
        RegisterFormatters();
        LoadTorch();
        done = true;
    }

    static Assembly? ResolveLoadedFSharpCore(AssemblyLoadContext context, AssemblyName name) =>
        name.Name == "FSharp.Core"
            ? AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "FSharp.Core")
            : null;

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void RegisterFormatters()
    {
        Formatter.Register<Plotly.NET.GenericChart>((chart, writer) => writer.Write(ChartHtml.Fragment(chart)), HtmlFormatter.MimeType);
        Formatter.Register<XPlot.Plotly.PlotlyChart>((chart, writer) => writer.Write(XPlotHtml(chart)), HtmlFormatter.MimeType);
        Formatter.Register<TableView>((table, writer) => writer.Write(table.ToHtml()), HtmlFormatter.MimeType);
        Formatter.Register<TableView>((table, writer) => writer.Write(table.ToString()), PlainTextFormatter.MimeType);
        RegisterAsText<Percent>();
        RegisterAsText<PercentagePoints>();
    }

    /// <summary>Shows <typeparamref name="T"/> by its ToString, as plain text and as HTML-encoded text.</summary>
    static void RegisterAsText<T>()
    {
        Formatter.Register<T>((value, writer) => writer.Write(value!.ToString()), PlainTextFormatter.MimeType);
        Formatter.Register<T>((value, writer) => writer.Write(WebUtility.HtmlEncode(value!.ToString())), HtmlFormatter.MimeType);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static string XPlotHtml(XPlot.Plotly.PlotlyChart chart)
    {
        // XPlot's inline JS comes wrapped in a script element and calls the global Plotly; unwrap it, pass P in.
        var js = chart.GetInlineJS().Replace("<script>", "").Replace("</script>", "").Replace("Plotly.newPlot", "P.newPlot");
        return ChartHtml.FromScript(chart.Id, js);
    }

    [MethodImpl(MethodImplOptions.NoInlining)]
    static void LoadTorch() => TorchRuntime.EnsureLoaded();
}
