using BenchmarkDotNet.Attributes;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Model;
using WorkPolicy.Facts;

namespace WorkPolicy.Benchmarks;

/// <summary>
/// One decision, Palopo and Luwu Utara staff: WorkPolicy's compiled rules against Microsoft
/// RulesEngine 6.0.1 (workflows built once, warmed, fast expression compiler), on the same people; the same logic
/// hand-written in C# (the limit); and a whole <see cref="Decision"/> through the public entry, 100,000 staff loaded.
/// </summary>
[MemoryDiagnoser]
public class DecisionBenchmarks
{
    private const int People = 1000;
    private MemoizedEvaluator _evaluator = null!;
    private Evaluator _inFull = null!;
    private Evaluator _compiledCSharp = null!;
    private FieldLayout _layout = null!;
    private EmployeeRow[] _rows = null!;
    private Person[] _people = null!;
    private RulesEngine.RulesEngine _peer = null!;
    private PolicyEngine _engine = null!;
    private PolicyFacts _facts = null!;
    private string[] _ids = null!;

    [GlobalSetup]
    public void Setup()
    {
        var rules = Population.Rules("vocabulary.wp", "palopo.wp", "luwu-utara.wp");
        var facts = Population.Facts(People * 6, rules);
        _rows = [.. facts.Employees.Where(r => r.Region is "kota-palopo" or "kab-luwu-utara").Take(People)];
        _inFull = new Evaluator(rules, facts);
        _evaluator = new MemoizedEvaluator(_inFull);
        _compiledCSharp = new Evaluator(CompiledCSharp.Compile(rules.Model), facts);
        _layout = rules.Model.Layout;
        _people = [.. _rows.Select(r => ToPerson(r, _layout))];
        _peer = new RulesEngine.RulesEngine(PeerRules.Workflows(), new RulesEngine.Models.ReSettings { UseFastExpressionCompiler = true });
        // The public entry: the same circulars loaded as an app loads them, 100,000 generated staff, the first
        // 1,000 of Palopo and Luwu Utara asked (a whole Decision each: provisions, obligations, pool).
        _engine = PolicyEngine.Load([.. new[] { "vocabulary.wp", "palopo.wp", "luwu-utara.wp" }.Select(f => Path.Combine(Population.Samples, f))], LoadOptions.Strict).Value!;
        _facts = _engine.Facts.Parse("generated.facts.json", SyntheticFacts.Generate(100_000, seed: 1, json: true)).Value!;
        _ids = [.. _facts.Employees.Where(id => !_engine.Decide(_facts, id, Population.Friday).Circulars.IsEmpty).Take(People)];
        if (_ids.Length < People) throw new InvalidOperationException("too few Palopo and Luwu Utara staff generated");
        foreach (var p in _people.Take(10)) PeerDecide(p).GetAwaiter().GetResult();
        // Both engines must agree on every person, or the comparison means nothing.
        for (var i = 0; i < _rows.Length; i++)
        {
            var ours = _evaluator.Classify(_rows[i], Population.Friday).Mode.Word();
            if (_inFull.Classify(_rows[i], Population.Friday).Mode.Word() != ours) throw new InvalidOperationException($"{_rows[i].Facts.Id}: remembered and full verdicts differ");
            if (_compiledCSharp.Classify(_rows[i], Population.Friday) != _inFull.Classify(_rows[i], Population.Friday)) throw new InvalidOperationException($"{_rows[i].Facts.Id}: rules compiled to C# decide otherwise");
            var theirs = PeerDecide(_people[i]).GetAwaiter().GetResult();
            if (ours != theirs) throw new InvalidOperationException($"{_rows[i].Facts.Id}: WorkPolicy {ours}, RulesEngine {theirs}");
            var hand = HandWrittenRules.Decide(_people[i]);
            if (ours != hand) throw new InvalidOperationException($"{_rows[i].Facts.Id}: WorkPolicy {ours}, hand-written C# {hand}");
        }
    }

    private static Person ToPerson(EmployeeRow row, FieldLayout layout)
    {
        static string Code(FactValue?[] slots, int slot) => slots.ElementAtOrDefault(slot) is CodeFact c ? c.Code : "";
        return new Person
        {
            Region = row.Region,
            Agency = Code(row.Unit!.Slots, layout.UnitSlot("agency")),
            Kind = Code(row.Unit.Slots, layout.UnitSlot("kind")),
            Employment = Code(row.Slots, layout.EmployeeSlot("employment")),
            Position = Code(row.Slots, layout.EmployeeSlot("position")),
            ItCapable = row.Slots.ElementAtOrDefault(layout.EmployeeSlot("it_capable")) is BoolFact { Value: true },
            DirectOrCritical = Has(row.Unit.Slots, "direct-service", "critical") || Has(row.TopUnit?.Slots ?? [], "direct-service", "critical"),
            EssentialOrDirect = Has(row.Unit.Slots, "essential", "direct-service"),
        };
        bool Has(FactValue?[] slots, params string[] codes) =>
            slots.ElementAtOrDefault(layout.UnitSlot("services")) is CodeSetFact set && codes.Any(set.Contains);
    }

    private async Task<string> PeerDecide(Person p)
    {
        var results = await _peer.ExecuteAllRulesAsync(p.Region, p);
        foreach (var r in results)
        {
            if (r.IsSuccess) return r.Rule.SuccessEvent;
        }
        return "not-covered";
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = People, Description = "RulesEngine 6.0.1")]
    public async Task<int> RulesEngine()
    {
        var office = 0;
        foreach (var p in _people)
        {
            if (await PeerDecide(p) == "office") office++;
        }
        return office;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "Hand-written C#")]
    public int HandWritten()
    {
        var office = 0;
        foreach (var p in _people)
        {
            if (HandWrittenRules.Decide(p) == "office") office++;
        }
        return office;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "WorkPolicy Classify")]
    public int WorkPolicy()
    {
        var office = 0;
        foreach (var row in _rows)
        {
            if (_evaluator.Classify(row, Population.Friday).Mode == WorkMode.Office) office++;
        }
        return office;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "WorkPolicy Decide (public API)")]
    public int WorkPolicyPublic()
    {
        var office = 0;
        foreach (var id in _ids)
        {
            if (_engine.Decide(_facts, id, Population.Friday).Mode == WorkMode.Office) office++;
        }
        return office;
    }

    [Benchmark(OperationsPerInvoke = People, Description = "WorkPolicy Classify, decided in full, rules compiled to C#")]
    public int WorkPolicyCompiledCSharp() => OfficeDays(_compiledCSharp);

    [Benchmark(OperationsPerInvoke = People, Description = "WorkPolicy Classify, decided in full")]
    public int WorkPolicyInFull() => OfficeDays(_inFull);

    /// <summary>The rows decided in full by <paramref name="evaluator"/> (a sealed class: the call in the loop is direct).</summary>
    private int OfficeDays(Evaluator evaluator)
    {
        var office = 0;
        foreach (var row in _rows)
        {
            if (evaluator.Classify(row, Population.Friday).Mode == WorkMode.Office) office++;
        }
        return office;
    }
}
