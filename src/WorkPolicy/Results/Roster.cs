using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy;

/// <summary>Where an employee is on a day of a roster.</summary>
public enum RosterPlace
{
    /// <summary>At the office.</summary>
    Office,
    /// <summary>Working from home.</summary>
    Home,
    /// <summary>Not a working day.</summary>
    Off,
}

/// <summary>One cell of a roster: an employee's place on a day.</summary>
public sealed record RosterEntry(string Employee, LocalDate Date, RosterPlace Place);

/// <summary>An employee and day a roster could not place, and the facts that would let it.</summary>
public sealed record UnplacedDay(string Employee, LocalDate Date, ValueList<string> Unknown);

/// <summary>A rotation pool on one day: its members, the quota and how many are at the quota's place.</summary>
public sealed record PoolDayCount(string Group, string Unit, LocalDate Date, int Members, QuotaPlace Place, int Quota, bool AtMost, int AtPlace)
{
    /// <summary>Whether the day's count honours the quota: the target exactly, at most a cap, at least a floor, within a range.</summary>
    public bool Holds => Quotas.Holds(Bound, AtPlace, Quota, Highest, Math.Min(Minimum, Members));

    /// <summary>The kind of bound (a cap when <see cref="AtMost"/>).</summary>
    public ShareBound Bound { get; init; } = AtMost ? ShareBound.AtMost : ShareBound.Exactly;

    /// <summary>For a range, the most persons its top allows at the place; null otherwise.</summary>
    public int? Highest { get; init; }

    /// <summary>Persons kept at the place whatever the share (<c>at-least 1 person</c>), 0 for none.</summary>
    public int Minimum { get; init; }

    /// <summary>For a share of a wider base (<c>50% of asn</c>): how many of the unit count in the base; null when the share is of the pool.</summary>
    public int? Base { get; init; }

    /// <summary>For a share of a wider base: how many of the base the rules fix at the quota's place (counted within the share, so not in <see cref="Quota"/>).</summary>
    public int? FixedAtPlace { get; init; }
}

/// <summary>One required check-in window and whether a check-in fell in it (local time in the obligation's zone).</summary>
public sealed record WindowAttendance(TimeWindow Window, bool Met, LocalTime? At);

/// <summary>An employee's check-in windows on one working-from-home day.</summary>
public sealed record AttendanceDay(string Employee, string Unit, LocalDate Date, string Zone, ValueList<WindowAttendance> Windows);

/// <summary>Totals for one unit over the period.</summary>
public sealed record UnitAttendance(string Unit, int Required, int Met)
{
    /// <summary>Windows missed.</summary>
    public int Missed => Required - Met;
}
