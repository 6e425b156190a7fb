using BenchmarkDotNet.Attributes;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// All six circulars over a generated population of 100,000: the batch path on one thread and all
/// cores, and one thread with every decision run in full (no verdicts remembered by key).
/// </summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int People = 100_000;
    private BatchEvaluator _batch = null!;
    private Evaluator _inFull = null!;
    private FactIndex _facts = null!;
    private Verdict[] _results = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = Population.Rules();
        _facts = Population.Facts(People, rules);
        _batch = new BatchEvaluator(rules, _facts);
        _inFull = new Evaluator(rules, _facts);
        _results = new Verdict[_facts.Employees.Length];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = People, Description = "six circulars, one thread")]
    public WorkMode OneThread()
    {
        _batch.Classify(Population.Friday, _results);
        return _results[^1].Mode;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "six circulars, all cores")]
    public WorkMode AllCores()
    {
        _batch.ClassifyParallel(Population.Friday, _results);
        return _results[^1].Mode;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "six circulars, one thread, decided in full")]
    public WorkMode OneThreadInFull()
    {
        var rows = _facts.Employees;
        for (var i = 0; i < rows.Length; i++) _results[i] = _inFull.Classify(rows[i], Population.Friday);
        return _results[^1].Mode;
    }
}
