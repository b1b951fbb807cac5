using Lectures.Benchmarks;

var all = typeof(Benchmark).Assembly.GetTypes()
    .Where(t => t.IsSubclassOf(typeof(Benchmark)) && !t.IsAbstract)
    .Select(t => (Benchmark)Activator.CreateInstance(t)!)
    .OrderBy(b => b.Name)
    .ToList();
var unknown = args.Where(a => all.All(b => b.Name != a)).ToList();
if (unknown.Count > 0)
{
    Console.Error.WriteLine($"Unknown benchmark(s): {string.Join(", ", unknown)}. Known: {string.Join(", ", all.Select(b => b.Name))}.");
    return 2;
}
Console.WriteLine($"Machine: {Environment.ProcessorCount} cores, {System.Runtime.InteropServices.RuntimeInformation.OSDescription}, .NET {Environment.Version}");
foreach (var b in all.Where(b => args.Length == 0 || args.Contains(b.Name)))
    b.Run();
return 0;
