using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Analysis;

internal static partial class ConflictChecker
{
    private static readonly LocalDate Probe = new(2000, 1, 3);

    /// <summary>
    /// One value to choose: a field's value (<paramref name="Field"/>), whether a set field holds one
    /// code (<paramref name="SetCode"/>), or whether the unit had an incident (<paramref name="Incident"/>).
    /// </summary>
    internal sealed record Dimension(FieldRef? Field, string? SetCode, string? Incident, FactValue[] Candidates);

    /// <summary>
    /// Every combination of the candidate values of <paramref name="dims"/> (the same array, refilled), or null
    /// when there are more than <see cref="MaxCombinations"/>.
    /// </summary>
    private static IEnumerable<int[]>? Combinations(List<Dimension> dims)
    {
        long combos = 1;
        foreach (var d in dims)
        {
            combos *= d.Candidates.Length;
            if (combos > MaxCombinations) return null;
        }
        return Enumerate(dims, combos);
    }

    private static IEnumerable<int[]> Enumerate(List<Dimension> dims, long combos)
    {
        var choice = new int[dims.Count];
        for (long n = 0; n < combos; n++)
        {
            var rest = n;
            for (var k = 0; k < dims.Count; k++)
            {
                choice[k] = (int)(rest % dims[k].Candidates.Length);
                rest /= dims[k].Candidates.Length;
            }
            yield return choice;
        }
    }

    /// <summary>"employee.position = pengawas, employee.roles has {sopir}" — set dimensions are shown as one set.</summary>
    private static string Witness(List<Dimension> dims, int[] choice)
    {
        if (dims.Count == 0) return "any employee";
        var parts = new List<string>();
        var sets = new SortedDictionary<string, List<string>>(StringComparer.Ordinal);
        for (var k = 0; k < dims.Count; k++)
        {
            var (field, code, incident) = (dims[k].Field, dims[k].SetCode, dims[k].Incident);
            if (code is null)
            {
                var value = dims[k].Candidates[choice[k]];
                parts.Add(incident is not null ? $"incident {incident} {IncidentText(value)}"
                    : field!.Kind == FieldKind.Date && value is NumberFact age ? $"age({field.Path}) = {Show(age)}"
                    : $"{field!.Path} = {Show(value)}");
                continue;
            }
            if (!sets.TryGetValue(field!.Path, out var members)) sets[field.Path] = members = [];
            if (dims[k].Candidates[choice[k]] is BoolFact { Value: true }) members.Add(code);
        }
        parts.AddRange(sets.Select(s => $"{s.Key} = {{{string.Join(", ", s.Value)}}}"));
        return string.Join(", ", parts);
    }

    /// <summary>Most days back an incident's confirmation is tried.</summary>
    private const int MaxIncidentAge = 60;

    /// <summary>An incident candidate in words: <c>none</c>, <c>confirmed that day</c>, <c>confirmed 3 days before</c>.</summary>
    internal static string IncidentText(FactValue v) => v switch
    {
        NumberFact { Value: 0 } => "confirmed that day",
        NumberFact { Value: 1 } => "confirmed 1 day before",
        NumberFact n => $"confirmed {n.Value} days before",
        BoolFact { Value: true } => "confirmed that day",
        _ => "none",
    };

    /// <summary>
    /// The fact a candidate stands for on <paramref name="day"/>: an age tried for a date field is the birth date that
    /// gives that age that day (the birthday itself); any other candidate is itself.
    /// </summary>
    internal static FactValue Concrete(FieldRef field, FactValue value, LocalDate day) =>
        field.Kind == FieldKind.Date && value is NumberFact age
            ? new DateFact(day.Year - (int)age.Value > -9998 ? day.PlusYears(-(int)age.Value) : LocalDate.MinIsoValue)
            : value;

    internal static string Show(FactValue v) => v switch
    {
        CodeFact cf => cf.Code,
        CodeSetFact s => "{" + string.Join(", ", s.Codes) + "}",
        BoolFact b => b.Value ? "true" : "false",
        NumberFact n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        DateFact d => Parsing.Values.Text(d.Value),
        _ => "?",
    };

    internal static List<Dimension> Dimensions(RuleModel model, IEnumerable<Condition?> roots, bool within = false)
    {
        var mentioned = new SortedDictionary<string, (FieldRef Field, List<FactValue> Values)>(StringComparer.Ordinal);
        var incidents = new SortedDictionary<string, int>(StringComparer.Ordinal);
        foreach (var leaf in Conditions.Leaves(roots))
        {
            switch (leaf)
            {
                case TestCondition { Field.Entity: Entity.RegionAttribute }:
                    // Each region's own value is tried (see Regions), not made up.
                    break;
                case TestCondition t:
                    if (!mentioned.TryGetValue(t.Field.Path, out var use)) mentioned[t.Field.Path] = use = (t.Field, []);
                    use.Values.AddRange(t.Values);
                    break;
                case RankCondition r:
                    // Every level is tried (and one code that is none); the synthetic employee is alone in their unit, so
                    // holds its highest level: being outranked is not tried (docs/analysis.md says so).
                    if (!mentioned.TryGetValue(r.Field.Path, out var ranked)) mentioned[r.Field.Path] = ranked = (r.Field, []);
                    ranked.Values.AddRange(r.Field.Decl.Rank.Select(level => (FactValue)new CodeFact(level)));
                    break;
                case IncidentCondition i:
                    // How many days back a confirmation can still count: its offset plus its days (doubled for
                    // working days, which a weekend stretches).
                    incidents[i.Kind] = Math.Max(incidents.GetValueOrDefault(i.Kind), (i.StartOffset + i.Days) * (i.WorkingDays ? 2 : 1) + 1);
                    break;
            }
        }
        var dims = new List<Dimension>();
        foreach (var (_, (field, values)) in mentioned) dims.AddRange(Expand(model, field, values, within));
        // An incident is none, or one confirmed so many days before the date looked at: each age a test can tell apart.
        dims.AddRange(incidents.Select(i => new Dimension(null, null, i.Key,
            [new BoolFact(false), .. Enumerable.Range(0, Math.Min(i.Value, MaxIncidentAge) + 1).Select(age => (FactValue)new NumberFact(age))])));
        return dims;
    }

    /// <summary>The values worth trying for one field: those the scopes name, and one they do not (or the numbers beside each threshold).</summary>
    private static IEnumerable<Dimension> Expand(RuleModel model, FieldRef field, List<FactValue> values, bool within)
    {
        var codes = values.OfType<CodeFact>().Select(c => c.Code).Distinct().Order(StringComparer.Ordinal).ToList();
        switch (field.Kind)
        {
            case FieldKind.OneOf:
                var candidates = codes.Select(c => (FactValue)model.Layout.Code(c)!).ToList();
                if (field.Decl.Codes.FirstOrDefault(cd => !codes.Contains(cd)) is { } other) candidates.Add(model.Layout.Code(other)!);
                yield return new Dimension(field, null, null, [.. candidates]);
                break;
            case FieldKind.SetOf:
                // One yes/no dimension per mentioned code; a set is assembled from them.
                foreach (var v in codes) yield return new Dimension(field, v, null, [new BoolFact(false), new BoolFact(true)]);
                break;
            case FieldKind.Bool:
                yield return new Dimension(field, null, null, [new BoolFact(false), new BoolFact(true)]);
                break;
            case FieldKind.Date:
                // The dates the tests name and the days beside them; for ages, the years beside each threshold, made
                // into birth dates on the day looked at (Concrete).
                var dates = values.OfType<DateFact>().Select(d => d.Value)
                    .SelectMany(d => new[] { d == LocalDate.MinIsoValue ? d : d.PlusDays(-1), d, d == LocalDate.MaxIsoValue ? d : d.PlusDays(1) }).Distinct().Order().Select(d => (FactValue)new DateFact(d));
                var ages = values.OfType<NumberFact>().Select(n => n.Value)
                    .SelectMany(n => new[] { n - 1, n, n + 1 }).Where(n => n >= 0).Distinct().Order().Select(n => (FactValue)new NumberFact(n));
                var both = dates.Concat(ages).ToArray();
                yield return new Dimension(field, null, null, both.Length > 0 ? both : [new DateFact(Probe)]);
                break;
            case FieldKind.Number when within && Between(values.OfType<NumberFact>().Select(n => n.Value).ToList()) is { } range:
                yield return new Dimension(field, null, null, [.. range.Select(n => (FactValue)new NumberFact(n))]);
                break;
            default:
                var numbers = values.OfType<NumberFact>().Select(n => n.Value)
                    .SelectMany(n => new[] { n == decimal.MinValue ? n : n - 1, n, n == decimal.MaxValue ? n : n + 1 }).Distinct().Order().Select(n => (FactValue)new NumberFact(n)).ToArray();
                yield return new Dimension(field, null, null, numbers.Length > 0 ? numbers : [new NumberFact(0)]);
                break;
        }
    }

    /// <summary>One region of the circular for each combination of the region attributes the scopes read.</summary>
    private static IEnumerable<string> Regions(CompiledCircular c, IEnumerable<Condition?> scopes)
    {
        var attributes = Conditions.Leaves(scopes).OfType<TestCondition>().Where(t => t.Field.Entity == Entity.RegionAttribute)
            .Select(t => t.Field).DistinctBy(f => f.Key).ToList();
        return c.Model.Regions.Order(StringComparer.Ordinal)
            .DistinctBy(r => string.Join("|", attributes.Select(f => f.Values!.GetValueOrDefault(r)?.ToString() ?? "")))
            .DefaultIfEmpty("r");
    }

    /// <summary>Every whole number from the smallest to the largest threshold, when they are whole and not too far apart.</summary>
    private static List<decimal>? Between(List<decimal> thresholds)
    {
        if (thresholds.Count == 0 || thresholds.Any(t => t != decimal.Truncate(t))) return null;
        var (low, high) = (thresholds.Min(), thresholds.Max());
        if (high - low > 256) return null;
        var range = new List<decimal>();
        for (var n = low; n <= high; n++) range.Add(n);
        return range;
    }

    internal static DecisionSubject Synthetic(RuleModel model, string region, List<Dimension> dims, int[] choice)
    {
        var chosen = Chosen(dims, choice, Probe);
        if (chosen.Status.Count == 0 && chosen.Personal.Count == 0 && chosen.Incidents.Count == 0)
        {
            // An optimisation (a search tries thousands of choices): with no region status, personal series or incident
            // among the choices, the index of the region's empty synthetic facts (made once) serves every choice, and
            // only the employee, unit and perangkat daerah rows are laid out anew, from the chosen fields as they are —
            // what indexing the facts would give, without making the facts (their immutable maps were a quarter of a
            // national rule set's check).
            var shared = EmptyIndex(model, region);
            var fast = new DecisionSubject(shared) { Date = Probe };
            fast.SetEmployee(shared.Detached(new EmployeeFacts("e", "u", chosen.Employee, SourceSpan.None),
                new UnitFacts("u", null, region, "t", chosen.Unit, SourceSpan.None), new UnitFacts("t", null, region, null, chosen.Top, SourceSpan.None)));
            return fast;
        }
        var index = new FactIndex(FactsOf(region, chosen), model.Layout);
        var scope = new DecisionSubject(index) { Date = Probe };
        scope.SetEmployee(index.Employees[0]);
        return scope;
    }

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<RuleModel, System.Collections.Concurrent.ConcurrentDictionary<string, FactIndex>> EmptyIndexes = new();

    /// <summary>The index of <paramref name="region"/>'s synthetic facts with nothing chosen, made once per model and region.</summary>
    private static FactIndex EmptyIndex(RuleModel model, string region) =>
        EmptyIndexes.GetValue(model, _ => new(StringComparer.Ordinal))
            .GetOrAdd(region, r => new FactIndex(SyntheticFacts(r, [], [], Probe), model.Layout));

    /// <summary>The chosen values by where they go: the employee's, unit's and top unit's fields, the region's and the
    /// employee's dated series, the incidents.</summary>
    internal sealed record ChosenFields(
        Dictionary<string, FactValue> Employee, Dictionary<string, FactValue> Unit, Dictionary<string, FactValue> Top,
        Dictionary<string, Dictionary<string, FactValue>> Status, Dictionary<string, Dictionary<string, FactValue>> Personal, List<Incident> Incidents);

    /// <summary>
    /// One employee "e" of unit "u" (top unit "t") in <paramref name="region"/> with the chosen values; a
    /// dimension chosen -1 is left out (unknown, or its default). Status holds from long before any
    /// circular; an incident is confirmed on <paramref name="incidentDay"/>.
    /// </summary>
    internal static FactsFile SyntheticFacts(string region, IReadOnlyList<Dimension> dims, int[] choice, LocalDate incidentDay) =>
        FactsOf(region, Chosen(dims, choice, incidentDay));

    private static ChosenFields Chosen(IReadOnlyList<Dimension> dims, int[] choice, LocalDate incidentDay)
    {
        var chosen = new ChosenFields(new(StringComparer.Ordinal), new(StringComparer.Ordinal), new(StringComparer.Ordinal),
            new(StringComparer.Ordinal), new(StringComparer.Ordinal), []);
        Dictionary<(Dictionary<string, FactValue>, string), List<string>>? sets = null;
        for (var k = 0; k < dims.Count; k++)
        {
            if (choice[k] < 0) continue;
            var value = dims[k].Candidates[choice[k]];
            if (dims[k].Incident is { } kind)
            {
                if (value is BoolFact { Value: true }) chosen.Incidents.Add(new Incident(kind, "u", incidentDay));
                else if (value is NumberFact age) chosen.Incidents.Add(new Incident(kind, "u", incidentDay.PlusDays(-(int)age.Value)));
                continue;
            }
            var field = dims[k].Field!;
            Dictionary<string, FactValue> target;
            if (field.Entity is Entity.Region or Entity.EmployeeStatus)
            {
                var series = field.Entity == Entity.Region ? chosen.Status : chosen.Personal;
                if (!series.TryGetValue(field.Series!, out target!)) series[field.Series!] = target = new(StringComparer.Ordinal);
            }
            else target = field.Entity switch { Entity.Employee => chosen.Employee, Entity.Unit => chosen.Unit, _ => chosen.Top };
            if (dims[k].SetCode is { } code)
            {
                sets ??= [];
                if (!sets.TryGetValue((target, field.Key), out var list)) sets[(target, field.Key)] = list = [];
                if (value is BoolFact { Value: true }) list.Add(code);
            }
            else target[field.Key] = Concrete(field, value, incidentDay);
        }
        if (sets is not null)
            foreach (var ((target, key), list) in sets) target[key] = new CodeSetFact([.. list.Order(StringComparer.Ordinal)]);
        return chosen;
    }

    private static FactsFile FactsOf(string region, ChosenFields chosen)
    {
        static ImmutableDictionary<string, ImmutableArray<StatusEntry>> Series(Dictionary<string, Dictionary<string, FactValue>> series) =>
            series.ToImmutableDictionary(s => s.Key, s => ImmutableArray.Create(new StatusEntry(Probe, s.Value.ToImmutableDictionary(StringComparer.Ordinal))), StringComparer.Ordinal);
        var regions = ImmutableDictionary<string, RegionStatus>.Empty.Add(region, new RegionStatus(region, Series(chosen.Status)));
        var units = ImmutableArray.Create(
            new UnitFacts("u", null, region, "t", chosen.Unit.ToImmutableDictionary(StringComparer.Ordinal), SourceSpan.None),
            new UnitFacts("t", null, region, null, chosen.Top.ToImmutableDictionary(StringComparer.Ordinal), SourceSpan.None));
        var e = new EmployeeFacts("e", "u", chosen.Employee.ToImmutableDictionary(StringComparer.Ordinal), SourceSpan.None) { Status = Series(chosen.Personal) };
        return new FactsFile("", CalendarFacts.Default, regions, units, [e], [.. chosen.Incidents], []);
    }
}
