using System.Collections.Immutable;
using WorkPolicy.Ast;
using WorkPolicy.Checking;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;
using Dimension = WorkPolicy.Analysis.ConflictChecker.Dimension;

namespace WorkPolicy.Analysis;

/// <summary>
/// One fact the rules read, as a choice among its classes: a field's values (those the conditions name,
/// one they do not, the numbers either side of each threshold), a set field's subsets of the codes the
/// conditions name, or whether the unit had an incident of a kind.
/// </summary>
/// <param name="Dims">The search dimensions it assigns together (several for a set field: one per code).</param>
/// <param name="Choices">Each choice: one candidate index per dimension.</param>
/// <param name="Defaulted">Whether the field states a default: absent, it is not unknown, so it is always chosen.</param>
internal sealed record Axis(ImmutableArray<int> Dims, ImmutableArray<ImmutableArray<int>> Choices, bool Defaulted)
{
    /// <summary>The path the axis is about, e.g. <c>unit.kind</c>, or <c>incident covid</c>.</summary>
    public required string Path { get; init; }

    /// <summary>What a missing-fact path names this axis by: <c>employees[e].position</c>, <c>regions.r.ppkm</c>, <c>incidents</c>.</summary>
    public required string MissingKey { get; init; }
}

/// <summary>
/// The finite space of facts several rule sets read in one region: the axes, and a synthetic employee
/// for any partial choice (an axis not chosen is absent: unknown, or its default).
/// </summary>
internal sealed class FactSpace
{
    private FactSpace(string region, List<Dimension> dims, ImmutableArray<Axis> axes)
    {
        Region = region;
        Dims = dims;
        Axes = axes;
    }

    /// <summary>The region the synthetic employee works in.</summary>
    public string Region { get; }

    /// <summary>The search dimensions, merged over the rule sets.</summary>
    public List<Dimension> Dims { get; }

    /// <summary>The axes: defaulted ones first, then in path order.</summary>
    public ImmutableArray<Axis> Axes { get; }

    /// <summary>
    /// The space of what <paramref name="sides"/> read in <paramref name="region"/>: the scopes of every
    /// provision of their circulars that name it, their end conditions and quota rows.
    /// </summary>
    public static FactSpace Of(IReadOnlyList<CompiledRules> sides, string region)
    {
        var merged = new SortedDictionary<string, (Dimension Dim, Dictionary<string, FactValue> Values)>(StringComparer.Ordinal);
        var named = new Dictionary<string, ImmutableArray<string>>(StringComparer.Ordinal);
        // Per set field and code, the tests that name it: codes named by the same tests are alike to the rules.
        var namedBy = new Dictionary<(string Path, string Code), List<string>>();
        var side = 0;
        foreach (var rules in sides)
        {
            side++;
            var roots = Roots(rules, region);
            foreach (var t in Conditions.Leaves(roots).OfType<TestCondition>().Where(t => t.Field.Kind == FieldKind.OneOf))
                named[t.Field.Path] = [.. named.GetValueOrDefault(t.Field.Path, []).Concat(t.Values.OfType<CodeFact>().Select(c => c.Code)).Distinct().Order(StringComparer.Ordinal)];
            var leaves = Conditions.Leaves(roots);
            for (var i = 0; i < leaves.Count; i++)
            {
                if (leaves[i] is not TestCondition { Field.Kind: FieldKind.SetOf } set) continue;
                foreach (var code in set.Values.OfType<CodeFact>())
                {
                    if (!namedBy.TryGetValue((set.Field.Path, code.Code), out var by)) namedBy[(set.Field.Path, code.Code)] = by = [];
                    by.Add($"{side}:{i}");
                }
            }
            foreach (var d in ConflictChecker.Dimensions(rules.Model, roots))
            {
                var key = $"{d.Field?.Path ?? "incident " + d.Incident}|{d.SetCode}";
                if (!merged.TryGetValue(key, out var m)) merged[key] = m = (d, new Dictionary<string, FactValue>(StringComparer.Ordinal));
                foreach (var v in d.Candidates) m.Values.TryAdd(ConflictChecker.Show(v), v);
            }
        }
        // Of codes alike (named by the same has / has-any tests), one stands for all: having one is having any.
        var standsFor = new Dictionary<(string, string), ImmutableArray<string>>();
        foreach (var g in namedBy.GroupBy(kv => (kv.Key.Path, string.Join(",", kv.Value.Order(StringComparer.Ordinal)))))
        {
            var codes = g.Select(kv => kv.Key.Code).Order(StringComparer.Ordinal).ToImmutableArray();
            standsFor[(g.Key.Path, codes[0])] = codes;
        }
        var dims = merged.Values.Select(m => m.Dim with { Candidates = [.. m.Values.Values] })
            .Where(d => d.SetCode is null || standsFor.ContainsKey((d.Field!.Path, d.SetCode))).ToList();
        var axes = new List<Axis>();
        foreach (var group in Enumerable.Range(0, dims.Count).GroupBy(k => dims[k].Field?.Path ?? "incident " + dims[k].Incident))
        {
            var members = group.ToImmutableArray();
            var field = dims[members[0]].Field;
            // An incident not listed is known not to have happened, as a field with a default is known: both are always chosen.
            axes.Add(new Axis(members, Product(members.Select(k => dims[k].Candidates.Length).ToList()), field is null || field.Default is not null)
            {
                Path = group.Key,
                MissingKey = field is null ? "incidents" : field.Entity switch
                {
                    Entity.Employee => $"employees[e].{field.Key}",
                    Entity.Unit => $"units[u].{field.Key}",
                    Entity.TopUnit => $"units[t].{field.Key}",
                    Entity.EmployeeStatus => $"employees[e].status.{field.Series}",
                    _ => $"regions.{region}.{field.Series}",
                },
            });
        }
        return new FactSpace(region, dims, [.. axes.OrderBy(a => !a.Defaulted)])
        {
            Named = named,
            Values = new ValueClasses(sides, region),
            Alike = standsFor.ToDictionary(kv => kv.Key.Item1 + "|" + kv.Key.Item2, kv => kv.Value, StringComparer.Ordinal),
        };
    }

    /// <summary>The conditions <paramref name="rules"/> read in <paramref name="region"/>: end conditions, scopes, quota rows.</summary>
    public static List<Condition?> Roots(CompiledRules rules, string region)
    {
        var roots = new List<Condition?>();
        foreach (var c in rules.Model.Circulars.Where(c => c.Regions.Contains(region)))
        {
            roots.Add(c.Until);
            roots.AddRange(c.Deciding.Concat(c.Attaching).Select(p => p.Scope));
            roots.AddRange(c.Deciding.SelectMany(p => p.QuotaRows).Select(r => r.When));
        }
        return roots;
    }

    private static ImmutableArray<ImmutableArray<int>> Product(List<int> sizes)
    {
        var all = new List<ImmutableArray<int>> { ImmutableArray<int>.Empty };
        foreach (var size in sizes) all = [.. all.SelectMany(prefix => Enumerable.Range(0, size).Select(v => prefix.Add(v)))];
        return [.. all];
    }

    /// <summary>The synthetic facts of a partial choice (per axis: a choice index, or -1).</summary>
    public FactsFile Facts(int[] choice, NodaTime.LocalDate day)
    {
        var perDim = new int[Dims.Count];
        Array.Fill(perDim, -1);
        for (var a = 0; a < Axes.Length; a++)
        {
            if (choice[a] < 0) continue;
            var values = Axes[a].Choices[choice[a]];
            for (var i = 0; i < values.Length; i++) perDim[Axes[a].Dims[i]] = values[i];
        }
        return ConflictChecker.SyntheticFacts(Region, Dims, perDim, day);
    }

    /// <summary>
    /// The chosen axes in words, one part per fact: <c>unit.kind = puskesmas</c>, a code the rules do not
    /// name as <c>unit.kind other than {…}</c>, a set field by the codes that matter (<paramref name="codes"/>,
    /// per set axis: the dimensions whose membership matters; null: all) as <c>employee.roles has {guru}, lacks {sopir}</c>.
    /// </summary>
    public List<(string Path, string Value)> Describe(int[] choice, IReadOnlyDictionary<int, int[]>? codes = null)
    {
        var parts = new List<(string, string)>();
        for (var a = 0; a < Axes.Length; a++)
        {
            if (choice[a] < 0) continue;
            var axis = Axes[a];
            var values = axis.Choices[choice[a]];
            var first = Dims[axis.Dims[0]];
            if (first.SetCode is not null)
            {
                var shown = codes?.GetValueOrDefault(a) ?? [.. axis.Dims];
                var has = axis.Dims.Where((k, i) => shown.Contains(k) && Dims[k].Candidates[values[i]] is BoolFact { Value: true }).Select(k => Codes(Dims[k])).ToList();
                var lacks = axis.Dims.Where((k, i) => shown.Contains(k) && Dims[k].Candidates[values[i]] is BoolFact { Value: false }).Select(k => Codes(Dims[k])).ToList();
                var words = new List<string>();
                if (has.Count > 0) words.Add($"has {{{string.Join(", ", has)}}}");
                if (lacks.Count > 0) words.Add($"lacks {{{string.Join(", ", lacks)}}}");
                parts.Add((axis.Path, string.Join(", ", words)));
                continue;
            }
            var value = first.Candidates[values[0]];
            if (first.Incident is not null)
            {
                parts.Add((axis.Path, "= " + ConflictChecker.IncidentText(value)));
                continue;
            }
            if (value is NumberFact number)
            {
                // An age tried for a date field is described as the age it is.
                parts.Add((first.Field?.Kind == FieldKind.Date ? $"age({axis.Path})" : axis.Path, Values.Describe(first, number.Value)));
                continue;
            }
            parts.Add(value is CodeFact code && Named.TryGetValue(axis.Path, out var named) && !named.Contains(code.Code)
                ? (axis.Path, $"other than {{{string.Join(", ", named)}}}")
                : (axis.Path, "= " + ConflictChecker.Show(value)));
        }
        return parts;
    }

    /// <summary>Per set field and code kept ("path|code"), the codes alike to it that it stands for (itself first).</summary>
    private Dictionary<string, ImmutableArray<string>> Alike { get; init; } = [];

    /// <summary>Whether <paramref name="actual"/> (a set) holds the code of <paramref name="d"/> or one alike to it.</summary>
    public bool HasAlike(Dimension d, FactValue actual) =>
        actual is CodeSetFact set && (Alike.GetValueOrDefault(d.Field!.Path + "|" + d.SetCode) is { IsDefault: false } all ? all : [d.SetCode!]).Any(set.Codes.Contains);

    private string Codes(Dimension d) =>
        Alike.TryGetValue(d.Field!.Path + "|" + d.SetCode, out var all) && all.Length > 1 ? string.Join("|", all) : d.SetCode!;

    /// <summary>The class of a value for the rules the space is of (a number is described by its class).</summary>
    public required ValueClasses Values { get; init; }

    /// <summary>Per code field, the codes the rules name (a candidate outside them stands for every other code).</summary>
    private Dictionary<string, ImmutableArray<string>> Named { get; init; } = [];
}
