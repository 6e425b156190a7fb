using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Output;
using WorkPolicy.Analysis;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;

namespace WorkPolicy;

public sealed partial class PolicyAnalysis
{
    /// <summary>
    /// Who two rule sets (e.g. two readings of one circular) decide differently and from when, over every class of
    /// staff they tell apart and every stretch of dates from <paramref name="from"/> to <paramref name="to"/>
    /// (<c>workpolicy compare</c>); with <paramref name="facts"/>, also how many of their people are in each class
    /// and every employee and date that differs.
    /// </summary>
    /// <example>
    /// <code>
    /// var issued = PolicyEngine.Load("samples/circulars/palopo.wp").Value!;
    /// var reading = PolicyEngine.Load("samples/circulars/interpretations/palopo-leaves-level-iv.wp").Value!;
    /// var report = PolicyAnalysis.Compare(issued, reading, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31));
    /// </code>
    /// </example>
    /// <exception cref="ArgumentException">The last date is before the first, or the facts were read with another vocabulary than <paramref name="a"/>'s.</exception>
    public static ComparisonReport Compare(PolicyEngine a, PolicyEngine b, LocalDate from, LocalDate to, PolicyFacts? facts = null)
    {
        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        var dates = DateRange.Days(from, to);
        var result = Comparison.Run(a.Rules, b.Rules, from, to, DecisionDiff.Aspects);
        int?[] people = new int?[result.Differences.Length];
        ImmutableArray<EmployeeDifference>? employees = null;
        if (facts is not null)
        {
            // Each rule set reads the facts through its own field layout.
            var ea = a.Bind(facts).Memo;
            var eb = new MemoizedEvaluator(new Evaluator(b.Rules, facts.For(b.Rules).Index));
            var f = facts.File;
            var differences = ImmutableArray.CreateBuilder<EmployeeDifference>();
            foreach (var e in f.Employees)
            {
                // Consecutive dates that differ alike (the same aspects, each side decided alike) are one stretch.
                EmployeeDifference? open = null;
                foreach (var d in dates)
                {
                    var da = ea.Decide(e, d);
                    var db = eb.Decide(e, d);
                    var aspects = DecisionDiff.Aspects(da, db);
                    if (aspects.Count == 0)
                    {
                        if (open is not null) differences.Add(open);
                        open = null;
                        continue;
                    }
                    if (open is not null && Period.DaysBetween(open.To, d) == 1 && open.Differs.SequenceEqual(aspects) && Alike(open.A, da) && Alike(open.B, db))
                    {
                        open = open with { To = d };
                        continue;
                    }
                    if (open is not null) differences.Add(open);
                    open = new EmployeeDifference(e.Id, d, d, [.. aspects], da, db);
                }
                if (open is not null) differences.Add(open);
            }
            employees = differences.ToImmutable();
            people = [.. People(result, dates, f).Select(n => (int?)n)];
        }
        var classes = result.Differences.Select((d, i) => new ClassDifference(d.From, d.To, d.Weekdays, d.Regions, d.Who, people[i], [.. d.Aspects], d.A, d.B));
        return new ComparisonReport(a.Name, b.Name, from, to, result.Classes, result.Complete, [.. classes],
            [.. result.Periods.Select(p => new ComparedPeriod(p.From, p.To, p.Differences))], employees);
    }

    /// <summary>Two decisions of one side on two dates that read alike: mode, provisions, pool and obligations.</summary>
    private static bool Alike(Decision x, Decision y) =>
        DecisionDiff.Summary(x) == DecisionDiff.Summary(y) && DecisionDiff.Obligations(x).SequenceEqual(DecisionDiff.Obligations(y)) && x.Unknown.Count == y.Unknown.Count;

    /// <summary>
    /// Per difference of the exhaustive comparison, the employees of the facts in its class: in one of its
    /// regions and, on a date of its stretch (and weekdays), with the facts its description names.
    /// </summary>
    private static int[] People(ComparisonResult classes, IReadOnlyList<LocalDate> dates, FactsFile facts)
    {
        var regionOf = facts.Units.ToDictionary(u => u.Id, u => u.Region, StringComparer.Ordinal);
        var memberships = new Dictionary<FactSpace, Membership>(ReferenceEqualityComparer.Instance);
        Membership Of(FactSpace space) => memberships.TryGetValue(space, out var m) ? m : memberships[space] = new Membership(space);
        return [.. classes.Differences.Select(d =>
        {
            var days = dates.Where(x => x >= d.From && x <= d.To && (d.Weekdays.IsEmpty || d.Weekdays.Contains(x.DayOfWeek))).ToList();
            return facts.Employees.Count(e => d.Regions.Contains(regionOf.GetValueOrDefault(e.Unit) ?? "")
                && days.Any(day => d.Classes.Any(c => Of(c.Space).Holds(c.Choice, c.Codes, facts, e, day))));
        })];
    }
}
