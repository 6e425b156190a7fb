using System.Collections.Immutable;
using WorkPolicy.Ast;

namespace WorkPolicy.Model;

/// <summary>
/// A checked provision: its scope as a <see cref="Condition"/> (null: everyone the circular covers),
/// what it decides, the obligations it adds, and its place among the circular's exceptions.
/// </summary>
/// <param name="Id">Unique within its circular.</param>
/// <param name="Index">Its position among the circular's deciding provisions, or among its obligation-only ones.</param>
/// <param name="Cite">The citation as shown in decisions: <c>point 2: "…"</c>.</param>
/// <param name="Scope">Who it applies to.</param>
/// <param name="Mode">The mode it decides; null for a provision that only adds obligations.</param>
/// <param name="Pool">The rotation quota, for <see cref="WorkMode.Rotation"/>.</param>
/// <param name="During">The decided modes an obligation-only provision attaches to.</param>
/// <param name="Obligations">What applicable employees must do.</param>
/// <param name="Decl">The syntax it was checked from (spans, ambiguities).</param>
internal sealed record CheckedProvision(
    string Id,
    int Index,
    string Cite,
    Condition? Scope,
    WorkMode? Mode,
    CheckedPool? Pool,
    ImmutableArray<WorkMode> During,
    ImmutableArray<CheckedObligation> Obligations,
    ProvisionDecl Decl)
{
    /// <summary>For a rotation pool: who fills office days first, or null.</summary>
    public Condition? Prefer { get; init; }

    /// <summary>For a rotation pool measured against a wider base (<c>50% of asn</c>): who counts in the base, or null.</summary>
    public Condition? QuotaBase { get; init; }

    /// <summary>The scope as written, without the quota table's rows (what <c>check</c> holds the rows against).</summary>
    public Condition? OwnScope { get; init; }

    /// <summary>For a pool with a quota table: its rows, in order; the scope already requires one of them to hold.</summary>
    public ImmutableArray<CheckedQuotaRow> QuotaRows { get; init; } = [];

    /// <summary>The circular the provision is written in: the amendment that restated or added it, else its own.</summary>
    public string Source { get; init; } = "";

    /// <summary>Indexes of the deciding provisions this one overrides, directly or through a chain.</summary>
    public ImmutableArray<int> Overrides { get; init; } = [];

    /// <summary>Indexes of the deciding provisions that override this one, directly or through a chain.</summary>
    public ImmutableArray<int> OverriddenBy { get; init; } = [];

    private readonly int _duringMask = During.Aggregate(0, (m, d) => m | 1 << (int)d);

    /// <summary>Whether an obligation-only provision attaches to a decision of <paramref name="mode"/>.</summary>
    public bool AttachesTo(WorkMode mode) => (_duringMask & 1 << (int)mode) != 0;

    /// <summary>
    /// Whether its duties, attached to a decision of <paramref name="mode"/>, wait for a roster: duties of the day's place
    /// (<c>during at-home</c>) on a rotation or optional day, where only a roster says where the member is.
    /// </summary>
    public bool AwaitsRoster(WorkMode mode) => Decl.OnPlace is not null && mode is WorkMode.Rotation or WorkMode.Optional;

    /// <summary>Same outcome: mode and quota alike — share, table rows, preference (obligations travel with the provision).</summary>
    public bool SameEffect(CheckedProvision other) =>
        Mode == other.Mode
        && (Pool, other.Pool) switch
        {
            (null, null) => true,
            ({ } a, { } b) => a with { Span = default } == b with { Span = default },
            _ => false,
        }
        && QuotaRows.SequenceEqual(other.QuotaRows) && Equals(Prefer, other.Prefer) && Equals(QuotaBase, other.QuotaBase);
}

/// <summary>
/// A checked rotation pool: the quota group, the unit it is counted in, the place and share (a table's rows are the
/// provision's <see cref="CheckedProvision.QuotaRows"/>), the rounding and bound.
/// </summary>
/// <param name="Group">The quota group, e.g. <c>pelaksana</c>.</param>
/// <param name="Per">The unit the quota is counted in: the employee's unit or its perangkat daerah.</param>
/// <param name="Place">The place the share speaks of.</param>
/// <param name="Percent">The share, 0 to 100 (without a table).</param>
/// <param name="Rounding">How a share of a headcount becomes whole persons.</param>
/// <param name="AtMost">Whether the share is a cap rather than a target (without a table).</param>
/// <param name="HasTable">Whether the share comes from a quota table (then <paramref name="Percent"/> and <paramref name="AtMost"/> are not used).</param>
/// <param name="Span">Where the pool is written.</param>
internal sealed record CheckedPool(string Group, PoolPer Per, QuotaPlace Place, decimal Percent, Rounding Rounding, bool AtMost, bool HasTable, SourceSpan Span)
{
    /// <summary>The pool as written: its floor, range and persons kept (<see cref="PoolDecl.AtLeast"/>, <see cref="PoolDecl.High"/>, <see cref="PoolDecl.MinPersons"/>).</summary>
    public required PoolDecl Decl { get; init; }

    /// <summary>How many of <paramref name="members"/> the quota puts at <see cref="Place"/>.</summary>
    public int Quota(int members) => Decl.Quota(members);
}

/// <summary>A row of a quota table: where <paramref name="When"/> holds, the pool's share is <paramref name="Percent"/>.</summary>
internal sealed record CheckedQuotaRow(Condition When, decimal Percent, bool AtMost, QuotaRowDecl Decl)
{
    /// <summary>A floor.</summary>
    public bool AtLeast => Decl.AtLeast;

    /// <summary>The top of a range, or null.</summary>
    public decimal? High => Decl.High;
}
