using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Analysis;

/// <summary>
/// Whether an employee of a facts file is, on a date, in a class of staff a comparison described: for each
/// fact the class names, the employee's value is in the same class as the one chosen — every test of that
/// fact (compiled, in every rule set compared) reads the two alike; a set by the codes that matter.
/// </summary>
internal sealed class Membership(FactSpace space)
{
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
                    : space.Values.Of(d, actual) == space.Values.Of(d, candidate);
                if (!alike) return false;
            }
        }
        return true;
    }
}
