using System.Diagnostics;
using WorkPolicy.Cli;
using WorkPolicy.Cli.Generation;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// <c>--e2e</c>: the whole <c>workpolicy eval</c> command on 100,000 generated employees for one
/// day (load rules, load facts, decide, write JSON), timed with a stopwatch over a few runs.
/// </summary>
internal static class EndToEnd
{
    public static void Run(int employees, int runs)
    {
        var facts = Path.Combine(Path.GetTempPath(), $"wp-e2e-{employees}.facts.yaml");
        File.WriteAllText(facts, FactsGenerator.Generate(employees, seed: 7));
        var output = Path.Combine(Path.GetTempPath(), "wp-e2e-decisions.json");
        Console.WriteLine($"facts: {new FileInfo(facts).Length / 1_048_576.0:F1} MiB, {employees} employees");
        for (var i = 0; i < runs; i++)
        {
            var sw = Stopwatch.StartNew();
            using (var writer = new StreamWriter(output))
            {
                var code = WorkPolicyCommand.Run(["eval", Population.Samples, "--facts", facts, "--on", "2021-07-30", "--format", "json"], writer, Console.Error);
                if (code != 0) throw new InvalidOperationException($"eval exited {code}");
            }
            Console.WriteLine($"run {i + 1}: eval end to end {sw.Elapsed.TotalSeconds:F2} s, JSON {new FileInfo(output).Length / 1_048_576.0:F1} MiB");
        }
    }
}
