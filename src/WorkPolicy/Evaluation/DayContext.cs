using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy.Evaluation;

/// <summary>Why a circular is in force on a day, or not: decided once, in <see cref="DayContext.For"/>, and only told by observers.</summary>
internal enum InForceReason : byte
{
    /// <summary>It does not name the region.</summary>
    NotInRegion,
    /// <summary>A later circular revoked it from a day on or before this one.</summary>
    Revoked,
    /// <summary>The day is outside its dates (or this version's).</summary>
    OutsideDates,
    /// <summary>In force: within its dates, with no end condition.</summary>
    InForce,
    /// <summary>Not in force: its end condition held.</summary>
    EndHeld,
    /// <summary>Unknown: whether its end condition held depends on missing facts.</summary>
    EndUnknown,
    /// <summary>In force: its end condition has not held.</summary>
    EndNotHeld,
}

/// <summary>
/// What holds for everyone of one region on one date, before any employee fact is read: whether
/// each circular is in force (three-valued: an end condition over unknown status is unknown) and
/// whether the date is a working day. The first step of the walk, computed by <see cref="For"/>.
/// </summary>
internal sealed class DayContext
{
    private DayContext(System.Collections.Immutable.ImmutableArray<CompiledCircular> circulars, string region, LocalDate date, Tri[] inForce, InForceReason[] reasons, InForceTimeline?[] timelines, bool workingDay)
    {
        Reasons = reasons;
        Circulars = circulars;
        Region = region;
        Date = date;
        InForce = inForce;
        Timelines = timelines;
        WorkingDay = workingDay;
        var standing = new List<int>();
        for (var i = inForce.Length - 1; i >= 0; i--)
        {
            if (inForce[i] != Tri.False) standing.Add(i);
        }
        Standing = [.. standing];
        AnyInForce = inForce.Contains(Tri.True);
    }

    /// <summary>The circulars in force or of unknown standing, newest first: those the walk asks.</summary>
    public int[] Standing { get; }

    /// <summary>Whether some circular is known to be in force.</summary>
    public bool AnyInForce { get; }

    /// <summary>The circulars the statuses are of.</summary>
    public System.Collections.Immutable.ImmutableArray<CompiledCircular> Circulars { get; }

    /// <summary>The region.</summary>
    public string Region { get; }

    /// <summary>The date.</summary>
    public LocalDate Date { get; }

    /// <summary>Per circular (by index): in force, not, or unknown.</summary>
    public Tri[] InForce { get; }

    /// <summary>Per circular (by index): why it is in force or not.</summary>
    public InForceReason[] Reasons { get; }

    /// <summary>Per circular with an end condition that names the region: its timeline (for the facts an unknown end needs).</summary>
    public InForceTimeline?[] Timelines { get; }

    /// <summary>Whether the date is a working day in the facts' calendar.</summary>
    public bool WorkingDay { get; }

    /// <summary>
    /// The context of <paramref name="region"/> on <paramref name="date"/>. A circular is in force when
    /// it names the region, the date is within its dates and its end condition has not held.
    /// </summary>
    public static DayContext For(CompiledRules rules, FactIndex facts, string region, LocalDate date, TimelineCache timelines)
    {
        var circulars = rules.Circulars;
        var inForce = new Tri[circulars.Length];
        var reasons = new InForceReason[circulars.Length];
        var lines = new InForceTimeline?[circulars.Length];
        for (var i = 0; i < circulars.Length; i++)
        {
            var m = circulars[i].Model;
            if (!m.Regions.Contains(region))
            {
                reasons[i] = InForceReason.NotInRegion;
                continue;
            }
            if (!m.WithinDates(date))
            {
                reasons[i] = m.RevokedFrom is { } revoked && date >= revoked && date >= m.From ? InForceReason.Revoked : InForceReason.OutsideDates;
                continue;
            }
            if (circulars[i].Until is null)
            {
                (inForce[i], reasons[i]) = (Tri.True, InForceReason.InForce);
                continue;
            }
            lines[i] = timelines.Get(circulars[i], facts, region);
            inForce[i] = lines[i]!.At(date);
            reasons[i] = inForce[i] switch { Tri.False => InForceReason.EndHeld, Tri.Unknown => InForceReason.EndUnknown, _ => InForceReason.EndNotHeld };
        }
        return new DayContext(circulars, region, date, inForce, reasons, lines, facts.IsWorkingDay(date));
    }
}
