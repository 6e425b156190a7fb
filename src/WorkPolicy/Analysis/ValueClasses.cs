using WorkPolicy.Checking;
using WorkPolicy.Evaluation;
using WorkPolicy.Model;
using Dimension = WorkPolicy.Analysis.ConflictChecker.Dimension;
using NumberFact = WorkPolicy.Facts.NumberFact;

namespace WorkPolicy.Analysis;

/// <summary>
/// The class a value of one fact is in for the rule sets compared: the outcomes of every test that reads
/// that fact (compiled, so no operator is read a second time), asked of synthetic facts holding the value.
/// Two values in one class are alike to every rule; a number is described by the stretch of whole numbers
/// in its class (<c>≤ 3</c>, <c>2..3</c>, <c>≥ 4</c>, <c>= 4</c>).
/// </summary>
internal sealed class ValueClasses(IReadOnlyList<CompiledRules> sides, string region)
{
    private readonly Dictionary<string, List<(CompiledRules Rules, Condition Leaf, Func<DecisionSubject, Tri> Test)>> _tests = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Fact, Facts.FactValue Value), string> _classes = [];
    private readonly Dictionary<(string Path, decimal Value), string> _stretches = [];

    /// <summary>The class of <paramref name="value"/> of <paramref name="d"/>'s fact (a field, or an incident kind).</summary>
    public string Of(Dimension d, Facts.FactValue value)
    {
        var fact = Fact(d);
        if (_classes.TryGetValue((fact, value), out var known)) return known;
        var one = d with { Candidates = [value] };
        // One synthetic employee per rule set, every test of the fact asked of it.
        var outcomes = Tests(d).GroupBy(t => t.Rules).SelectMany(g =>
        {
            var scope = ConflictChecker.Synthetic(g.Key.Model, region, [one], [0]);
            return g.Select(t => t.Test(scope));
        });
        return _classes[(fact, value)] = string.Join(",", outcomes);
    }

    /// <summary>How <paramref name="value"/> of the number field of <paramref name="d"/> is described: the stretch of its class.</summary>
    public string Describe(Dimension d, decimal value)
    {
        var path = d.Field!.Path;
        if (_stretches.TryGetValue((path, value), out var known)) return known;
        var thresholds = Tests(d).Select(t => t.Leaf).OfType<TestCondition>().SelectMany(t => t.Values.OfType<NumberFact>()).Select(n => n.Value).ToList();
        string text;
        if (thresholds.Count == 0 || value != decimal.Truncate(value)) text = "= " + Show(value);
        else
        {
            var (low, high) = (thresholds.Min() - 1, thresholds.Max() + 1);
            var alike = Of(d, new NumberFact(value));
            var from = value;
            while (from > low && Of(d, new NumberFact(from - 1)) == alike) from--;
            var to = value;
            while (to < high && Of(d, new NumberFact(to + 1)) == alike) to++;
            // Past the outermost thresholds nothing changes: the stretch is open there.
            text = (from <= low, to >= high) switch
            {
                (true, true) => "any",
                (true, false) => "≤ " + Show(to),
                (false, true) => "≥ " + Show(from),
                _ => from == to ? "= " + Show(from) : $"in {Show(from)}..{Show(to)}",
            };
        }
        return _stretches[(path, value)] = text;
    }

    private static string Fact(Dimension d) => d.Field?.Path ?? "incident " + d.Incident;

    /// <summary>The tests that read <paramref name="d"/>'s fact in the region, compiled once.</summary>
    private List<(CompiledRules Rules, Condition Leaf, Func<DecisionSubject, Tri> Test)> Tests(Dimension d)
    {
        var fact = Fact(d);
        if (_tests.TryGetValue(fact, out var known)) return known;
        return _tests[fact] = [.. sides.SelectMany(rules => Conditions.Leaves(FactSpace.Roots(rules, region))
            .Where(leaf => leaf is TestCondition t ? t.Field.Path == d.Field?.Path : leaf is IncidentCondition i && i.Kind == d.Incident)
            .Select(leaf => (rules, leaf, rules.Compiler.Compile(leaf))))];
    }

    private static string Show(decimal d) => ConflictChecker.Show(new NumberFact(d));
}
