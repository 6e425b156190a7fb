using System.Collections.Immutable;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Ast;

/// <summary>Where the source says it: point number and a short quote.</summary>
internal sealed record CitationDecl(string Point, string Quote, SourceSpan Span)
{
    /// <summary>Whether <see cref="Quote"/> is a paraphrase (<c>cite "5" summary "…"</c>) where the source's words were not at hand.</summary>
    public bool Summary { get; init; }

    /// <summary>As decisions and explanations cite it: <c>point 5: "quote"</c>, or <c>point 5 (summary): text</c>.</summary>
    public string Text => (Point.Length > 0 ? $"point {Point}" : "") + (Summary ? $"{(Point.Length > 0 ? " " : "")}(summary): {Quote}" : $"{(Point.Length > 0 ? ": " : "")}\"{Quote}\"");
}

/// <summary>The quota unit a rotation pool is counted in.</summary>
internal enum PoolPer
{
    /// <summary>Per perangkat daerah: the top unit of the parent chain.</summary>
    TopUnit,
    /// <summary>Per work unit as given in the facts.</summary>
    Unit,
}

/// <summary>A quota group that takes turns: e.g. 50 % of pelaksana per top unit at home.</summary>
/// <param name="Group">Name of the quota group.</param>
/// <param name="Per">The unit the quota is counted in.</param>
/// <param name="Place">The place the percentage speaks of.</param>
/// <param name="Percent">The share, 0 to 100.</param>
/// <param name="Rounding">How the share of a headcount becomes whole persons.</param>
/// <param name="AtMost">True for a cap ("maksimal 50 persen"); false when the share is the target.</param>
/// <param name="Span">Source span.</param>
internal sealed record PoolDecl(string Group, PoolPer Per, QuotaPlace Place, decimal Percent, Rounding Rounding, bool AtMost, SourceSpan Span)
{
    /// <summary>
    /// A quota table: the share by status, one row per condition (e.g. a PPKM level); empty when the pool
    /// states one share. With a table, <see cref="Percent"/> and <see cref="AtMost"/> are not used.
    /// </summary>
    public ImmutableArray<QuotaRowDecl> Table { get; init; } = [];

    /// <summary>Who fills office days first (e.g. <c>employee.vaccinated</c>); null when nobody is preferred.</summary>
    public Expr? Prefer { get; init; }

    /// <summary>
    /// The base the share is measured against (<c>50% of asn</c>: all ASN of the unit), those of it the rules fix at the
    /// quota's place counting within the share; null: the share is of the pool itself.
    /// </summary>
    public Expr? Base { get; init; }

    /// <summary>A floor ("sekurang-kurangnya 30 %"): at least the share at the place.</summary>
    public bool AtLeast { get; init; }

    /// <summary>The top of a range (<c>between 25% and 30%</c>, <see cref="Percent"/> its bottom), or null.</summary>
    public decimal? High { get; init; }

    /// <summary>Persons kept at the place whatever the share (<c>at-least 1 person</c>: a small office stays staffed), 0 for none.</summary>
    public int MinPersons { get; init; }

    /// <summary>
    /// For fixed shift groups (<c>groups 3 by position</c>, read as a cycle of one office day in N): the employee field
    /// whose values every group holds where the pool has enough of them; null otherwise.
    /// </summary>
    public string? GroupBy { get; init; }

    /// <summary>Whether no member may be at the office on two working days of the pool running (<c>no-consecutive-office-days</c>).</summary>
    public bool NoConsecutiveOffice { get; init; }

    /// <summary>A cycle each member follows (<c>cycle 2 office 1 home</c>: two working days at the office, one at home), staggered over the pool; null for none.</summary>
    public PoolCycle? Cycle { get; init; }

    /// <summary>The kind of bound the share is.</summary>
    public ShareBound Bound => Quotas.BoundOf(AtMost, AtLeast, High);

    /// <summary>How many of <paramref name="members"/> the quota puts at <see cref="Place"/>.</summary>
    public int Quota(int members) => Quotas.Planned(members, Bound, Percent, Rounding, MinPersons, 0);
}

/// <summary>One row of a quota table: where <paramref name="When"/> holds, the share is <paramref name="Percent"/> (a cap when <paramref name="AtMost"/>).</summary>
internal sealed record QuotaRowDecl(Expr When, decimal Percent, bool AtMost, SourceSpan Span)
{
    /// <summary>A floor: at least the share.</summary>
    public bool AtLeast { get; init; }

    /// <summary>The top of a range, or null.</summary>
    public decimal? High { get; init; }
}

/// <summary>N working days at the office, then M at home, over and over, per member.</summary>
internal sealed record PoolCycle(int Office, int Home)
{
    /// <summary>The cycle's length in working days.</summary>
    public int Length => Office + Home;

    /// <summary>Whether a member of <paramref name="phase"/> is at the office on the pool's <paramref name="day"/>-th working day.</summary>
    public bool AtOffice(int day, int phase) => (day + phase) % Length < Office;
}

/// <summary>The arithmetic of quotas, one place for pools and assignments.</summary>
internal static class Quotas
{
    /// <summary>The bound a share states: a range, a floor, a cap, or the target itself.</summary>
    public static ShareBound BoundOf(bool atMost, bool atLeast, decimal? high) =>
        high is not null ? ShareBound.Between : atLeast ? ShareBound.AtLeast : atMost ? ShareBound.AtMost : ShareBound.Exactly;

    /// <summary>
    /// The persons a roster puts at the place: the share rounded as stated (on the turn-th day for <c>turns</c>); for a
    /// range the least count not below its bottom (rounding plays no part); never fewer than the persons kept at the
    /// place (<paramref name="minPersons"/>), never more than the members.
    /// </summary>
    public static int Planned(int members, ShareBound bound, decimal percent, Rounding rounding, int minPersons, int turn)
    {
        var share = bound == ShareBound.Between ? (int)Math.Clamp(Math.Ceiling(Exact(members, percent)), 0, members) : OnTurn(members, percent, rounding, turn);
        return Math.Clamp(Math.Max(share, minPersons), 0, members);
    }

    /// <summary>For a range, the most persons its top allows (never below the planned count); else null.</summary>
    public static int? Highest(int members, ShareBound bound, decimal? high, int planned) =>
        bound == ShareBound.Between && high is { } top ? Math.Max(planned, (int)Math.Clamp(Math.Floor(Exact(members, top)), 0, members)) : null;

    /// <summary>
    /// <paramref name="percent"/> of <paramref name="members"/>, to twelve places: a share written as a fraction (1/3 is
    /// 33.33… to 28 digits) then gives whole persons where the fraction does (a third of three is 1, not 0.99…).
    /// </summary>
    public static decimal Exact(int members, decimal percent) => decimal.Round(members * percent / 100m, 12);

    /// <summary>
    /// Whether <paramref name="atPlace"/> persons at the place keep the share: the target exactly, at most the cap (and
    /// at least the persons kept), at least the floor, within the range. One rule for the planner's counts and
    /// <c>roster --check</c>.
    /// </summary>
    public static bool Holds(ShareBound bound, int atPlace, int quota, int? highest, int minimum) => bound switch
    {
        ShareBound.AtMost => atPlace <= quota && atPlace >= minimum,
        ShareBound.AtLeast => atPlace >= quota,
        ShareBound.Between => atPlace >= quota && atPlace <= (highest ?? quota),
        _ => atPlace == quota,
    };

    /// <summary>The share <paramref name="percent"/> of <paramref name="members"/> as whole persons, rounded as stated.</summary>
    public static int Of(int members, decimal percent, Rounding rounding)
    {
        var exact = Exact(members, percent);
        var rounded = rounding switch
        {
            Rounding.Down => Math.Floor(exact),
            Rounding.Up => Math.Ceiling(exact),
            Rounding.Turns => Math.Floor(exact),
            _ => Math.Floor(exact + 0.5m),
        };
        return (int)Math.Clamp(rounded, 0, members);
    }

    /// <summary>
    /// The places on the <paramref name="turn"/>-th day of a rotation (0: its first): as <see cref="Of"/>,
    /// except that <see cref="Rounding.Turns"/> adds a place on the days the fractions add up to one, so
    /// over the days the share is met as closely as whole persons allow.
    /// </summary>
    public static int OnTurn(int members, decimal percent, Rounding rounding, int turn)
    {
        if (rounding != Rounding.Turns) return Of(members, percent, rounding);
        var exact = members * percent / 100m;
        // Rounded like Exact, after the turn's multiple, so the turns of a third add up to whole persons.
        decimal Floor(decimal x) => Math.Floor(decimal.Round(x, 12));
        return (int)Math.Clamp(Floor((turn + 1) * exact) - Floor(turn * exact), 0, members);
    }
}

/// <summary>One provision: who (scope), what (mode, pool, obligations), and its place among exceptions.</summary>
/// <param name="Id">Unique within its circular.</param>
/// <param name="Cite">Source citation.</param>
/// <param name="Scope">Who it applies to; null means everyone the circular covers.</param>
/// <param name="Mode">The work mode it decides; null for a provision that only adds obligations.</param>
/// <param name="Pool">Rotation quota group, for <see cref="WorkMode.Rotation"/>.</param>
/// <param name="During">For obligation-only provisions: the decided modes they attach to (empty: any working mode).</param>
/// <param name="Overrides">Provisions this one is an exception to (explicit priority).</param>
/// <param name="Obligations">What applicable employees must do.</param>
/// <param name="Ambiguities">Notes where the source admits more than one reading.</param>
/// <param name="Span">Source span.</param>
internal sealed record ProvisionDecl(
    string Id,
    CitationDecl Cite,
    Expr? Scope,
    WorkMode? Mode,
    PoolDecl? Pool,
    ImmutableArray<WorkMode> During,
    ImmutableArray<string> Overrides,
    ImmutableArray<ObligationDecl> Obligations,
    ImmutableArray<string> Ambiguities,
    SourceSpan Span)
{
    /// <summary>
    /// Where the circular leaves the arrangement to the head of the unit (<c>defers "…"</c>): what it leaves, told in
    /// explanations beside the decision the provision makes; null when it leaves nothing.
    /// </summary>
    public string? Defers { get; init; }

    /// <summary>
    /// For an obligation-only provision, the place of the day its duties hold on (<c>during at-home</c>,
    /// <c>during at-office</c>): certain on a home or office decision, and on a rotation or optional day pending until a
    /// roster gives the place; null when the duties follow the decided modes only.
    /// </summary>
    public RosterPlace? OnPlace { get; init; }
};
