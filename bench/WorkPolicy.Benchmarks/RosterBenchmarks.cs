using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Engines;
using NodaTime;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;
using WorkPolicy.Rostering;

namespace WorkPolicy.Benchmarks;

/// <summary>A roster for 50,000 staff over August 2021 (all six circulars).</summary>
[MemoryDiagnoser]
[SimpleJob(RunStrategy.Monitoring, launchCount: 1, warmupCount: 1, iterationCount: 3)]
public class RosterBenchmarks
{
    private MemoizedEvaluator _evaluator = null!;
    private FactIndex _facts = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = Population.Rules();
        _facts = Population.Facts(50_000, rules);
        _evaluator = new MemoizedEvaluator(new Evaluator(rules, _facts));
    }

    [Benchmark(Description = "roster 50,000 staff x 31 days")]
    public int Roster() =>
        RosterPlanner.Plan(_evaluator, _facts.Facts.Employees, new DateInterval(new LocalDate(2021, 8, 1), new LocalDate(2021, 8, 31))).Assignments.Count;
}
