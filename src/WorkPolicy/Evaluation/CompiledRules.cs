using System.Collections.Immutable;
using WorkPolicy.Model;

namespace WorkPolicy.Evaluation;

/// <summary>
/// A rule model compiled once: every scope and end condition a delegate. Immutable and safe to
/// share across threads; evaluators over any number of facts files use it.
/// </summary>
internal sealed class CompiledRules
{
    private CompiledRules(RuleModel model, ImmutableArray<CompiledCircular> circulars, ConditionCompiler compiler, int mostDeciding)
    {
        Model = model;
        Circulars = circulars;
        Compiler = compiler;
        MostScopes = mostDeciding;
    }

    /// <summary>The most deciding (or attaching) provisions one circular has: the size of a scope's results buffer.</summary>
    public int MostScopes { get; }

    /// <summary>The checked model compiled.</summary>
    public RuleModel Model { get; }

    /// <summary>The circulars, in the model's order of precedence (oldest first).</summary>
    public ImmutableArray<CompiledCircular> Circulars { get; }

    /// <summary>The compiler, holding one delegate per condition node (the memo layer keys on the same leaves).</summary>
    internal ConditionCompiler Compiler { get; }

    // A region's key depends on the rules alone: compiled once here, not once per memo layer (a replay binds a new
    // facts excerpt per record, and compiling the key each time was two thirds of its work).
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Memo.DecisionKey?> _keys = new(StringComparer.Ordinal);

    /// <summary>The decision key of <paramref name="region"/> (<see cref="Memo.DecisionKey.For"/>), compiled once per region.</summary>
    internal Memo.DecisionKey? KeyFor(string region) => _keys.GetOrAdd(region, static (r, rules) => Memo.DecisionKey.For(rules, r), this);

    /// <summary>Compiles a checked model: compilation takes nothing else (<paramref name="reference"/>: the interpreter's delegates, see <see cref="ConditionCompiler"/>).</summary>
    public static CompiledRules Compile(RuleModel model, bool reference = false)
    {
        var compiler = new ConditionCompiler(reference);
        var circulars = model.Circulars.Select(c => new CompiledCircular(
            c,
            c.Until is { } u ? compiler.Compile(u) : null,
            [.. c.Deciding.Select(p => new CompiledProvision(p, compiler))],
            compiler.CompileAll([.. c.Deciding.Select(p => p.Scope)]),
            [.. c.Attaching.Select(p => new CompiledProvision(p, compiler))],
            compiler.CompileAll([.. c.Attaching.Select(p => p.Scope)]))).ToImmutableArray();
        return new CompiledRules(model, circulars, compiler, circulars.Max(c => (int?)Math.Max(c.Deciding.Length, c.Attaching.Length)) ?? 0);
    }
}

/// <summary>
/// A checked provision with its scope compiled on first use: a deciding provision's scope runs alone
/// only to record missing facts or for the conflict checker (the walk runs them all through
/// <see cref="CompiledCircular.EvaluateScopes"/>), so most are never compiled on their own.
/// </summary>
internal sealed class CompiledProvision(CheckedProvision model, ConditionCompiler compiler)
{
    private Func<DecisionSubject, Tri>? _scope;

    /// <summary>The checked provision.</summary>
    public CheckedProvision Model { get; } = model;

    /// <summary>The scope's delegate (recording missing facts when the scope carries a sink).</summary>
    public Func<DecisionSubject, Tri> Scope => _scope ?? (_scope = compiler.Compile(Model.Scope));

    private Func<DecisionSubject, Tri>? _prefer;

    /// <summary>The pool's preference (always true when it states none).</summary>
    public Func<DecisionSubject, Tri> Prefer => _prefer ?? (_prefer = compiler.Compile(Model.Prefer));

    private Func<DecisionSubject, Tri>? _base;

    /// <summary>Whether the scope's employee counts in the pool's quota base (always true when the pool states none).</summary>
    public Func<DecisionSubject, Tri> InQuotaBase => _base ?? (_base = compiler.Compile(Model.QuotaBase));

    private Func<DecisionSubject, Tri>[]? _rows;

    /// <summary>The delegates of the quota table's rows, in order (empty without a table).</summary>
    public Func<DecisionSubject, Tri>[] QuotaRows => _rows ?? (_rows = [.. Model.QuotaRows.Select(r => compiler.Compile(r.When))]);
}

/// <summary>
/// A checked circular with its end condition and provisions compiled; <paramref name="EvaluateScopes"/>
/// writes the scopes of all its deciding provisions at once, <paramref name="AttachAll"/> those of
/// its obligation-only provisions (one method each, the hot path).
/// </summary>
internal sealed record CompiledCircular(
    CheckedCircular Model,
    Func<DecisionSubject, Tri>? Until,
    ImmutableArray<CompiledProvision> Deciding,
    Action<DecisionSubject, Tri[]> EvaluateScopes,
    ImmutableArray<CompiledProvision> Attaching,
    Action<DecisionSubject, Tri[]> AttachAll);
