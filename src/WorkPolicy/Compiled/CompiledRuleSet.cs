namespace WorkPolicy.Compiled;

/// <summary>
/// A rule set's conditions compiled to C# ahead of time: the class <see cref="RuleCompiler.EmitCSharp(PolicyEngine, string, string)"/>
/// writes derives from this. Handed to <see cref="PolicyEngine.Load(IEnumerable{string}, LoadOptions)"/> through
/// <see cref="LoadOptions.Compiled"/>, it replaces the conditions the engine would compile at load — plain code, so it
/// runs under Native AOT and trimming, where expression trees cannot be compiled.
/// </summary>
/// <example>
/// <code>
/// // obj/CompiledRules.g.cs written by RuleCompiler.EmitCSharp (or the WorkPolicy.Build step) and compiled into the app:
/// var engine = PolicyEngine.Load(["rules"], LoadOptions.Strict with { Compiled = new HrApp.Rules.CompiledRules() });
/// </code>
/// </example>
public abstract class CompiledRuleSet
{
    /// <summary>
    /// What the code was made from: a hash of the compiled form of the rules. The engine compares it with the rules it
    /// loaded and uses the code only when they are the same (otherwise it compiles at load, and says so: WP0327).
    /// </summary>
    public abstract string Identity { get; }

    /// <summary>Writes the outcome of each deciding provision's scope of circular <paramref name="circular"/> into <paramref name="results"/>, in order.</summary>
    public abstract void Scopes(int circular, in RuleSubject subject, Span<Truth> results);

    /// <summary>Writes the outcome of each obligation-only provision's scope of circular <paramref name="circular"/> into <paramref name="results"/>, in order.</summary>
    public abstract void Attaching(int circular, in RuleSubject subject, Span<Truth> results);

    /// <summary>
    /// The deciding provision of circular <paramref name="circular"/> that wins (by its index), or -1 when none applies;
    /// <paramref name="unknown"/>: whether an unknown scope could change that. -2 when the code leaves the choice to the
    /// engine (a circular of more than 64 deciding provisions). The batch path's walk, as straight code.
    /// </summary>
    public abstract int Winner(int circular, in RuleSubject subject, out bool unknown);
}
