using NodaTime;
using WorkPolicy.Rules.Checking;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Rules.Analysis;

/// <summary>
/// Whether an employee of a facts file is, on a date, in a class of staff a comparison described: for each
/// fact the class names, the employee's value is in the same class as the one chosen — every test of that
/// fact (compiled, in every rule set compared) reads the two alike; a set by the codes that matter.
/// </summary>
internal sealed class Membership(IReadOnlyList<CompiledRules> sides, FactSpace space)
{
    private readonly Dictionary<(int Dim, string Value), string> _classes = [];

    /// <summary>Whether <paramref name="employee"/> is in the class of <paramref name="choice"/> on <paramref name="date"/>.</summary>
    public bool Holds(int[] choice, IReadOnlyDictionary<int, int[]> codes, FactsFile facts, EmployeeFacts employee, LocalDate date)
    {
        if (facts.Units.FirstOrDefault(u => u.Id == employee.Unit) is not { } unit) return false;
        for (var a = 0; a < space.Axes.Length; a++)
        {
            if (choice[a] < 0) continue;
            var axis = space.Axes[a];
            var chosen = axis.Choices[choice[a]];
            for (var i = 0; i < axis.Dims.Length; i++)
            {
                var k = axis.Dims[i];
                var d = space.Dims[k];
                if (d.SetCode is not null && codes.TryGetValue(a, out var shown) && !shown.Contains(k)) continue;
                if (FactEdit.Current(facts, employee, unit, d, date).Value is not { } actual) return false;
                var candidate = d.Candidates[chosen[i]];
                var alike = d.SetCode is not null
                    ? space.HasAlike(d, actual) == candidate is BoolFact { Value: true }
                    : Class(k, actual) == Class(k, candidate);
                if (!alike) return false;
            }
        }
        return true;
    }

    /// <summary>The outcomes of every test that reads dimension <paramref name="k"/>, on synthetic facts holding <paramref name="value"/>.</summary>
    private string Class(int k, FactValue value)
    {
        var key = (k, ConflictChecker.Show(value) + value.GetType().Name);
        if (_classes.TryGetValue(key, out var known)) return known;
        var d = space.Dims[k];
        var one = d with { Candidates = [value] };
        var outcomes = sides.SelectMany(rules => Conditions.Leaves(FactSpace.Roots(rules, space.Region))
            .Where(leaf => leaf is TestCondition t ? t.Field.Path == d.Field?.Path : leaf is IncidentCondition i && i.Kind == d.Incident)
            .Select(leaf => rules.Compiler.Compile(leaf)(ConflictChecker.Synthetic(rules.Model, space.Region, [one], [0]))));
        return _classes[key] = string.Join(",", outcomes);
    }
}
