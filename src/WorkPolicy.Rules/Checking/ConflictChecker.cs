using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;
using WorkPolicy.Rules.Evaluation;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Checking;

/// <summary>
/// Finds pairs of provisions that can both apply to one employee with different outcomes and no
/// stated priority. It searches the values the two scopes mention (plus one value they do not)
/// exhaustively and names a witness, so the analyst sees who would be caught in the conflict.
/// </summary>
public static class ConflictChecker
{
    /// <summary>Most value combinations tried for one pair before giving up with a warning.</summary>
    public const int MaxCombinations = 1 << 16;

    private static readonly LocalDate Probe = new(2000, 1, 3);

    /// <summary>Conflicts in every circular of <paramref name="rules"/> (validated, error-free).</summary>
    public static ImmutableArray<Diagnostic> Check(CompiledRuleSet rules)
    {
        var diagnostics = ImmutableArray.CreateBuilder<Diagnostic>();
        foreach (var c in rules.Circulars)
        {
            var ps = c.ModeProvisions;
            for (var i = 0; i < ps.Length; i++)
            {
                for (var j = i + 1; j < ps.Length; j++)
                {
                    if (ps[i].Dominates[j] || ps[j].Dominates[i] || ps[i].SameEffect(ps[j])) continue;
                    CheckPair(rules.Rules, c, ps[i], ps[j], diagnostics);
                }
            }
        }
        return diagnostics.ToImmutable();
    }

    private sealed record Dimension(string Path, FactValue[] Candidates);

    private static void CheckPair(RuleSet rules, CompiledCircular c, CompiledProvision a, CompiledProvision b, ImmutableArray<Diagnostic>.Builder into)
    {
        var dims = Dimensions(rules, [a.Decl.Scope, b.Decl.Scope]);
        long combos = 1;
        foreach (var d in dims)
        {
            combos *= d.Candidates.Length;
            if (combos > MaxCombinations)
            {
                into.Add(Diagnostic.Warning(DiagnosticCodes.ConflictSearchLimit, b.Decl.Span,
                    $"could not check provisions '{a.Decl.Id}' and '{b.Decl.Id}' for conflicts: their scopes mention too many values; state an 'overrides' between them"));
                return;
            }
        }
        var choice = new int[dims.Count];
        for (long n = 0; n < combos; n++)
        {
            var rest = n;
            for (var k = 0; k < dims.Count; k++)
            {
                choice[k] = (int)(rest % dims[k].Candidates.Length);
                rest /= dims[k].Candidates.Length;
            }
            var scope = Synthetic(c, dims, choice);
            if (a.Scope(scope) == Tri.True && b.Scope(scope) == Tri.True)
            {
                var witness = Witness(dims, choice);
                into.Add(Diagnostic.Error(DiagnosticCodes.Conflict, b.Decl.Span,
                    $"provisions '{a.Decl.Id}' ({a.Decl.Mode!.Value.Word()}) and '{b.Decl.Id}' ({b.Decl.Mode!.Value.Word()}) of circular '{c.Decl.Id}' can both apply, e.g. when {witness}, and neither states 'overrides' for the other"));
                return;
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
            var path = dims[k].Path;
            var hash = path.IndexOf('#');
            if (hash < 0)
            {
                parts.Add($"{(path.StartsWith("incident:", StringComparison.Ordinal) ? "an incident " + path[9..] : path)} = {Show(dims[k].Candidates[choice[k]])}");
                continue;
            }
            if (!sets.TryGetValue(path[..hash], out var members)) sets[path[..hash]] = members = [];
            if (dims[k].Candidates[choice[k]] is BoolFact { Value: true }) members.Add(path[(hash + 1)..]);
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

    private static List<Dimension> Dimensions(RuleSet rules, IEnumerable<Expr?> roots)
    {
        var mentioned = new SortedDictionary<string, HashSet<string>>(StringComparer.Ordinal);
        var pending = new Stack<Expr>(roots.OfType<Expr>());
        var seenDefines = new HashSet<string>(StringComparer.Ordinal);
        while (pending.Count > 0)
        {
            var root = pending.Pop();
            foreach (var e in ExprWalk.All(root))
            {
                switch (e)
                {
                    case NameExpr { IsFieldPath: false } n when seenDefines.Add(n.Name) && rules.Defines.TryGetValue(n.Name, out var d):
                        pending.Push(d.Body);
                        break;
                    case NameExpr { IsFieldPath: true } n:
                        Mention(mentioned, n.Name);
                        break;
                    case CompareExpr ce:
                        foreach (var v in ce.Values) Mention(mentioned, ce.Path).Add(v.Text);
                        break;
                    case IncidentExpr ie:
                        Mention(mentioned, "incident:" + ie.Kind);
                        break;
                }
            }
        }
        var dims = new List<Dimension>();
        foreach (var (path, values) in mentioned)
        {
            if (path.StartsWith("incident:", StringComparison.Ordinal))
            {
                dims.Add(new Dimension(path, [new BoolFact(false), new BoolFact(true)]));
                continue;
            }
            var declPath = path.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + path["top-unit.".Length..] : path;
            if (!rules.Fields.TryGetValue(declPath, out var field)) continue;
            dims.AddRange(Expand(path, field, values));
        }
        return dims;
    }

    private static HashSet<string> Mention(SortedDictionary<string, HashSet<string>> into, string path)
    {
        if (!into.TryGetValue(path, out var set)) into[path] = set = new HashSet<string>(StringComparer.Ordinal);
        return set;
    }

    private static IEnumerable<Dimension> Expand(string path, FieldDecl field, HashSet<string> values)
    {
        var ordered = values.Order(StringComparer.Ordinal).ToList();
        switch (field.Kind)
        {
            case FieldKind.OneOf:
                var codes = ordered.Select(v => (FactValue)new CodeFact(v)).ToList();
                if (field.Codes.FirstOrDefault(cd => !values.Contains(cd)) is { } other) codes.Add(new CodeFact(other));
                yield return new Dimension(path, [.. codes]);
                break;
            case FieldKind.SetOf:
                // One yes/no dimension per mentioned code; a set is assembled from them.
                foreach (var v in ordered) yield return new Dimension(path + "#" + v, [new BoolFact(false), new BoolFact(true)]);
                break;
            case FieldKind.Bool:
                yield return new Dimension(path, [new BoolFact(false), new BoolFact(true)]);
                break;
            default:
                var numbers = ordered.Select(v => decimal.TryParse(v, System.Globalization.NumberStyles.Number, System.Globalization.CultureInfo.InvariantCulture, out var n) ? n : 0m)
                    .SelectMany(n => new[] { n == decimal.MinValue ? n : n - 1, n, n == decimal.MaxValue ? n : n + 1 }).Distinct().Order().Select(n => (FactValue)new NumberFact(n)).ToArray();
                yield return new Dimension(path, numbers.Length > 0 ? numbers : [new NumberFact(0)]);
                break;
        }
    }

    private static EvalScope Synthetic(CompiledCircular c, List<Dimension> dims, int[] choice)
    {
        var employee = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
        var unit = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
        var top = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
        var status = new Dictionary<string, ImmutableDictionary<string, FactValue>.Builder>(StringComparer.Ordinal);
        var sets = new Dictionary<(ImmutableDictionary<string, FactValue>.Builder, string), List<string>>();
        var incidents = ImmutableArray.CreateBuilder<Incident>();
        for (var k = 0; k < dims.Count; k++)
        {
            var path = dims[k].Path;
            var value = dims[k].Candidates[choice[k]];
            if (path.StartsWith("incident:", StringComparison.Ordinal))
            {
                if (value is BoolFact { Value: true }) incidents.Add(new Incident(path["incident:".Length..], "u", Probe));
                continue;
            }
            var hash = path.IndexOf('#');
            var fieldPath = hash < 0 ? path : path[..hash];
            var dot = fieldPath.IndexOf('.');
            var (entity, key) = (fieldPath[..dot], fieldPath[(dot + 1)..]);
            ImmutableDictionary<string, FactValue>.Builder target;
            if (entity == "region")
            {
                var sd = key.IndexOf('.');
                var series = sd < 0 ? key : key[..sd];
                key = sd < 0 ? "active" : key[(sd + 1)..];
                if (!status.TryGetValue(series, out target!)) status[series] = target = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
            }
            else target = entity switch { "employee" => employee, "unit" => unit, _ => top };
            if (hash >= 0)
            {
                if (!sets.TryGetValue((target, key), out var list)) sets[(target, key)] = list = [];
                if (value is BoolFact { Value: true }) list.Add(path[(hash + 1)..]);
            }
            else target[key] = value;
        }
        foreach (var ((target, key), list) in sets) target[key] = new CodeSetFact([.. list.Order(StringComparer.Ordinal)]);
        var region = c.Decl.Regions.FirstOrDefault() ?? "r";
        var regions = ImmutableDictionary<string, RegionStatus>.Empty.Add(region, new RegionStatus(region,
            status.ToImmutableDictionary(s => s.Key, s => ImmutableArray.Create(new StatusEntry(Probe, s.Value.ToImmutable())), StringComparer.Ordinal)));
        var units = ImmutableArray.Create(
            new UnitFacts("u", null, region, "t", unit.ToImmutable(), SourceSpan.None),
            new UnitFacts("t", null, region, null, top.ToImmutable(), SourceSpan.None));
        var e = new EmployeeFacts("e", "u", employee.ToImmutable(), SourceSpan.None);
        var facts = new FactsFile("", CalendarFacts.Default, regions, units, [e], incidents.ToImmutable(), []);
        var index = new FactIndex(facts);
        var scope = new EvalScope(index) { Date = Probe };
        scope.SetEmployee(index.Employees[0]);
        return scope;
    }
}
