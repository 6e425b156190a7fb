using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;

namespace WorkPolicy.Analysis;

/// <summary>A change of one fact and the decision it would bring.</summary>
/// <param name="Change">The fact changed.</param>
/// <param name="Decision">The decision with it.</param>
internal sealed record WhatIf(FactChange Change, Decision Decision);

/// <summary>
/// What would change an answer: the decision again with each single fact the rules read set to each
/// other class (the smallest changes there are), keeping those that give another mode; and, for a
/// decision that is indeterminate, whether knowing one missing fact would settle it.
/// </summary>
internal static class Counterfactuals
{
    /// <summary>The single-fact changes that give <paramref name="employee"/> another mode than <paramref name="current"/> on <paramref name="date"/>.</summary>
    public static ImmutableArray<WhatIf> OtherModes(CompiledRules rules, FactsFile facts, EmployeeFacts employee, LocalDate date, Decision current)
    {
        var found = ImmutableArray.CreateBuilder<WhatIf>();
        if (facts.Units.FirstOrDefault(u => u.Id == employee.Unit) is not { } unit) return [];
        foreach (var (change, changed) in FactEdit.Alternatives(FactSpace.Of([rules], unit.Region), facts, employee, date))
        {
            var d = Decide(rules, changed, employee.Id, date);
            if (d.Mode != current.Mode) found.Add(new WhatIf(change, d));
        }
        return found.ToImmutable();
    }

    /// <summary>
    /// The missing facts of a decision that would settle it: for an indeterminate decision, those for which every class
    /// of value gives a mode; for one with a pending obligation, those for which every class of value leaves nothing
    /// pending (the employee's other facts as they are). <paramref name="spaces"/>: fact spaces by region, shared across
    /// calls so each is worked out once.
    /// </summary>
    public static ImmutableArray<string> Settling(CompiledRules rules, FactsFile facts, EmployeeFacts employee, LocalDate date, Decision current, Dictionary<string, FactSpace>? spaces = null)
    {
        if (current.Unknown.IsEmpty || facts.Units.FirstOrDefault(u => u.Id == employee.Unit) is not { } unit) return [];
        bool Settled(Decision d) => current.Mode == WorkMode.Indeterminate ? d.Mode != WorkMode.Indeterminate : d.Unknown.IsEmpty;
        spaces ??= [];
        if (!spaces.TryGetValue(unit.Region, out var space)) spaces[unit.Region] = space = FactSpace.Of([rules], unit.Region);
        var settling = ImmutableArray.CreateBuilder<string>();
        foreach (var missing in current.Unknown)
        {
            var path = PathOf(missing, employee.Unit);
            var tries = FactEdit.Alternatives(space, facts, employee, date, p => p == path || (path.EndsWith('.') && p.StartsWith(path, StringComparison.Ordinal))).ToList();
            if (tries.Count > 0 && tries.All(t => Settled(Decide(rules, t.Facts, employee.Id, date)))) settling.Add(missing);
        }
        return settling.ToImmutable();
    }

    /// <summary>
    /// <c>employees[e-1].position</c> → <c>employee.position</c>; a fact of the employee's unit as <c>unit.kind</c>, of
    /// another (their perangkat daerah) as <c>top-unit.kind</c>; a dated series as its prefix (<c>region.ppkm.</c>,
    /// <c>employee.status.isolation.</c>).
    /// </summary>
    private static string PathOf(string missing, string unit)
    {
        var dot = missing.IndexOf("].", StringComparison.Ordinal);
        // An employee's dated series is missing as a whole (employees[e-1].status.isolation): its prefix, as a region's.
        if (missing.StartsWith("employees[", StringComparison.Ordinal) && dot > 0)
            return "employee." + missing[(dot + 2)..] + (missing.AsSpan(dot + 2).StartsWith(Model.PersonalSeries.Prefix) ? "." : "");
        if (missing.StartsWith("units[", StringComparison.Ordinal) && dot > 0)
            return (missing[6..dot] == unit ? "unit." : "top-unit.") + missing[(dot + 2)..];
        if (missing.StartsWith("regions.", StringComparison.Ordinal)) return "region." + missing[(missing.IndexOf('.', 8) + 1)..] + ".";
        return missing;
    }

    private static Decision Decide(CompiledRules rules, FactsFile facts, string employee, LocalDate date)
    {
        var index = new FactIndex(facts, rules.Model.Layout);
        return new Evaluator(rules, index).Decide(index.Row(employee)!, date);
    }
}
