using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Ast;

/// <summary>How one circular relates to another document.</summary>
internal enum RelationKind
{
    /// <summary>Prolongs an earlier arrangement (a citation).</summary>
    Extends,
    /// <summary>Leaves an earlier circular in force beside this one (a citation).</summary>
    KeepsInForce,
    /// <summary>Replaces an earlier circular: it stops being in force on this one's first day (or a stated date).</summary>
    Supersedes,
    /// <summary>Implements a national instruction (a citation).</summary>
    Implements,
    /// <summary>Revokes an earlier circular: as <see cref="Supersedes"/>.</summary>
    Revokes,
    /// <summary>Amends an earlier circular: replaces its provisions of the same id, adds new ones, withdraws named ones; the rest stays.</summary>
    Amends,
    /// <summary>Follows (implements) another loaded circular, and is asked before it where both are in force.</summary>
    Follows,
}

/// <summary>The words of relations, shared by both encodings, printers and messages.</summary>
internal static class RelationWords
{
    public static readonly IReadOnlyList<(RelationKind Kind, string Word)> All =
    [
        (RelationKind.Extends, "extends"), (RelationKind.KeepsInForce, "keeps-in-force"), (RelationKind.Supersedes, "supersedes"),
        (RelationKind.Implements, "implements"), (RelationKind.Revokes, "revokes"), (RelationKind.Amends, "amends"), (RelationKind.Follows, "follows"),
    ];

    /// <summary>The word of a relation, e.g. <c>keeps-in-force</c>.</summary>
    public static string Word(RelationKind k) => All.First(r => r.Kind == k).Word;

    /// <summary>Parses a relation word.</summary>
    public static RelationKind? Parse(string word)
    {
        foreach (var (k, w) in All)
        {
            if (w == word) return k;
        }
        return null;
    }

    /// <summary>Whether the relation ends the target (revocation).</summary>
    public static bool Ends(RelationKind k) => k is RelationKind.Supersedes or RelationKind.Revokes;
}

/// <summary>
/// A relation to another document, by circular id or by its number as text. <paramref name="From"/>: for a
/// revocation, the first day the target is no longer in force, when not this circular's first day.
/// </summary>
internal sealed record RelationDecl(RelationKind Kind, string Target, LocalDate? From, SourceSpan Span);

/// <summary>
/// When a circular is in force: from <paramref name="From"/>, to <paramref name="To"/> inclusive,
/// and/or until the first day <paramref name="Until"/> (a condition over region status) holds.
/// Neither end given means open-ended.
/// </summary>
internal sealed record PeriodDecl(LocalDate From, LocalDate? To, Expr? Until, SourceSpan Span)
{
    /// <summary>
    /// Whether the period says it runs "until further notice" (<c>to further-notice</c>): open-ended, stated — for an
    /// amendment, a restated end that lifts the one before (Kukar: "sampai batas waktu yang akan ditentukan kemudian").
    /// </summary>
    public bool FurtherNotice { get; init; }

    /// <summary>Whether the period states an end: a date, an end condition or further notice.</summary>
    public bool StatesEnd => To is not null || Until is not null || FurtherNotice;
}

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
    SourceSpan Span)
{
    /// <summary>Whether the circular's number was not reported (<c>number unknown</c>); <see cref="Number"/> is then empty.</summary>
    public bool NumberUnknown { get; init; }

    /// <summary>The number as cited: the number, or <c>number unknown</c>.</summary>
    public string NumberText => NumberUnknown ? "number unknown" : Number;

    /// <summary>For an amendment: the provisions of the amended circular it withdraws.</summary>
    public ImmutableArray<string> Withdraws { get; init; } = [];

    /// <summary>Warnings the analyst accepts for this circular, each with the reason (<c>accept WP0316 "…"</c>).</summary>
    public ImmutableArray<AcceptDecl> Accepts { get; init; } = [];
}

/// <summary>A warning accepted for a circular: its code and why it is as intended (e.g. staff the circular leaves out on purpose).</summary>
internal sealed record AcceptDecl(string Code, string Reason, SourceSpan Span);
