using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Dsl.Yaml;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Dsl.Testing;

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
}

/// <summary>One analyst test case: an employee on a date and what the decision must be.</summary>
internal sealed record AnalystCase(string Name, string Employee, LocalDate Date, Expectation Expect, SourceSpan Span);

/// <summary>An analyst test file: rule sets to test, facts (a path or inline), and cases.</summary>
internal sealed record AnalystTestFile(string Path, ImmutableArray<string> RuleSets, string? FactsPath, YamlNode? InlineFacts, ImmutableArray<AnalystCase> Cases);
