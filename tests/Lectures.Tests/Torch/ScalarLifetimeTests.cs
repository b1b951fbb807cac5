using Lectures.Cli.Kit;
using Lectures.Torch.Finetuning;
using Lectures.Torch.Runtime;
using TorchSharp;
using static TorchSharp.torch;

namespace Lectures.Tests.Torch;

/// <summary>
/// The native crash "Unknown scalar type" (issue 20): TorchSharp 0.107 turns a C# number into a native c10::Scalar
/// (Tensor.square() is pow(2)), passes only its handle to native code, and leaves the Scalar to its finalizer. When a
/// garbage collection runs during the native call, the finalizer frees the Scalar while pow still reads it. The
/// stress runs in a child process, because a native crash kills the process it happens in.
/// </summary>
public class ScalarLifetimeTests
{
    const string ModeVariable = "LECTURES_SCALAR_STRESS";
    const string IterationsVariable = "LECTURES_SCALAR_STRESS_ITERATIONS";

    /// <summary>
    /// The trainer's gradient norm, 50 000 times with a thread forcing garbage collections and finalizers: the child
    /// process exits 0 and every norm equals the first one. (The same loop with the old square() form crashed.)
    /// </summary>
    [Fact]
    public void GradientNormSurvivesFinalizerPressureInAChildProcess()
    {
        var result = RunChild("kit", 50_000);
        Assert.False(result.TimedOut, $"The stress child did not finish in time:\n{result.Output}");
        Assert.True(result.ExitCode == 0, $"The stress child exited {result.ExitCode}:\n{result.Output}");
        Assert.Contains("Passed!", result.Output);
    }

    /// <summary>Runs <see cref="GradientNormUnderFinalizerPressure"/> in a child `dotnet test` of this assembly.</summary>
    internal static Shell.Result RunChild(string mode, int iterations)
    {
        var assembly = typeof(ScalarLifetimeTests).Assembly.Location;
        var filter = $"FullyQualifiedName={typeof(ScalarLifetimeTests).FullName}.{nameof(GradientNormUnderFinalizerPressure)}";
        return Shell.Run("dotnet", ["test", assembly, "--filter", filter], Path.GetDirectoryName(assembly)!, TimeSpan.FromMinutes(3),
            environment: new Dictionary<string, string> { [ModeVariable] = mode, [IterationsVariable] = iterations.ToString() });
    }

    /// <summary>
    /// The child: <c>LECTURES_SCALAR_STRESS=kit</c> calls <see cref="FinetuningTrainer.GradientNorm"/>;
    /// <c>=square</c> runs the old body (sum of p.grad.square()), which frees its Scalar 2 through the finalizer.
    /// </summary>
    [SkippableFact]
    public void GradientNormUnderFinalizerPressure()
    {
        var mode = Environment.GetEnvironmentVariable(ModeVariable);
        Skip.If(mode is null, $"Runs only as the child process of {nameof(GradientNormSurvivesFinalizerPressureInAChildProcess)}.");
        var iterations = int.Parse(Environment.GetEnvironmentVariable(IterationsVariable) ?? "1000000");
        TorchRuntime.EnsureLoaded();
        torch.set_num_threads(1);
        using var model = new Mlp([4, 3, 2], seed: 0, ScalarType.Float32);
        using var inputs = torch.ones(5, 4);
        using var logits = model.call(inputs);
        using var ascent = torch.ones(5, 2);
        var expected = FinetuningTrainer.GradientNorm(model, logits, ascent);
        Assert.True(expected > 0, $"The gradient norm should be positive, got {expected}.");
        var stop = false;
        var collections = 0;
        var pressure = new Thread(() =>
        {
            while (!Volatile.Read(ref stop))
            {
                GC.Collect();
                GC.WaitForPendingFinalizers();
                collections++;
            }
        }) { IsBackground = true };
        pressure.Start();
        try
        {
            for (var i = 0; i < iterations; i++)
            {
                using var scope = NewDisposeScope();
                double norm;
                try
                {
                    norm = mode switch
                    {
                        "square" => SquareGradientNorm(model, logits, ascent),
                        "add" => AddGradientNorm(model, logits, ascent),
                        _ => FinetuningTrainer.GradientNorm(model, logits, ascent),
                    };
                }
                catch (System.Runtime.InteropServices.ExternalException e)
                {
                    throw new InvalidOperationException($"Iteration {i} of {iterations} ({mode}), after {collections} forced collections: {e.Message.Split('\n')[0]}", e);
                }
                if (norm != expected) Assert.Fail($"Iteration {i}: gradient norm {norm}, expected {expected}.");
            }
        }
        finally
        {
            Volatile.Write(ref stop, true);
            pressure.Join();
        }
        Console.WriteLine($"{iterations} gradient norms ({mode}) with {collections} forced collections.");
    }

    /// <summary>The gradient norm as the trainer computed it before issue 20 (square() creates a Scalar it never disposes).</summary>
    static double SquareGradientNorm(Mlp model, Tensor logits, Tensor weightedAscent)
    {
        model.zero_grad();
        logits.backward(new[] { -weightedAscent }, retain_graph: true);
        var squares = 0.0;
        foreach (var p in model.parameters())
            squares += p.grad!.square().sum().to_type(ScalarType.Float64).item<double>();
        return Math.Sqrt(squares);
    }

    static double AddGradientNorm(Mlp model, Tensor logits, Tensor weightedAscent)
    {
        model.zero_grad();
        logits.backward(new[] { -weightedAscent }, retain_graph: true);
        var squares = 0.0;
        foreach (var p in model.parameters())
        {
            var g = p.grad!;
            squares += (g * g + g - g).sum().to_type(ScalarType.Float64).item<double>();
        }
        return Math.Sqrt(squares);
    }
}
