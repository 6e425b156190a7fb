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

    /// <summary>Whether a condition ranks an employee against their unit (<c>in top N of unit</c>): facts are then read whole.</summary>
    internal bool ReadsUnitLevels => _readsUnitLevels ??= Conditions.Leaves(Model.Circulars.SelectMany(c => c.Deciding.Concat(c.Attaching))
        .SelectMany(p => new[] { p.Scope, p.Prefer, p.QuotaBase }.Concat(p.QuotaRows.Select(r => r.When)))).OfType<RankCondition>().Any();

    private bool? _readsUnitLevels;

    /// <summary>The decision key of <paramref name="region"/> (<see cref="Memo.DecisionKey.For"/>), compiled once per region.</summary>
    internal Memo.DecisionKey? KeyFor(string region) => _keys.GetOrAdd(region, static (r, rules) => Memo.DecisionKey.For(rules, r), this);

    /// <summary>
    /// Compiles a checked model: compilation takes nothing else (<paramref name="reference"/>: the interpreter's delegates,
    /// see <see cref="ConditionCompiler"/>). With <paramref name="precompiled"/> — C# made from this very model (its
    /// identity checked by the caller, <see cref="Generation.CompiledRulesEmitter.Identity(RuleModel)"/>) — the walk's scopes run
    /// that code instead of delegates compiled here.
    /// </summary>
    public static CompiledRules Compile(RuleModel model, bool reference = false, Compiled.CompiledRuleSet? precompiled = null)
    {
        var compiler = new ConditionCompiler(reference);
        var leaves = precompiled is null ? null : Generation.CompiledRulesEmitter.Leaves(model);
        var circulars = model.Circulars.Select((c, i) => new CompiledCircular(
            c,
            [.. c.Deciding.Select(p => new CompiledProvision(p, compiler))],
            [.. c.Attaching.Select(p => new CompiledProvision(p, compiler))],
            compiler)
        { Precompiled = precompiled is null ? null : new PrecompiledCircular(precompiled, i, c.Deciding.Length, leaves!) }).ToImmutableArray();
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
/// A checked circular with its end condition and provisions compiled on first use: <see cref="EvaluateScopes"/>
/// writes the scopes of all its deciding provisions at once, <see cref="AttachAll"/> those of its obligation-only
/// provisions (one method each, the hot path). A national rule set holds hundreds of circulars, most of whose regions
/// a run never meets: each is compiled when first asked, not at load (600 circulars: 2.5 s of compiling at load).
/// </summary>
internal sealed class CompiledCircular(CheckedCircular model, ImmutableArray<CompiledProvision> deciding, ImmutableArray<CompiledProvision> attaching, ConditionCompiler compiler)
{
    // Compiled at most a few times over (threads racing to the first call compile alike; one result is kept).
    private Func<DecisionSubject, Tri>? _until;
    private Action<DecisionSubject, Tri[]>? _scopes;
    private Action<DecisionSubject, Tri[]>? _attach;

    /// <summary>The checked circular.</summary>
    public CheckedCircular Model { get; } = model;

    /// <summary>The deciding provisions, in order.</summary>
    public ImmutableArray<CompiledProvision> Deciding { get; } = deciding;

    /// <summary>The obligation-only provisions, in order.</summary>
    public ImmutableArray<CompiledProvision> Attaching { get; } = attaching;

    /// <summary>The mode each deciding provision gives, in order: the walk reads the winner's in one load, not three.</summary>
    public WorkMode[] DecidingModes { get; } = [.. deciding.Select(p => p.Model.Mode!.Value)];

    /// <summary>The end condition's delegate, or null when the circular states none.</summary>
    public Func<DecisionSubject, Tri>? Until => Model.Until is null ? null : _until ??= compiler.Compile(Model.Until);

    /// <summary>This circular's scopes in C# compiled ahead of time, when the rules were loaded with such code.</summary>
    internal PrecompiledCircular? Precompiled { get; init; }

    /// <summary>Writes the outcome of each deciding provision's scope into <paramref name="results"/>, in order.</summary>
    public void EvaluateScopes(DecisionSubject s, Tri[] results) =>
        (_scopes ??= Precompiled is { } code ? code.Scopes : compiler.CompileAll([.. Model.Deciding.Select(p => p.Scope)]))(s, results);

    /// <summary>Writes the outcome of each obligation-only provision's scope into <paramref name="results"/>, in order.</summary>
    public void AttachAll(DecisionSubject s, Tri[] results) =>
        (_attach ??= Precompiled is { } code ? code.Attaching : compiler.CompileAll([.. Model.Attaching.Select(p => p.Scope)]))(s, results);
}

/// <summary>
/// One circular's scopes as C# compiled ahead of time (<see cref="Compiled.CompiledRuleSet"/>), in the walk's shape.
/// The engine's outcomes and <see cref="Compiled.Truth"/> are the same bytes in the same order, so the buffer is shared.
/// </summary>
internal sealed class PrecompiledCircular(Compiled.CompiledRuleSet code, int circular, int deciding, Condition[] leaves)
{
    /// <summary>The deciding scopes, written into the walk's buffer.</summary>
    public void Scopes(DecisionSubject s, Tri[] results) =>
        code.Scopes(circular, new Compiled.RuleSubject(s, leaves), System.Runtime.InteropServices.MemoryMarshal.Cast<Tri, Compiled.Truth>(results.AsSpan()));

    /// <summary>
    /// The winner among the deciding provisions and whether an unknown could change it; -2: the walk finds it (also when
    /// the code names no provision of the circular: a class an app wrote by hand is held to the walk, not trusted).
    /// </summary>
    public int Winner(DecisionSubject s, out bool unknown)
    {
        var winner = code.Winner(circular, new Compiled.RuleSubject(s, leaves), out unknown);
        return winner >= -1 && winner < deciding ? winner : -2;
    }

    /// <summary>The obligation-only scopes, written into the walk's buffer.</summary>
    public void Attaching(DecisionSubject s, Tri[] results) =>
        code.Attaching(circular, new Compiled.RuleSubject(s, leaves), System.Runtime.InteropServices.MemoryMarshal.Cast<Tri, Compiled.Truth>(results.AsSpan()));
}
