using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Evaluation;
using WorkPolicy.Model;

namespace WorkPolicy.Analysis;

/// <summary>
/// Who two rule sets decide differently, and when: the smallest description of a class of staff (only
/// the facts the difference depends on), the regions and dates, and each side's decision.
/// </summary>
/// <param name="From">First date.</param>
/// <param name="To">Last date (inclusive).</param>
/// <param name="Weekdays">The weekdays it holds on, or empty when on every day of the dates.</param>
/// <param name="Regions">The regions alike for both rule sets where it holds.</param>
/// <param name="Who">The class of staff, e.g. <c>unit.kind = puskesmas</c>.</param>
/// <param name="A">The first rule set's decision (for a representative employee and date).</param>
/// <param name="B">The second rule set's.</param>
/// <param name="Aspects">What differs: mode, pool, obligations, unknown.</param>
internal sealed record Difference(LocalDate From, LocalDate To, ImmutableArray<IsoDayOfWeek> Weekdays, ImmutableArray<string> Regions, string Who, Decision A, Decision B, IReadOnlyList<string> Aspects)
{
    /// <summary><see cref="Who"/> by fact: the path and what is said of it (<c>= puskesmas</c>, <c>has {guru}</c>).</summary>
    internal ImmutableArray<(string Path, string Value)> Parts { get; init; } = [];

    /// <summary>The classes of the space <see cref="Who"/> describes (several once joined by value): who is in it, for counting people.</summary>
    internal ImmutableArray<(FactSpace Space, int[] Choice, Dictionary<int, int[]> Codes)> Classes { get; init; } = [];
}

/// <summary>A stretch of dates in which no circular of either rule set starts or ends.</summary>
/// <param name="From">First date.</param>
/// <param name="To">Last date.</param>
/// <param name="Differences">How many differences hold in it.</param>
internal sealed record ComparedPeriod(LocalDate From, LocalDate To, int Differences);

/// <summary>The result of an exhaustive comparison.</summary>
/// <param name="Differences">Every difference, by region, date and description.</param>
/// <param name="Periods">The stretches of dates compared, with their counts.</param>
/// <param name="Classes">How many classes of staff were compared (over regions and representative dates).</param>
/// <param name="Complete">False when a region's space was too large to walk whole.</param>
internal sealed record ComparisonResult(ImmutableArray<Difference> Differences, ImmutableArray<ComparedPeriod> Periods, int Classes, bool Complete);

/// <summary>
/// Compares two rule sets over every class of staff they tell apart and every date where a circular
/// of either starts or ends: no facts file needed. Regions alike for both (the same circulars, the
/// same attributes read) are compared once; each stretch of dates once per weekday.
/// </summary>
internal static class Comparison
{
    /// <summary>Compares <paramref name="a"/> and <paramref name="b"/> from <paramref name="from"/> to <paramref name="to"/>; <paramref name="aspects"/> names what two decisions disagree on.</summary>
    public static ComparisonResult Run(CompiledRules a, CompiledRules b, LocalDate from, LocalDate to, Func<Decision, Decision, IReadOnlyList<string>> aspects)
    {
        CompiledRules[] sides = [a, b];
        var found = new Dictionary<(string Regions, string Who, string Outcome), List<(LocalDate Day, Difference D)>>();
        // The stretches of the summary: every region's cuts together, so they never overlap.
        var starts = new SortedSet<LocalDate> { from };
        var classes = 0;
        var complete = true;
        foreach (var (region, regions) in RegionGroups(sides))
        {
            var space = FactSpace.Of(sides, region);
            var cuts = Cuts(sides, region, from, to);
            for (var s = 0; s < cuts.Count; s++)
            {
                var (start, end) = (cuts[s], s + 1 < cuts.Count ? cuts[s + 1].PlusDays(-1) : to);
                starts.Add(start);
                // One date per weekday: obligations may be due, and windows differ, by weekday.
                var span = Math.Min(6, Period.DaysBetween(start, end));
                for (var i = 0; i <= span; i++)
                {
                    var day = start.PlusDays(i);
                    var (cells, whole) = SpaceWalk.Run(space, sides, day);
                    complete &= whole;
                    classes += cells.Count;
                    foreach (var cell in cells)
                    {
                        var (da, db) = (cell.Decisions[0], cell.Decisions[1]);
                        var differs = aspects(da, db);
                        if (differs.Count == 0) continue;
                        var (shown, codes) = Minimizer.Smallest(space, sides, cell, day, (x, y) => x.Mode == y.Mode && aspects(x, y).Count == 0);
                        var parts = space.Describe(shown, codes);
                        var who = Words(parts);
                        var key = (string.Join(", ", regions), who, Outcome(da) + " -> " + Outcome(db) + " " + string.Join(",", differs));
                        if (!found.TryGetValue(key, out var days)) found[key] = days = [];
                        if (days.Any(d => d.Day == day)) continue;
                        days.Add((day, new Difference(start, end, [], regions, who, da, db, differs) { Parts = [.. parts], Classes = [(space, shown, codes)] }));
                    }
                }
            }
        }
        var differences = Join(found.Values.SelectMany(Merge)).OrderBy(d => d.From).ThenBy(d => string.Join(",", d.Regions), StringComparer.Ordinal)
            .ThenBy(d => d.Who, StringComparer.Ordinal).ThenBy(d => string.Join(",", d.Weekdays), StringComparer.Ordinal).ThenBy(d => d.To).ToImmutableArray();
        // Counted after joining, so a period's figure is the number of rows that hold in it.
        var stretch = starts.ToList();
        var periods = stretch.Select((start, i) => (From: start, To: i + 1 < stretch.Count ? stretch[i + 1].PlusDays(-1) : to));
        return new ComparisonResult(differences, [.. periods.Select(p => new ComparedPeriod(p.From, p.To, differences.Count(d => d.From <= p.To && d.To >= p.From)))], classes, complete);
    }

    private static string Outcome(Decision d) => $"{d.Mode}|{string.Join(",", d.Provisions.Select(p => p.Circular + "/" + p.Id))}|{d.Pool}|{string.Join(",", d.Obligations.Select(o => o.Kind))}";

    /// <summary>The parts of a description joined: <c>unit.kind = puskesmas, employee.roles has {guru}</c>.</summary>
    internal static string Words(List<(string Path, string Value)> parts) => parts.Count == 0 ? "anyone" : string.Join(", ", parts.Select(p => $"{p.Path} {p.Value}"));

    /// <summary>The same difference on adjacent stretches of dates, as one; the weekdays it holds on when not every day.</summary>
    private static IEnumerable<Difference> Merge(List<(LocalDate Day, Difference D)> days)
    {
        Difference? run = null;
        var weekdays = new SortedSet<IsoDayOfWeek>();
        foreach (var group in days.GroupBy(d => d.D.From).OrderBy(g => g.Key))
        {
            var d = group.First().D;
            var on = group.Select(x => x.Day.DayOfWeek).ToHashSet();
            var all = Enumerable.Range(0, Math.Min(7, NodaTime.Period.DaysBetween(d.From, d.To) + 1)).Select(i => d.From.PlusDays(i).DayOfWeek).ToHashSet();
            var only = on.SetEquals(all) ? [] : on.Order().ToImmutableArray();
            if (run is not null && NodaTime.Period.DaysBetween(run.To, d.From) == 1 && run.Weekdays.SequenceEqual(only))
            {
                run = run with { To = d.To };
                continue;
            }
            if (run is not null) yield return run;
            run = d with { Weekdays = only };
        }
        if (run is not null) yield return run;
    }

    /// <summary>
    /// Differences alike but for the value of one fact, as one: <c>unit.kind = rsud</c> and
    /// <c>unit.kind = puskesmas</c> become <c>unit.kind in {puskesmas, rsud}</c>.
    /// </summary>
    private static List<Difference> Join(IEnumerable<Difference> differences)
    {
        var list = differences.ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            var groups = list.SelectMany(d => d.Parts.Select((p, i) => (Key: Key(d, i), D: d)))
                .GroupBy(x => x.Key).Where(g => g.Count() > 1 && g.All(x => x.D.Parts.Length > 0)).ToList();
            foreach (var g in groups)
            {
                var members = g.Select(x => x.D).Distinct().ToList();
                if (members.Count < 2 || !members.All(list.Contains)) continue;
                var at = members[0].Parts.Select(p => p.Path).ToList().IndexOf(g.Key.Split('\u0001')[0]);
                // Only codes join into a set ('= x', 'in {…}'); stretches of numbers and sets' members stay apart.
                if (members.Any(m => !m.Parts[at].Value.StartsWith("= ", StringComparison.Ordinal) && !m.Parts[at].Value.StartsWith("in {", StringComparison.Ordinal))) continue;
                var values = members.SelectMany(m => Values(m.Parts[at].Value)).Distinct().Order(StringComparer.Ordinal).ToList();
                if (values.Count < 2) continue;
                var parts = members[0].Parts.SetItem(at, (members[0].Parts[at].Path, $"in {{{string.Join(", ", values)}}}"));
                list.RemoveAll(members.Contains);
                list.Add(members[0] with { Parts = parts, Who = Words([.. parts]), Classes = [.. members.SelectMany(m => m.Classes)] });
                changed = true;
            }
        }
        return list;

        static string Key(Difference d, int i) =>
            d.Parts[i].Path + "\u0001" + string.Join(";", d.Parts.Where((_, j) => j != i).Select(p => p.Path + p.Value)) + "|" + d.From + d.To + string.Join(",", d.Weekdays) + string.Join(",", d.Regions) + "|" + Outcome(d.A) + Outcome(d.B) + string.Join(",", d.Aspects);

        static IEnumerable<string> Values(string v) => v.StartsWith('=') ? [v[2..]] : v[4..^1].Split(", ");
    }

    /// <summary>The first day of each stretch: <paramref name="from"/>, and every start, end (day after) and revocation of a circular naming the region.</summary>
    internal static List<LocalDate> Cuts(CompiledRules[] sides, string region, LocalDate from, LocalDate to)
    {
        var cuts = new SortedSet<LocalDate> { from };
        foreach (var c in sides.SelectMany(s => s.Model.Circulars).Where(c => c.Regions.Contains(region)))
        {
            foreach (var d in new LocalDate?[] { c.From, c.To is { } end && end < LocalDate.MaxIsoValue ? end.PlusDays(1) : null, c.RevokedFrom })
            {
                if (d is { } day && day > from && day <= to) cuts.Add(day);
            }
        }
        return [.. cuts];
    }

    /// <summary>The regions either side names, grouped where both sides have the same circulars and the rules read the same attributes.</summary>
    internal static IEnumerable<(string Region, ImmutableArray<string> Regions)> RegionGroups(CompiledRules[] sides)
    {
        var attributes = sides.SelectMany(s => Conditions.Leaves(s.Model.Circulars.SelectMany(c => c.Deciding.Concat(c.Attaching).Select(p => p.Scope).Append(c.Until))))
            .OfType<TestCondition>().Where(t => t.Field.Entity == Entity.RegionAttribute).Select(t => t.Field).DistinctBy(f => f.Path).ToList();
        var regions = sides.SelectMany(s => s.Model.Circulars).SelectMany(c => c.Regions).Distinct().Order(StringComparer.Ordinal);
        return regions.GroupBy(r => string.Join("|", sides.Select(s => string.Join(",", s.Model.Circulars.Where(c => c.Regions.Contains(r)).Select(c => c.Index))))
                + "|" + string.Join("|", attributes.Select(f => f.Values!.GetValueOrDefault(r)?.ToString() ?? "")))
            .Select(g => (g.First(), g.ToImmutableArray()));
    }
}
