using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using WorkPolicy.Output;
using WorkPolicy.Loading;
using WorkPolicy.Testing;
using WorkPolicy.Analysis;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// The analysts' tools: the exhaustive comparison of each sample circular against its interpretations over
/// July–August 2021 (rules loaded once, as the command does), and the samples' analyst tests with and
/// without coverage (the cost coverage adds: the ratio of the two).
/// </summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 5)]
public class AnalysisBenchmarks
{
    private List<(CompiledRules A, CompiledRules B)> _pairs = [];
    private List<AnalystTestFile> _tests = [];

    [GlobalSetup]
    public void Setup()
    {
        var samples = Population.Samples;
        // An interpretation restates a circular under the same id: it is compared with the file that declares that id.
        var circulars = Directory.GetFiles(samples, "*.wp").ToDictionary(f => FirstId(File.ReadAllText(f)), StringComparer.Ordinal);
        _pairs = [.. Directory.GetFiles(Path.Combine(samples, "interpretations"), "*.wp").Order(StringComparer.Ordinal)
            .Select(reading => (Compile(circulars[FirstId(File.ReadAllText(reading))]), Compile(reading)))];
        var diagnostics = new List<Diagnostic>();
        _tests = [.. AnalystTestLoader.Expand(samples, diagnostics).Select(p => AnalystTestLoader.Load(p, diagnostics)!)];
    }

    private static string FirstId(string text) => text.Contains("circular ", StringComparison.Ordinal) ? text.Split("circular ", 2)[1].Split(' ', 2)[0] : "";

    private static CompiledRules Compile(string path) => CompiledRules.Compile(RuleLoader.LoadRuleSet([path]).Model!);

    [Benchmark(Description = "exhaustive compare, every interpretation, Jul-Aug 2021")]
    public int Compare() => _pairs.Sum(p => Comparison.Run(p.A, p.B, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31), DecisionDiff.Aspects).Classes);

    [Benchmark(Baseline = true, Description = "analyst tests of the samples")]
    public int Tests() => Run(coverage: false);

    [Benchmark(Description = "analyst tests of the samples, with coverage")]
    public int TestsWithCoverage() => Run(coverage: true);

    private int Run(bool coverage)
    {
        var runner = new AnalystTestRunner(coverage);
        var diagnostics = new List<Diagnostic>();
        return _tests.Sum(t => runner.Run(t, diagnostics).Count(r => r.Passed));
    }
}
