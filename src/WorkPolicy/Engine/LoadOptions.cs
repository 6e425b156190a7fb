namespace WorkPolicy;

/// <summary>How <see cref="PolicyEngine.Load(IEnumerable{string}, LoadOptions)"/> treats what <c>workpolicy check</c> reports.</summary>
/// <example>
/// <code>
/// // Accept a rule set whose provisions may conflict (WP0305), e.g. to explore a draft:
/// var draft = PolicyEngine.Load(["drafts/"], LoadOptions.Lenient);
/// </code>
/// </example>
public sealed record LoadOptions
{
    /// <summary>The default: the conflict search of <c>check</c> runs, and a conflict with no stated priority (WP0305) is an error; gaps (WP0316) are left to <see cref="PolicyAnalysis.Check"/>.</summary>
    public static LoadOptions Strict { get; } = new();

    /// <summary>Only syntax and names are checked; conflicts and gaps are not searched, so an unresolved conflict loads.</summary>
    public static LoadOptions Lenient { get; } = new() { SearchConflicts = false };

    /// <summary>Whether loading searches for conflicts and overlapping or gapped quota rows as <c>check</c> does (default true).</summary>
    public bool SearchConflicts { get; init; } = true;

    /// <summary>
    /// The rules' conditions compiled to C# ahead of time (<see cref="RuleCompiler.EmitCSharp(PolicyEngine, string, string)"/>),
    /// or null to compile them at load (the default). Used only when made from the very rules loaded; otherwise the rules are
    /// compiled at load and the load says so (WP0327, a warning). Plain code: under Native AOT it is what runs instead of
    /// the interpreter.
    /// </summary>
    /// <example><code>var engine = PolicyEngine.Load(["rules"], LoadOptions.Strict with { Compiled = new HrApp.Rules.CompiledRules() });</code></example>
    public Compiled.CompiledRuleSet? Compiled { get; init; }
}
