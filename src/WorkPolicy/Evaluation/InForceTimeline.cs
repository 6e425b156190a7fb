using System.Collections.Immutable;
using NodaTime;

namespace WorkPolicy.Evaluation;

/// <summary>
/// When a circular with an end condition is in force in one region: from its start, unknown from
/// the first status change point whose status is unknown, over from the first point where the
/// condition holds. Computed once per circular and region from the status series.
/// </summary>
internal sealed record InForceTimeline(LocalDate? UnknownFrom, LocalDate? EndsOn, ImmutableArray<string> Missing)
{
    public Tri At(LocalDate date) =>
        EndsOn is { } end && date >= end ? Tri.False
        : UnknownFrom is { } u && date >= u ? Tri.Unknown
        : Tri.True;

    /// <summary>The timeline of <paramref name="c"/> in the region of <paramref name="s"/> (whose date it leaves as it was).</summary>
    public static InForceTimeline Compute(CompiledCircular c, DecisionSubject s)
    {
        var from = c.Model.Start;
        var points = new List<LocalDate> { from };
        if (s.Index.Status.TryGetValue(s.Region, out var status))
        {
            foreach (var series in status.Series.Values)
            {
                foreach (var e in series)
                {
                    if (e.From > from) points.Add(e.From);
                }
            }
        }
        points.Sort();
        var saved = s.Date;
        LocalDate? unknownFrom = null;
        var missing = new List<string>();
        try
        {
            foreach (var p in points.Distinct())
            {
                s.Date = p;
                s.Missing = missing;
                var r = c.Until!(s);
                s.Missing = null;
                if (r == Tri.True) return new InForceTimeline(unknownFrom, p, [.. missing.Distinct()]);
                if (r == Tri.Unknown) unknownFrom ??= p;
            }
            return new InForceTimeline(unknownFrom, null, [.. missing.Distinct()]);
        }
        finally
        {
            s.Date = saved;
            s.Missing = null;
        }
    }
}
