using System.Globalization;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Model;
using Dimension = WorkPolicy.Rules.Checking.ConflictChecker.Dimension;
using NumberFact = WorkPolicy.Rules.Facts.NumberFact;

namespace WorkPolicy.Rules.Analysis;

/// <summary>
/// Names the class a number stands for in a description: the stretch of whole numbers around it that
/// every test of its field (in every rule set compared) reads alike — <c>≤ 3</c>, <c>2..3</c>, <c>≥ 4</c>,
/// <c>= 4</c>. The tests are the compiled ones, asked of synthetic facts, so no operator is read twice.
/// </summary>
internal sealed class NumberClasses(IReadOnlyList<CompiledRules> sides, string region)
{
    private readonly Dictionary<(string Path, decimal Value), string> _known = [];

    /// <summary>How <paramref name="value"/> of the number field of <paramref name="d"/> is described.</summary>
    public string Describe(Dimension d, decimal value)
    {
        var path = d.Field!.Path;
        if (_known.TryGetValue((path, value), out var known)) return known;
        var tests = sides.SelectMany(rules => Conditions.Leaves(FactSpace.Roots(rules, region)).OfType<TestCondition>()
            .Where(t => t.Field.Path == path).Select(t => (Rules: rules, Test: rules.Compiler.Compile(t)))).ToList();
        var thresholds = tests.Count == 0 ? [] : sides.SelectMany(rules => Conditions.Leaves(FactSpace.Roots(rules, region)).OfType<TestCondition>())
            .Where(t => t.Field.Path == path).SelectMany(t => t.Values.OfType<NumberFact>()).Select(n => n.Value).ToList();
        string text;
        if (thresholds.Count == 0 || value != decimal.Truncate(value)) text = "= " + Show(value);
        else
        {
            var (low, high) = (thresholds.Min() - 1, thresholds.Max() + 1);
            var alike = Outcomes(d, value, tests);
            var from = value;
            while (from > low && Outcomes(d, from - 1, tests).SequenceEqual(alike)) from--;
            var to = value;
            while (to < high && Outcomes(d, to + 1, tests).SequenceEqual(alike)) to++;
            // Past the outermost thresholds nothing changes: the stretch is open there.
            text = (from <= low, to >= high) switch
            {
                (true, true) => "any",
                (true, false) => "≤ " + Show(to),
                (false, true) => "≥ " + Show(from),
                _ => from == to ? "= " + Show(from) : $"in {Show(from)}..{Show(to)}",
            };
        }
        return _known[(path, value)] = text;
    }

    private List<Tri> Outcomes(Dimension d, decimal value, List<(CompiledRules Rules, Func<EvalScope, Tri> Test)> tests)
    {
        var one = d with { Candidates = [new NumberFact(value)] };
        return [.. tests.Select(t => t.Test(ConflictChecker.Synthetic(t.Rules.Model, region, [one], [0])))];
    }

    private static string Show(decimal d) => d.ToString(CultureInfo.InvariantCulture);
}
