using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Rules.Checking;

/// <summary>
/// Finds pairs of provisions that can both apply to one employee with different outcomes and no
/// stated priority. It searches the values the two scopes mention (plus one value they do not)
/// exhaustively and names a witness, so the analyst sees who would be caught in the conflict.
/// </summary>
internal static class ConflictChecker
{
    /// <summary>Most value combinations tried for one pair before giving up with a warning.</summary>
    public const int MaxCombinations = 1 << 16;

    private static readonly LocalDate Probe = new(2000, 1, 3);

    /// <summary>Conflicts in every circular of <paramref name="rules"/>.</summary>
    public static ImmutableArray<Diagnostic> Check(CompiledRules rules)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var c in rules.Circulars)
        {
            var ps = c.Deciding;
            foreach (var p in ps.Where(p => !p.Model.QuotaRows.IsEmpty)) CheckTable(rules, c, p, diagnostics);
            for (var i = 0; i < ps.Length; i++)
            {
                for (var j = i + 1; j < ps.Length; j++)
                {
                    var (a, b) = (ps[i].Model, ps[j].Model);
                    if (a.Overrides.Contains(j) || b.Overrides.Contains(i) || a.SameEffect(b)) continue;
                    CheckPair(rules.Model, c, ps[i], ps[j], diagnostics);
                }
            }
        }
        // A pair shared by several versions of an amended circular is reported once.
        return [.. diagnostics.Distinct()];
    }

    /// <summary>
    /// One value to choose: a field's value (<paramref name="Field"/>), whether a set field holds one
    /// code (<paramref name="SetCode"/>), or whether the unit had an incident (<paramref name="Incident"/>).
    /// </summary>
    private sealed record Dimension(FieldRef? Field, string? SetCode, string? Incident, FactValue[] Candidates);

    private static void CheckPair(RuleModel model, CompiledCircular c, CompiledProvision a, CompiledProvision b, ImmutableArray<Diagnostic>.Builder into)
    {
        var dims = Dimensions(model, [a.Model.Scope, b.Model.Scope]);
        long combos = 1;
        foreach (var d in dims)
        {
            combos *= d.Candidates.Length;
            if (combos > MaxCombinations)
            {
                into.Add(Diagnostic.Create(DiagnosticCodes.ConflictSearchLimit, b.Model.Decl.Span,
                    $"could not check provisions '{a.Model.Id}' and '{b.Model.Id}' for conflicts: their scopes mention too many values; state an 'overrides' between them"));
                return;
            }
        }
        var choice = new int[dims.Count];
        foreach (var region in Regions(c, [a.Model.Scope, b.Model.Scope]))
        for (long n = 0; n < combos; n++)
        {
            var rest = n;
            for (var k = 0; k < dims.Count; k++)
            {
                choice[k] = (int)(rest % dims[k].Candidates.Length);
                rest /= dims[k].Candidates.Length;
            }
            var scope = Synthetic(model, region, dims, choice);
            if (a.Scope(scope) == Tri.True && b.Scope(scope) == Tri.True)
            {
                var witness = Witness(dims, choice);
                into.Add(Diagnostic.Create(DiagnosticCodes.Conflict, b.Model.Decl.Span,
                    $"provisions '{a.Model.Id}' ({a.Model.Mode!.Value.Word()}) and '{b.Model.Id}' ({b.Model.Mode!.Value.Word()}) of circular '{c.Model.Id}' can both apply, e.g. when {witness}, and neither states 'overrides' for the other"));
                return;
            }
        }
    }

    /// <summary>
    /// Someone in the circular's regions whom no deciding provision decides (with every fact the scopes read
    /// known): they would be not covered, reason no-provision-fits. Searched like conflicts; a circular whose
    /// scopes mention too many values is not searched.
    /// </summary>
    /// <summary>The gaps of every circular of <paramref name="rules"/>: one warning per circular at most (see <see cref="CheckGaps"/>).</summary>
    public static ImmutableArray<Diagnostic> Gaps(CompiledRules rules)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        var reported = new HashSet<string>(StringComparer.Ordinal);
        foreach (var c in rules.Circulars)
        {
            if (reported.Contains(c.Model.Id) || CheckGaps(rules, c) is not { } gap) continue;
            diagnostics.Add(gap);
            reported.Add(c.Model.Id);
        }
        return diagnostics.ToImmutable();
    }

    private static Diagnostic? CheckGaps(CompiledRules rules, CompiledCircular c)
    {
        var scopes = c.Model.Deciding.Select(p => p.Scope).ToList();
        if (scopes.Count == 0 || scopes.Any(s => s is null)) return null;
        var dims = Dimensions(rules.Model, scopes);
        long combos = 1;
        foreach (var d in dims)
        {
            combos *= d.Candidates.Length;
            if (combos > MaxCombinations) return null;
        }
        var choice = new int[dims.Count];
        foreach (var region in Regions(c, scopes))
        for (long n = 0; n < combos; n++)
        {
            var rest = n;
            for (var k = 0; k < dims.Count; k++)
            {
                choice[k] = (int)(rest % dims[k].Candidates.Length);
                rest /= dims[k].Candidates.Length;
            }
            if (!Gap(rules, c, region, dims, choice)) continue;
            // Name only the values that make the gap: a value that can change without closing it is left out.
            var relevant = Enumerable.Range(0, dims.Count).Where(k => Enumerable.Range(0, dims[k].Candidates.Length).Any(v =>
            {
                var other = (int[])choice.Clone();
                other[k] = v;
                return !Gap(rules, c, region, dims, other);
            })).ToList();
            var witness = Witness([.. relevant.Select(k => dims[k])], [.. relevant.Select(k => choice[k])]);
            return Diagnostic.Create(DiagnosticCodes.ProvisionGap, c.Model.Decl.Span,
                $"no provision of circular '{c.Model.Id}' decides when {witness}; such staff are not covered (reason no-provision-fits)");
        }
        return null;
    }

    private static bool Gap(CompiledRules rules, CompiledCircular c, string region, List<Dimension> dims, int[] choice)
    {
        var scope = Synthetic(rules.Model, region, dims, choice);
        return c.Deciding.All(p => p.Scope(scope) == Tri.False);
    }

    /// <summary>
    /// A quota table's rows against each other: where the provision's own scope holds, two rows that both
    /// hold are an error (the first would win silently), no row that holds a warning (the provision does
    /// not apply there). Numbers are tried at every whole value between the thresholds the rows name.
    /// </summary>
    private static void CheckTable(CompiledRules rules, CompiledCircular c, CompiledProvision p, ImmutableArray<Diagnostic>.Builder into)
    {
        var model = p.Model;
        var own = rules.Compiler.Compile(model.OwnScope);
        var rows = p.QuotaRows;
        var dims = Dimensions(rules.Model, [model.OwnScope, .. model.QuotaRows.Select(r => r.When)], within: true);
        if (dims.Aggregate(1L, (n, d) => n * d.Candidates.Length) is var combos && combos > MaxCombinations)
        {
            into.Add(Diagnostic.Create(DiagnosticCodes.ConflictSearchLimit, model.Pool!.Span, $"could not check the quota table of '{model.Id}': its rows mention too many values"));
            return;
        }
        var choice = new int[dims.Count];
        bool overlap = false, gap = false;
        foreach (var region in Regions(c, [model.OwnScope, .. model.QuotaRows.Select(r => r.When)]))
        for (long n = 0; n < combos && !(overlap && gap); n++)
        {
            var rest = n;
            for (var k = 0; k < dims.Count; k++)
            {
                choice[k] = (int)(rest % dims[k].Candidates.Length);
                rest /= dims[k].Candidates.Length;
            }
            var scope = Synthetic(rules.Model, region, dims, choice);
            if (own(scope) != Tri.True) continue;
            var holding = Enumerable.Range(0, rows.Length).Where(i => rows[i](scope) == Tri.True).ToList();
            if (holding.Count > 1 && !overlap)
            {
                overlap = true;
                var (first, second) = (model.QuotaRows[holding[0]], model.QuotaRows[holding[1]]);
                into.Add(Diagnostic.Create(DiagnosticCodes.QuotaRowsOverlap, second.Decl.Span,
                    $"rows {holding[0] + 1} and {holding[1] + 1} of the quota table of '{model.Id}' both hold, e.g. when {Witness(dims, choice)}"));
            }
            if (holding.Count == 0 && !gap)
            {
                gap = true;
                into.Add(Diagnostic.Create(DiagnosticCodes.QuotaRowsGap, model.Pool!.Span,
                    $"no row of the quota table of '{model.Id}' holds when {Witness(dims, choice)}; there the provision does not apply"));
            }
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
                parts.Add($"{(incident is not null ? "an incident " + incident : field!.Path)} = {Show(dims[k].Candidates[choice[k]])}");
                continue;
            }
            if (!sets.TryGetValue(field!.Path, out var members)) sets[field.Path] = members = [];
            if (dims[k].Candidates[choice[k]] is BoolFact { Value: true }) members.Add(code);
        }
        parts.AddRange(sets.Select(s => $"{s.Key} = {{{string.Join(", ", s.Value)}}}"));
        return string.Join(", ", parts);
    }

    private static string Show(FactValue v) => v switch
    {
        CodeFact cf => cf.Code,
        CodeSetFact s => "{" + string.Join(", ", s.Codes) + "}",
        BoolFact b => b.Value ? "true" : "false",
        NumberFact n => n.Value.ToString(System.Globalization.CultureInfo.InvariantCulture),
        _ => "?",
    };

    private static List<Dimension> Dimensions(RuleModel model, IEnumerable<Condition?> roots, bool within = false)
    {
        var mentioned = new SortedDictionary<string, (FieldRef Field, List<FactValue> Values)>(StringComparer.Ordinal);
        var incidents = new SortedSet<string>(StringComparer.Ordinal);
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
                case IncidentCondition i:
                    incidents.Add(i.Kind);
                    break;
            }
        }
        var dims = new List<Dimension>();
        foreach (var (_, (field, values)) in mentioned) dims.AddRange(Expand(model, field, values, within));
        dims.AddRange(incidents.Select(kind => new Dimension(null, null, kind, [new BoolFact(false), new BoolFact(true)])));
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

    private static EvalScope Synthetic(RuleModel model, string region, List<Dimension> dims, int[] choice)
    {
        var employee = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
        var unit = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
        var top = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
        var status = new Dictionary<string, ImmutableDictionary<string, FactValue>.Builder>(StringComparer.Ordinal);
        var sets = new Dictionary<(ImmutableDictionary<string, FactValue>.Builder, string), List<string>>();
        var incidents = ImmutableArray.CreateBuilder<Incident>();
        for (var k = 0; k < dims.Count; k++)
        {
            var value = dims[k].Candidates[choice[k]];
            if (dims[k].Incident is { } kind)
            {
                if (value is BoolFact { Value: true }) incidents.Add(new Incident(kind, "u", Probe));
                continue;
            }
            var field = dims[k].Field!;
            ImmutableDictionary<string, FactValue>.Builder target;
            if (field.Entity == Entity.Region)
            {
                if (!status.TryGetValue(field.Series!, out target!)) status[field.Series!] = target = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
            }
            else target = field.Entity switch { Entity.Employee => employee, Entity.Unit => unit, _ => top };
            if (dims[k].SetCode is { } code)
            {
                if (!sets.TryGetValue((target, field.Key), out var list)) sets[(target, field.Key)] = list = [];
                if (value is BoolFact { Value: true }) list.Add(code);
            }
            else target[field.Key] = value;
        }
        foreach (var ((target, key), list) in sets) target[key] = new CodeSetFact([.. list.Order(StringComparer.Ordinal)]);
        var regions = ImmutableDictionary<string, RegionStatus>.Empty.Add(region, new RegionStatus(region,
            status.ToImmutableDictionary(s => s.Key, s => ImmutableArray.Create(new StatusEntry(Probe, s.Value.ToImmutable())), StringComparer.Ordinal)));
        var units = ImmutableArray.Create(
            new UnitFacts("u", null, region, "t", unit.ToImmutable(), SourceSpan.None),
            new UnitFacts("t", null, region, null, top.ToImmutable(), SourceSpan.None));
        var e = new EmployeeFacts("e", "u", employee.ToImmutable(), SourceSpan.None);
        var facts = new FactsFile("", CalendarFacts.Default, regions, units, [e], incidents.ToImmutable(), []);
        var index = new FactIndex(facts, model.Layout);
        var scope = new EvalScope(index) { Date = Probe };
        scope.SetEmployee(index.Employees[0]);
        return scope;
    }
}
