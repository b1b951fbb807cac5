using System.Text.Json;
using Lectures.Grading.Sandbox;

namespace Lectures.Grading.Worker;

/// <summary>
/// The grading worker process: <c>dotnet Lectures.Grading.dll worker</c>, with a <see cref="WorkerPlan"/> as JSON on
/// standard input. Before any cell runs it takes its standard output as the result channel
/// (<see cref="SandboxNative.TakeStandardOutput"/>) and sets its rlimits (<see cref="WorkerPlan.Limits"/>).
/// </summary>
static class WorkerProgram
{
    static int Main(string[] args)
    {
        if (args is not ["worker"])
        {
            Console.Error.WriteLine("Lectures.Grading is the grading worker; run `lectures grade` instead.");
            return 2;
        }
        var plan = JsonSerializer.Deserialize(Console.In.ReadToEnd(), WorkerJson.Default.WorkerPlan)
            ?? throw new InvalidDataException("The grading worker was given no plan on standard input.");
        var channel = new StreamWriter(SandboxNative.TakeStandardOutput()) { AutoFlush = true };
        SandboxNative.Apply(plan.Limits);
        return new CellWorker(plan, channel).Run();
    }
}
