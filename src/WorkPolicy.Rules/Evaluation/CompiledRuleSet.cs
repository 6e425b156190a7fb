using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Ast;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>A rule set compiled once into delegates; immutable and safe to share across threads.</summary>
public sealed class CompiledRuleSet
{
    private CompiledRuleSet(RuleSet rules, ImmutableArray<CompiledCircular> circulars)
    {
        Rules = rules;
        Circulars = circulars;
    }

    /// <summary>The source rule set.</summary>
    public RuleSet Rules { get; }

    internal ImmutableArray<CompiledCircular> Circulars { get; }

    /// <summary>Compiles a validated rule set (call only when linking reported no errors).</summary>
    public static CompiledRuleSet Compile(RuleSet rules)
    {
        var compiler = new PredicateCompiler(rules);
        var circulars = rules.Circulars.Select(c => CompileCircular(rules, compiler, c)).ToImmutableArray();
        return new CompiledRuleSet(rules, circulars);
    }

    private static CompiledCircular CompileCircular(RuleSet rules, PredicateCompiler compiler, CircularDecl c)
    {
        var zoneId = c.Zone ?? c.Regions.Select(r => rules.Regions.GetValueOrDefault(r)?.Zone).FirstOrDefault(z => z is not null) ?? "Asia/Jakarta";
        var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(zoneId) ?? DateTimeZone.Utc;
        var modeDecls = c.Provisions.Where(p => p.Mode is not null).ToList();
        var index = modeDecls.Select((p, i) => (p.Id, i)).ToDictionary(t => t.Id, t => t.i, StringComparer.Ordinal);
        var modeProvisions = new CompiledProvision[modeDecls.Count];
        for (var i = 0; i < modeDecls.Count; i++)
        {
            var p = modeDecls[i];
            modeProvisions[i] = new CompiledProvision(p, Scope(compiler, p), Dominated(p, modeDecls, index));
        }
        for (var i = 0; i < modeProvisions.Length; i++)
        {
            modeProvisions[i].DominatedBy = [.. Enumerable.Range(0, modeProvisions.Length).Where(j => j != i && modeProvisions[j].Dominates[i])];
        }
        var obligationProvisions = c.Provisions.Where(p => p.Mode is null)
            .Select(p => new CompiledProvision(p, Scope(compiler, p), new bool[modeDecls.Count])).ToArray();
        var until = c.Period.Until is { } u ? compiler.Compile(u) : null;
        return new CompiledCircular(c, c.Regions.ToFrozenSet(StringComparer.Ordinal), zoneId, zone, until, modeProvisions, obligationProvisions,
            KeyedFacts.Of(c, rules, compiler));
    }

    private static Func<EvalScope, Tri> Scope(PredicateCompiler compiler, ProvisionDecl p) =>
        p.Scope is { } s ? compiler.Compile(s) : static _ => Tri.True;

    /// <summary>Which provisions <paramref name="p"/> overrides, directly or through a chain.</summary>
    private static bool[] Dominated(ProvisionDecl p, List<ProvisionDecl> all, Dictionary<string, int> index)
    {
        var result = new bool[all.Count];
        var stack = new Stack<string>(p.Overrides);
        while (stack.Count > 0)
        {
            if (!index.TryGetValue(stack.Pop(), out var i) || result[i]) continue;
            result[i] = true;
            foreach (var o in all[i].Overrides) stack.Push(o);
        }
        return result;
    }
}

internal sealed record CompiledProvision(ProvisionDecl Decl, Func<EvalScope, Tri> Scope, bool[] Dominates)
{
    /// <summary>Indexes of the provisions that override this one, directly or through a chain.</summary>
    public int[] DominatedBy { get; set; } = [];

    public string Cite { get; } = string.IsNullOrEmpty(Decl.Cite.Point) ? $"\"{Decl.Cite.Quote}\"" : $"point {Decl.Cite.Point}: \"{Decl.Cite.Quote}\"";

    /// <summary>Same outcome: mode and quota alike (obligations travel with the provision).</summary>
    public bool SameEffect(CompiledProvision other) =>
        Decl.Mode == other.Decl.Mode &&
        (Decl.Pool, other.Decl.Pool) switch
        {
            (null, null) => true,
            ({ } a, { } b) => a with { Span = default } == b with { Span = default },
            _ => false,
        };
}

internal sealed record CompiledCircular(
    CircularDecl Decl,
    FrozenSet<string> Regions,
    string ZoneId,
    DateTimeZone Zone,
    Func<EvalScope, Tri>? Until,
    CompiledProvision[] ModeProvisions,
    CompiledProvision[] ObligationProvisions,
    KeyedFacts Reads);
