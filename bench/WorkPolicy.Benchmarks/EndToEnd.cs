using System.Diagnostics;
using WorkPolicy.Cli;
using WorkPolicy.Generation;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// <c>--e2e</c>: the whole <c>workpolicy eval</c> command on 100,000 generated employees for one
/// day (load rules, load facts, decide, write JSON), timed with a stopwatch over a few runs.
/// </summary>
internal static class EndToEnd
{
    /// <summary>Where the time of loading goes: reading the bytes, mapping the facts (read as they stream), indexing.</summary>
    private static void Stages(string facts)
    {
        var rules = Population.Rules();
        for (var i = 0; i < 2; i++)
        {
            var sw = Stopwatch.StartNew();
            var bytes = File.ReadAllBytes(facts);
            var read = sw.Elapsed.TotalMilliseconds;
            var loaded = WorkPolicy.Facts.FactsLoader.Load(facts, bytes, rules.Model.Vocabulary);
            var mapped = sw.Elapsed.TotalMilliseconds;
            var index = new WorkPolicy.Facts.FactIndex(loaded.Facts!, rules.Model.Layout);
            var indexed = sw.Elapsed.TotalMilliseconds;
            Console.WriteLine($"{Path.GetExtension(facts)} load stages: read {read:F0} ms, facts {mapped - read:F0} ms, index {indexed - mapped:F0} ms ({index.Employees.Length} employees)");
        }
    }

    public static void Run(int employees, int runs)
    {
        var yaml = Path.Combine(Path.GetTempPath(), $"wp-e2e-{employees}.facts.yaml");
        File.WriteAllText(yaml, FactsGenerator.Generate(employees, seed: 7));
        Stages(yaml);
        var facts = Path.Combine(Path.GetTempPath(), $"wp-e2e-{employees}.facts.json");
        File.WriteAllText(facts, FactsGenerator.Generate(employees, seed: 7, json: true));
        Stages(facts);
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
