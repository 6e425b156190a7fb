using BenchmarkDotNet.Attributes;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Benchmarks;

/// <summary>All six circulars over a generated population of 100,000: the batch path, one thread and all cores.</summary>
[MemoryDiagnoser]
public class BatchBenchmarks
{
    private const int People = 100_000;
    private BatchEvaluator _batch = null!;
    private Verdict[] _results = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = Population.Rules();
        var facts = Population.Facts(People, rules.Rules);
        _batch = new BatchEvaluator(rules, facts);
        _results = new Verdict[facts.Employees.Length];
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = People, Description = "six circulars, one thread")]
    public Verdict OneThread()
    {
        _batch.Classify(Population.Friday, _results);
        return _results[^1];
    }

    [Benchmark(OperationsPerInvoke = People, Description = "six circulars, all cores")]
    public Verdict AllCores()
    {
        _batch.ClassifyParallel(Population.Friday, _results);
        return _results[^1];
    }
}
