using System.Collections.Immutable;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// What a circular's provisions read of an employee: each field with the literals it is compared
/// with, and each incident test. Region status is left out: it is the same for every employee of a
/// region on a date, so it belongs to the day plan, not to the key.
/// </summary>
/// <param name="Fields">Field path → kind and the literals it is tested against.</param>
/// <param name="Incidents">The incident tests, compiled.</param>
/// <param name="Keyable">False when some test reads something a key cannot capture; such a circular is always decided in full.</param>
internal sealed record KeyedFacts(
    ImmutableDictionary<string, (FieldKind Kind, ImmutableArray<string> Literals)> Fields,
    ImmutableArray<Func<EvalScope, Tri>> Incidents,
    bool Keyable)
{
    /// <summary>Collects what <paramref name="circular"/>'s provision scopes read, following definitions.</summary>
    public static KeyedFacts Of(CircularDecl circular, RuleSet rules, PredicateCompiler compiler)
    {
        var fields = new Dictionary<string, (FieldKind Kind, List<string> Literals)>(StringComparer.Ordinal);
        var incidents = ImmutableArray.CreateBuilder<Func<EvalScope, Tri>>();
        var keyable = true;
        var seenDefines = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Stack<Expr>(circular.Provisions.Where(p => p.Scope is not null).Select(p => p.Scope!));
        while (pending.Count > 0)
        {
            foreach (var e in ExprWalk.All(pending.Pop()))
            {
                switch (e)
                {
                    case NameExpr { IsFieldPath: false } n:
                        if (seenDefines.Add(n.Name) && rules.Defines.TryGetValue(n.Name, out var define)) pending.Push(define.Body);
                        break;
                    case NameExpr n:
                        keyable &= Use(fields, rules, n.Name, ["true"]);
                        break;
                    case CompareExpr c:
                        keyable &= Use(fields, rules, c.Path, c.Values.Select(v => v.Text));
                        break;
                    case IncidentExpr i:
                        incidents.Add(compiler.Compile(i));
                        break;
                }
            }
        }
        return new KeyedFacts(
            fields.ToImmutableDictionary(kv => kv.Key, kv => (kv.Value.Kind, kv.Value.Literals.ToImmutableArray()), StringComparer.Ordinal),
            incidents.ToImmutable(),
            keyable);
    }

    private static bool Use(Dictionary<string, (FieldKind Kind, List<string> Literals)> fields, RuleSet rules, string path, IEnumerable<string> literals)
    {
        if (path.StartsWith("region.", StringComparison.Ordinal)) return true;
        var declPath = path.StartsWith("top-unit.", StringComparison.Ordinal) ? "unit." + path["top-unit.".Length..] : path;
        if (!rules.Fields.TryGetValue(declPath, out var decl)) return false;
        if (!fields.TryGetValue(path, out var use)) fields[path] = use = (decl.Kind, []);
        use.Literals.AddRange(literals);
        return true;
    }
}
