using BenchmarkDotNet.Attributes;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// One whole decision through the public entry, 100,000 staff loaded (the one-door issue's figure: at most twice the
/// remembered internal path plus the result's allocation), beside that internal path on the same employees.
/// </summary>
[MemoryDiagnoser]
public class PublicDecideBenchmarks
{
    private const int Asked = 1000;
    private PolicyEngine _engine = null!;
    private PolicyFacts _facts = null!;
    private string[] _ids = null!;
    private MemoizedEvaluator _memo = null!;
    private EmployeeRow[] _rows = null!;
    private string[] _everyone = null!;
    private string[] _appIds = null!;

    [GlobalSetup]
    public void Setup()
    {
        _engine = PolicyEngine.Load(Path.Combine(Population.Samples)).Value!;
        _facts = _engine.Facts.Parse("generated.facts.json", SyntheticFacts.Generate(100_000, seed: 1, json: true)).Value!;
        _ids = [.. _facts.Employees.Take(Asked)];
        _everyone = [.. _facts.Employees];
        // The same ids as an app holds them: strings of its own (read from its HR database), not the facts' list.
        _appIds = [.. _facts.Employees.Select(id => new string(id.AsSpan()))];
        var binding = _facts.For(_engine.Rules);
        _memo = new MemoizedEvaluator(new Evaluator(_engine.Rules, binding.Index));
        _rows = [.. _ids.Select(id => binding.Index.Row(id)!)];
        for (var i = 0; i < Asked; i++)
            if (!_engine.Decide(_facts, _ids[i], Population.Friday).Equals(_memo.Decide(_rows[i], Population.Friday))) throw new InvalidOperationException($"{_ids[i]}: public and internal decisions differ");
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Asked, Description = "WorkPolicy Decide, remembered (internal)")]
    public int Remembered()
    {
        var n = 0;
        for (var i = 0; i < _rows.Length; i++) n += (int)_memo.Decide(_rows[i], Population.Friday).Mode;
        return n;
    }

    [Benchmark(OperationsPerInvoke = Asked, Description = "WorkPolicy Decide (public API)")]
    public int Public()
    {
        var n = 0;
        for (var i = 0; i < _ids.Length; i++) n += (int)_engine.Decide(_facts, _ids[i], Population.Friday).Mode;
        return n;
    }

    /// <summary>
    /// Every one of the 100,000 employees in turn, as an app that asks about each of its staff does (the build-time
    /// issue's row: at most 3× the remembered one).
    /// </summary>
    [Benchmark(OperationsPerInvoke = 100_000, Description = "WorkPolicy Decide (public API), all 100,000 in turn")]
    public int PublicEveryone()
    {
        var n = 0;
        for (var i = 0; i < _everyone.Length; i++) n += (int)_engine.Decide(_facts, _everyone[i], Population.Friday).Mode;
        return n;
    }

    /// <summary>The same, asked with the app's own id strings (equal, not the same objects as the facts' list).</summary>
    [Benchmark(OperationsPerInvoke = 100_000, Description = "WorkPolicy Decide (public API), all 100,000 in turn, the app's own ids")]
    public int PublicEveryoneAppIds()
    {
        var n = 0;
        for (var i = 0; i < _appIds.Length; i++) n += (int)_engine.Decide(_facts, _appIds[i], Population.Friday).Mode;
        return n;
    }
}
