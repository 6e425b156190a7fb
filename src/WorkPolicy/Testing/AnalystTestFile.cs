using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Testing;

/// <summary>What a case expects; null parts are not checked.</summary>
internal sealed record Expectation(
    WorkMode? Mode,
    ImmutableArray<string>? Provisions,
    ImmutableArray<string>? Obligations,
    string? PoolGroup,
    string? PoolUnit,
    ImmutableArray<string>? Unknown,
    ImmutableArray<string>? Windows)
{
    /// <summary>For a not-covered decision: why.</summary>
    public NotCoveredReason? Reason { get; init; }

    /// <summary>The exact set of circulars in force.</summary>
    public ImmutableArray<string>? Circulars { get; init; }

    /// <summary>The pool's share, in percent.</summary>
    public decimal? PoolPercent { get; init; }

    /// <summary>The pool's bound: <c>exactly</c>, <c>at-most</c>, <c>at-least</c> or <c>between</c>.</summary>
    public string? PoolBound { get; init; }

    /// <summary>The kinds of the obligations that are pending (whether they apply depends on facts not given).</summary>
    public ImmutableArray<string>? Pending { get; init; }

    /// <summary>An expectation that checks nothing (for a case that could not be read).</summary>
    public static Expectation None { get; } = new(null, null, null, null, null, null, null);
}

/// <summary>One analyst test case: an employee on a date and what the decision must be.</summary>
internal sealed record AnalystCase(string Name, string Employee, LocalDate Date, Expectation Expect, SourceSpan Span)
{
    /// <summary>What is wrong with the case as written; a case with problems fails, whatever the decision.</summary>
    public ImmutableArray<Diagnostic> Problems { get; init; } = [];
}

/// <summary>An analyst test file: rule sets to test, facts (a path or inline), and cases.</summary>
internal sealed record AnalystTestFile(string Path, ImmutableArray<string> RuleSets, string? FactsPath, YamlNode? InlineFacts, ImmutableArray<AnalystCase> Cases);
