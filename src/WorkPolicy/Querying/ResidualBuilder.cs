using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Analysis;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Querying;

/// <summary>
/// Partial evaluation of the rules for a date and the known facts (regions, units, calendar, incidents): for each unit,
/// the employee fields its region's rules read are split into classes (<see cref="FieldClasses"/>), and the reference
/// interpreter decides a synthetic employee of the unit for a choice of classes — fields not yet chosen held unknown.
/// A decision that is not indeterminate with fields unknown is the decision of every employee whose chosen fields are in
/// those classes (an unknown that could change the answer makes it indeterminate: docs/semantics.md), so that branch
/// stops; otherwise the next field is chosen. No rule is read here: what a mode means is the walk's, asked.
/// </summary>
internal static class ResidualBuilder
{
    /// <summary>The most decisions asked for one unit before it is left out (WP0326).</summary>
    public const int MaxDecisionsPerUnit = 50_000;

    public static (ResidualDecisions Residual, ImmutableArray<Diagnostic> Diagnostics) Build(RuleModel model, FactsFile known, LocalDate on,
        CancellationToken cancellationToken = default, int maxDecisionsPerUnit = MaxDecisionsPerUnit)
    {
        var rules = CompiledRules.Compile(model, reference: true);
        var index = new FactIndex(known with { Employees = [] }, model.Layout);
        var evaluator = new Evaluator(rules, index);
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var terms = new List<ResidualTerm>();
        var unsupported = new List<string>();
        var byRegion = known.Units.GroupBy(u => u.Region).OrderBy(g => g.Key, StringComparer.Ordinal);
        foreach (var region in byRegion)
        {
            var leaves = Conditions.Leaves(FactSpace.Roots(rules, region.Key));
            var units = region.OrderBy(u => u.Id, StringComparer.Ordinal).ToList();
            // Per field read, its splits (a set has one per group of codes asked alike), in path order.
            var split = leaves.OfType<TestCondition>().Where(t => t.Field.Entity is Entity.Employee or Entity.EmployeeStatus)
                .GroupBy(t => t.Field.Path).OrderBy(g => g.Key, StringComparer.Ordinal)
                .SelectMany(g => FieldClasses.Of(g.First().Field, [.. g], on).Select(classes => (g.First().Field, classes)))
                // Each rank test a split of its own, after the fields.
                .Concat(leaves.OfType<RankCondition>().Select(r => (r.Field, RankTest.Classes(r)))).ToList();
            // Units alike to the rules (the same facts of their own and of their perangkat daerah, no incident) share their split.
            var shared = new Dictionary<string, List<Cell>?>(StringComparer.Ordinal);
            var unitsOf = new Dictionary<List<Cell>, List<string>>(ReferenceEqualityComparer.Instance);
            foreach (var unit in units)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var key = Signature(known, index, unit);
                if (key is null || !shared.TryGetValue(key, out var cells))
                {
                    cells = Split(evaluator, index, unit, split, on, maxDecisionsPerUnit);
                    // Remembered either way: a unit alike to one that split into too many classes is not split again.
                    if (key is not null) shared[key] = cells;
                    if (cells is not null) unitsOf[cells] = [];
                }
                if (cells is null)
                {
                    diagnostics.Add(Diagnostic.Create(Diagnostics.DiagnosticMessages.QueryTooManyClasses, SourceSpan.At(known.Path, 1, 1), unit.Id, maxDecisionsPerUnit));
                    unsupported.Add(unit.Id);
                    continue;
                }
                unitsOf[cells].Add(unit.Id);
            }
            foreach (var (cells, ids) in unitsOf)
                terms.AddRange(Terms(rules, split, Merge(cells, split), ids));
        }
        // Units with the same residual part, whatever made them alike (and whatever their region), are one term.
        var merged = terms.GroupBy(t => (t.Mode, t.Provision, Conditions: string.Join(" and ", t.Conditions.Select(c => c.Text))))
            .Select(g => g.First() with { Units = [.. g.SelectMany(t => t.Units).Order(StringComparer.Ordinal)] });
        var ordered = merged.OrderBy(t => t.Mode).ThenBy(t => t.Provision ?? "", StringComparer.Ordinal).ThenBy(t => t.Units[0], StringComparer.Ordinal).ThenBy(t => t.ToString(), StringComparer.Ordinal);
        var trees = known.Units.GroupBy(u => (index.TopUnit(u.Id) ?? u).Id, StringComparer.Ordinal)
            .SelectMany(g => g.Select(u => (u.Id, Tree: (ValueList<string>)[.. g.Select(x => x.Id).Order(StringComparer.Ordinal)])))
            .ToDictionary(p => p.Id, p => p.Tree, StringComparer.Ordinal);
        return (new ResidualDecisions(on, [.. ordered], [.. known.Units.Select(u => u.Id).Order(StringComparer.Ordinal)], [.. unsupported.Order(StringComparer.Ordinal)]) { Trees = trees },
            diagnostics.ToImmutable());
    }

    /// <summary>A choice of classes (per field: a class, or -1 where the decision did not need the field) and its verdict.</summary>
    private sealed record Cell(int[] Choice, Verdict Verdict);

    /// <summary>The cells of a unit, by depth-first choice; null past <paramref name="maxDecisions"/> decisions.</summary>
    private static List<Cell>? Split(Evaluator evaluator, FactIndex index, UnitFacts unit, List<(FieldRef Field, ImmutableArray<FieldClass> Classes)> fields, LocalDate on, int maxDecisions)
    {
        var cells = new List<Cell>();
        var choice = Enumerable.Repeat(-1, fields.Count).ToArray();
        var asked = 0;
        var stack = new Stack<(int[] Choice, int Next)>();
        stack.Push((choice, 0));
        while (stack.Count > 0)
        {
            var (current, next) = stack.Pop();
            if (++asked > maxDecisions) return null;
            var verdict = evaluator.Classify(Row(index, Synthetic(unit, fields, current, on), fields, current), on);
            if (verdict.Mode != WorkMode.Indeterminate || next == fields.Count)
            {
                cells.Add(new Cell(current, verdict));
                continue;
            }
            // Pushed in reverse, so classes are taken in their order.
            for (var k = fields[next].Classes.Length - 1; k >= 0; k--)
            {
                var chosen = (int[])current.Clone();
                chosen[next] = k;
                stack.Push((chosen, next + 1));
            }
        }
        return cells;
    }

    /// <summary>The synthetic employee's row, with the outcome chosen for each rank test (unknown where none is chosen yet).</summary>
    private static EmployeeRow Row(FactIndex index, EmployeeFacts synthetic, List<(FieldRef Field, ImmutableArray<FieldClass> Classes)> fields, int[] choice)
    {
        var row = index.Row(synthetic);
        var ranks = new Dictionary<RankCondition, Tri>(ReferenceEqualityComparer.Instance);
        for (var i = 0; i < fields.Count; i++)
            if (fields[i].Classes[0].Test is RankTest r) ranks[r.Rank] = choice[i] < 0 ? Tri.Unknown : ((RankTest)fields[i].Classes[choice[i]].Test).Outcome;
        return ranks.Count == 0 ? row : new EmployeeRow(row.Facts, row.Slots, row.Unit, row.TopUnit) { RegionNumber = row.RegionNumber, RankOutcomes = ranks };
    }

    /// <summary>
    /// An employee of <paramref name="unit"/> with each chosen field at its class's value (absent for the absent class)
    /// and each field not chosen unknown whatever its default: a value of another type than the field's, which every test
    /// reads as unknown (docs/semantics.md), where absence would read as the default.
    /// </summary>
    private static EmployeeFacts Synthetic(UnitFacts unit, List<(FieldRef Field, ImmutableArray<FieldClass> Classes)> fields, int[] choice, LocalDate on)
    {
        var values = new Dictionary<string, FactValue>(StringComparer.Ordinal);
        var series = new Dictionary<string, ImmutableDictionary<string, FactValue>>(StringComparer.Ordinal);
        for (var i = 0; i < fields.Count;)
        {
            if (fields[i].Classes[0].Test is RankTest)
            {
                i++;
                continue;
            }
            // A field's splits are next to each other (a set's groups): its value is made of all of them.
            var field = fields[i].Field;
            var end = i;
            while (end < fields.Count && fields[end].Field.Path == field.Path && fields[end].Classes[0].Test is not RankTest) end++;
            var chosen = Enumerable.Range(i, end - i).Select(k => choice[k] < 0 ? null : fields[k].Classes[choice[k]]).ToList();
            FactValue? value;
            if (chosen.Any(c => c is null)) value = field.Kind == FieldKind.OneOf ? new NumberFact(0) : new CodeFact("\u0000unknown");
            else if (field.Kind != FieldKind.SetOf || chosen.Any(c => c!.Representative is null)) value = chosen[0]!.Representative;
            else value = new CodeSetFact([.. chosen.SelectMany(c => ((CodeSetFact)c!.Representative!).Codes).Order(StringComparer.Ordinal)]);
            i = end;
            if (field.Entity == Entity.EmployeeStatus)
            {
                // A dated series: an entry in force on the date holding the chosen values; none when every field of the series is absent.
                var entry = series.GetValueOrDefault(field.Series!, ImmutableDictionary<string, FactValue>.Empty.WithComparers(StringComparer.Ordinal));
                series[field.Series!] = value is null ? entry : entry.SetItem(field.Key, value);
                continue;
            }
            if (value is not null) values[field.Key] = value;
        }
        var status = series.Where(s => !s.Value.IsEmpty).ToImmutableDictionary(s => s.Key, s => ImmutableArray.Create(new StatusEntry(on, s.Value)), StringComparer.Ordinal);
        return new EmployeeFacts("\u0000residual", unit.Id, values, SourceSpan.None) { Status = status };
    }

    /// <summary>What the rules can read of a unit, as text; null when an incident is near it (such units are split one by one).</summary>
    private static string? Signature(FactsFile known, FactIndex index, UnitFacts unit)
    {
        var top = index.TopUnit(unit.Id) ?? unit;
        if (known.Incidents is { IsEmpty: false } incidents && incidents.Any(i => i.Unit == unit.Id || index.TopUnit(i.Unit)?.Id == top.Id)) return null;
        // Values as the analysis writes them (a set by its codes): a record's own text would print a set's type, not its codes.
        static string Fields(UnitFacts u) => string.Join(";", u.Fields.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={ConflictChecker.Show(f.Value)}"));
        return $"{unit.Region}|{Fields(unit)}|{(ReferenceEquals(top, unit) ? "=" : Fields(top))}|{known.Incidents is null}";
    }

    /// <summary>Cells merged while two differ in one field only, the same verdict otherwise: a field whose classes all merge drops out.</summary>
    private static List<(HashSet<int>[] Sets, Verdict Verdict)> Merge(List<Cell> cells, List<(FieldRef Field, ImmutableArray<FieldClass> Classes)> fields)
    {
        var terms = cells.Select(c => (Sets: c.Choice.Select((k, i) => k < 0 ? Enumerable.Range(0, fields[i].Classes.Length).ToHashSet() : [k]).ToArray(), c.Verdict)).ToList();
        for (var changed = true; changed;)
        {
            changed = false;
            for (var f = 0; f < fields.Count; f++)
            {
                var groups = terms.GroupBy(t => (t.Verdict, Key: string.Join("|", t.Sets.Select((s, i) => i == f ? "*" : string.Join(",", s.Order()))))).ToList();
                if (groups.All(g => g.Count() == 1)) continue;
                changed = true;
                terms = [.. groups.Select(g => (Sets: g.First().Sets.Select((s, i) => i == f ? g.SelectMany(t => t.Sets[f]).ToHashSet() : s).ToArray(), g.Key.Verdict))];
            }
        }
        return terms;
    }

    private static IEnumerable<ResidualTerm> Terms(CompiledRules rules, List<(FieldRef Field, ImmutableArray<FieldClass> Classes)> fields, List<(HashSet<int>[] Sets, Verdict Verdict)> merged, List<string> units)
    {
        foreach (var (sets, verdict) in merged)
        {
            var conditions = new List<ResidualCondition>();
            for (var i = 0; i < fields.Count; i++)
            {
                if (sets[i].Count == fields[i].Classes.Length) continue;
                var chosen = sets[i].Order().Select(k => fields[i].Classes[k].Test).ToList();
                conditions.Add(new ResidualCondition(fields[i].Field.Path, ClassText.Describe(fields[i].Field.Path, chosen)) { Classes = [.. chosen] });
            }
            var provision = verdict.Decided ? $"{rules.Circulars[verdict.Circular].Model.Id}/{rules.Circulars[verdict.Circular].Deciding[verdict.Provision].Model.Id}" : null;
            yield return new ResidualTerm(verdict.Mode, provision, [.. units], [.. conditions]);
        }
    }
}
