using Microsoft.DotNet.Interactive;

namespace Lectures.Interactive;

/// <summary>
/// Runs when a notebook references the kit (<c>#r "nuget: Lectures, *-*"</c>): fixes the two kernel problems
/// of this platform and registers the chart formatters, so the first cell just works.
/// </summary>
public sealed class KitKernelExtension : IKernelExtension
{
    /// <summary>Applies <see cref="NotebookSetup.Run"/>.</summary>
    public Task OnLoadAsync(Kernel kernel)
    {
        NotebookSetup.Run();
        return Task.CompletedTask;
    }
}
