using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Rules.Ast;

/// <summary>How one circular relates to another document.</summary>
internal enum RelationKind
{
    /// <summary>Prolongs an earlier arrangement.</summary>
    Extends,
    /// <summary>Leaves an earlier circular in force beside this one.</summary>
    KeepsInForce,
    /// <summary>Replaces an earlier circular.</summary>
    Supersedes,
    /// <summary>Implements a national instruction.</summary>
    Implements,
}

/// <summary>A relation to another document, by circular id or by its number as text.</summary>
internal sealed record RelationDecl(RelationKind Kind, string Target, SourceSpan Span);

/// <summary>
/// When a circular is in force: from <paramref name="From"/>, to <paramref name="To"/> inclusive,
/// and/or until the first day <paramref name="Until"/> (a condition over region status) holds.
/// Neither end given means open-ended.
/// </summary>
internal sealed record PeriodDecl(LocalDate From, LocalDate? To, Expr? Until, SourceSpan Span);

/// <summary>A circular (Surat Edaran) with its provisions.</summary>
internal sealed record CircularDecl(
    string Id,
    string Number,
    string? Title,
    string Issuer,
    ImmutableArray<string> Regions,
    string? Zone,
    LocalDate? Issued,
    PeriodDecl Period,
    ImmutableArray<RelationDecl> Relations,
    ImmutableArray<ProvisionDecl> Provisions,
    SourceSpan Span);
