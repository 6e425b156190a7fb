using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;

namespace WorkPolicy;

/// <summary>A provision behind a decision: its id, its circular and where the source says it.</summary>
/// <param name="Id">The provision's id within its circular.</param>
/// <param name="Circular">The circular's id.</param>
/// <param name="Cite">The point and a short quote, e.g. <c>point 2: "dikecualikan bagi …"</c>.</param>
public sealed record ProvisionRef(string Id, string Circular, string Cite);

/// <summary>The rotation pool an employee belongs to and its quota.</summary>
/// <param name="Group">The quota group, e.g. <c>pelaksana</c>.</param>
/// <param name="Unit">The unit the quota is counted in (the perangkat daerah for <c>per top-unit</c>).</param>
/// <param name="Place">The place the percentage speaks of.</param>
/// <param name="Percent">The share, 0 to 100.</param>
/// <param name="Rounding">How the share of a headcount becomes whole persons.</param>
/// <param name="AtMost">True for a cap; false when the share is the target.</param>
public sealed record PoolAssignment(string Group, string Unit, QuotaPlace Place, decimal Percent, Rounding Rounding, bool AtMost)
{
    /// <summary>A floor: at least <see cref="Percent"/> at the place.</summary>
    public bool AtLeast { get; init; }

    /// <summary>For a range (<c>between 25% and 30%</c>), its top; <see cref="Percent"/> is its bottom. Null otherwise.</summary>
    public decimal? PercentHigh { get; init; }

    /// <summary>Persons kept at the place whatever the share (<c>at-least 1 person</c>), 0 for none.</summary>
    public int MinPersons { get; init; }

    /// <summary>For a pool whose members take turns in a cycle (<c>cycle 2 office 1 home</c>): its working days at the office, else null.</summary>
    public int? CycleOffice { get; init; }

    /// <summary>For a pool in a cycle: its working days at home, else null.</summary>
    public int? CycleHome { get; init; }

    /// <summary>For fixed shift groups: the employee field every group holds the values of; null otherwise.</summary>
    public string? GroupBy { get; init; }

    /// <summary>Whether no member may be at the office on two of the pool's working days running.</summary>
    public bool NoConsecutiveOffice { get; init; }

    /// <summary>The kind of bound: target, cap, floor or range.</summary>
    public ShareBound Bound => Quotas.BoundOf(AtMost, AtLeast, PercentHigh);

    /// <summary>E.g. <c>pelaksana of disdik: office at most 25%, at least 1 person (rounding down)</c>.</summary>
    public override string ToString() =>
        $"{Group} of {Unit}: {(Place == QuotaPlace.Office ? "office" : "home")} {Words()} ({(Bound == ShareBound.Between ? "the least whole count in the range" : "rounding " + Rounding.ToString().ToLowerInvariant())})";

    /// <summary>
    /// The share with its bound, the persons kept and the cycle, in words: <c>at most 25%</c>, <c>between 25% and 30%</c>,
    /// <c>25%, at least 1 person</c>, <c>2/3, each 2 day(s) at the office then 1 at home</c>.
    /// </summary>
    public string Words()
    {
        static string P(decimal p) => Parsing.Values.ShareText(p);
        var share = Bound switch
        {
            ShareBound.AtMost => $"at most {P(Percent)}",
            ShareBound.AtLeast => $"at least {P(Percent)}",
            ShareBound.Between => $"between {P(Percent)} and {P(PercentHigh!.Value)}",
            _ => P(Percent),
        };
        return share + (MinPersons > 0 ? $", at least {MinPersons} {(MinPersons == 1 ? "person" : "persons")}" : "")
            + (CycleOffice is { } o ? GroupBy is { } by ? $", {o + CycleHome} groups by {by} taking turns" : $", each {o} day(s) at the office then {CycleHome} at home" : "")
            + (NoConsecutiveOffice ? ", never two office days running" : "");
    }

    /// <summary>Persons the quota puts at <see cref="Place"/> out of <paramref name="members"/>.</summary>
    public int Quota(int members) => Quota(members, 0);

    /// <summary>How many of <paramref name="members"/> the quota puts at <see cref="Place"/> on the <paramref name="turn"/>-th day of the rotation (0: its first).</summary>
    public int Quota(int members, int turn) => Quotas.Planned(members, Bound, Percent, Rounding, MinPersons, turn);

    /// <summary>For a range, the most of <paramref name="members"/> its top allows at the place; else null.</summary>
    public int? Highest(int members) => Quotas.Highest(members, Bound, PercentHigh, Quota(members));
}

/// <summary>An obligation for the day: its kind, zone, details, and the day's time windows if it has any.</summary>
public sealed record ObligationResult
{
    internal ObligationResult(string kind, string circular, string provision, string zone, ImmutableArray<PropertyDecl> properties, ImmutableArray<TimeWindow>? windows, int? everyDays)
    {
        Kind = kind;
        Circular = circular;
        Provision = provision;
        Zone = zone;
        Properties = properties;
        Windows = windows;
        EveryDays = everyDays;
    }

    /// <summary>The kind, e.g. <c>check-in</c>.</summary>
    public string Kind { get; }

    /// <summary>The circular that imposes it.</summary>
    public string Circular { get; }

    /// <summary>The provision that imposes it.</summary>
    public string Provision { get; }

    /// <summary>The zone its times are read in, e.g. <c>Asia/Makassar</c>.</summary>
    public string Zone { get; }

    /// <summary>The day's windows (a fixed time is a window of no length), or null when the obligation has none.</summary>
    public ValueList<TimeWindow>? Windows { get; }

    /// <summary>The other details as written in the rule file (channel, recipients, …), in file order.</summary>
    public ValueList<KeyValuePair<string, string>> Details => [.. Properties.Select(p => KeyValuePair.Create(p.Key, PropertyText.Of(p.Value)))];

    internal ImmutableArray<PropertyDecl> Properties { get; }

    /// <summary>The rotation cadence in days (<c>every</c>), for rosters.</summary>
    internal int? EveryDays { get; }

    /// <summary>
    /// Whether it is pending: whether it applies depends on facts not given (they are in the decision's
    /// <see cref="Decision.Unknown"/>); the decision's mode stands either way.
    /// </summary>
    public bool Pending { get; init; }

    /// <summary>Equal when kind, circular, provision, zone, windows and details are.</summary>
    public bool Equals(ObligationResult? other) =>
        other is not null && Kind == other.Kind && Circular == other.Circular && Provision == other.Provision && Zone == other.Zone
        && EveryDays == other.EveryDays && Pending == other.Pending && Windows.HasValue == other.Windows.HasValue
        && (Windows is not { } a || a.SequenceEqual(other.Windows!.Value)) && Details.SequenceEqual(other.Details);

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Kind, Circular, Provision, Zone, Windows?.Count);

    /// <summary>E.g. <c>check-in (palopo-2021-wfh/p5-share-location) 07:00-07:30, 12:00-12:30 Asia/Makassar</c>.</summary>
    public override string ToString()
    {
        var windows = Windows is { } ws ? " " + (ws.Count == 0 ? "no window today" : string.Join(", ", ws)) + " " + Zone : "";
        var details = Details.Count == 0 ? "" : " {" + string.Join(", ", Details.Select(d => $"{d.Key} {d.Value}")) + "}";
        return $"{Kind}{(Pending ? " (pending)" : "")} ({Circular}/{Provision}){windows}{details}";
    }
}

/// <summary>The answer for one employee on one date.</summary>
/// <param name="Employee">The employee's id.</param>
/// <param name="Date">The date.</param>
/// <param name="Mode">The decided mode.</param>
/// <param name="Circulars">The circulars in force for the employee on the date.</param>
/// <param name="Provisions">The provisions behind the decision, the deciding one first.</param>
/// <param name="Obligations">What the employee must do that day.</param>
/// <param name="Pool">For rotation: the quota group and its quota.</param>
/// <param name="Unknown">For an indeterminate decision, the paths of the facts that would settle the mode; otherwise those that would settle a pending obligation.</param>
public sealed record Decision(
    string Employee,
    LocalDate Date,
    WorkMode Mode,
    ValueList<string> Circulars,
    ValueList<ProvisionRef> Provisions,
    ValueList<ObligationResult> Obligations,
    PoolAssignment? Pool,
    ValueList<string> Unknown)
{
    /// <summary>For <see cref="WorkMode.NotCovered"/>: whether no circular is in force or none of their provisions fits.</summary>
    public NotCoveredReason? Reason { get; init; }

    /// <summary>The details as the engine assembled them, one instance per outcome the memo layer shares (null for a decision made elsewhere).</summary>
    internal DecisionDetails? Shared { get; init; }

    /// <summary>Equal when every part is: lists compared by content, in order.</summary>
    public bool Equals(Decision? other) =>
        other is not null && Employee == other.Employee && Date == other.Date && Mode == other.Mode && Reason == other.Reason
        && Pool == other.Pool && Circulars == other.Circulars && Provisions == other.Provisions
        && Obligations == other.Obligations && Unknown == other.Unknown;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Employee, Date, Mode, Reason, Pool, Provisions.Count, Obligations.Count, Unknown.Count);

    /// <summary>One line: <c>e-001 2021-07-30 rotation by palopo-2021-wfh/p1-rotation; pool pelaksana of disdik: office 25%; must check-in (…)</c>.</summary>
    public override string ToString()
    {
        var sb = new System.Text.StringBuilder();
        sb.Append(Employee).Append(' ').Append(Date.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture)).Append(' ').Append(Mode.Word());
        if (Reason is { } reason) sb.Append(" (").Append(reason.Word()).Append(')');
        if (Provisions.Count > 0) sb.Append(" by ").AppendJoin(", ", Provisions.Select(p => p.Circular + "/" + p.Id));
        if (Pool is { } pool) sb.Append("; pool ").Append(pool);
        foreach (var o in Obligations) sb.Append("; must ").Append(o);
        if (Unknown.Count > 0) sb.Append("; needs ").AppendJoin(", ", Unknown);
        return sb.ToString();
    }
}

/// <summary>One line of an explanation: what was considered and why it did or did not count.</summary>
/// <param name="Circular">The circular (empty for the facts themselves).</param>
/// <param name="Provision">The provision, or null for the circular as a whole.</param>
/// <param name="Outcome">A word: <c>in force</c>, <c>not in force</c>, <c>applied</c>, <c>overridden</c>, <c>not asked</c>, …</param>
/// <param name="Reason">Why, in words.</param>
public sealed record TraceEntry(string Circular, [property: System.Text.Json.Serialization.JsonIgnore(Condition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull)] string? Provision, string Outcome, string Reason);
