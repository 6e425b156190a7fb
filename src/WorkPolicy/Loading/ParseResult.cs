using System.Collections.Immutable;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Dsl.Loading;

/// <summary>What a loader read: the rule file (possibly partial) and every diagnostic.</summary>
internal sealed record ParseResult(RuleFile File, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
