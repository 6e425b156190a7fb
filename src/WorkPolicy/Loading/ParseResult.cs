using System.Collections.Immutable;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Loading;

/// <summary>What a loader read: the rule file (possibly partial) and every diagnostic.</summary>
internal sealed record ParseResult(RuleFile File, ImmutableArray<Diagnostic> Diagnostics)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}
