using System.Collections.Immutable;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Mutation;

/// <summary>The kinds of small faults a mutant plants.</summary>
internal enum MutationKind
{
    /// <summary>One <c>overrides</c> entry left out.</summary>
    DropOverrides,
    /// <summary>One comparison or boolean test read the other way.</summary>
    FlipComparison,
    /// <summary>A period starting one day later or ending one day earlier.</summary>
    ShiftPeriod,
}

/// <summary>A rule set with one small fault planted, and where: what the tests should notice.</summary>
/// <param name="Kind">The kind of fault.</param>
/// <param name="Circular">The circular it is planted in.</param>
/// <param name="Description">The fault in words, e.g. <c>p2: 'unit.kind in {…}' read as not-in</c>.</param>
/// <param name="Span">Where the changed syntax is written.</param>
/// <param name="Files">The rule files with the fault.</param>
internal sealed record Mutant(MutationKind Kind, string Circular, string Description, SourceSpan Span, ImmutableArray<RuleFile> Files)
{
    /// <summary>For a shifted period: the one day whose decisions the fault can change (the first day lost, or the last), else null.</summary>
    public NodaTime.LocalDate? OnlyDay { get; init; }
}
