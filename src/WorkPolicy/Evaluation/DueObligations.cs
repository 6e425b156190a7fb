using System.Collections.Immutable;
using NodaTime;

namespace WorkPolicy.Evaluation;

/// <summary>Which of a provision's obligations are due on a date, as the decision lists them.</summary>
internal static class DueObligations
{
    /// <summary>Adds the obligations of <paramref name="p"/> due on <paramref name="date"/> (<paramref name="pending"/>: whether they apply is unknown); how many were added (none: the provision adds nothing that day).</summary>
    public static int Add(CompiledCircular c, CompiledProvision p, LocalDate date, ImmutableArray<ObligationResult>.Builder into, bool pending = false)
    {
        var before = into.Count;
        foreach (var o in p.Model.Obligations)
        {
            if (!o.DueOn(date)) continue;
            into.Add(new ObligationResult(o.Kind, c.Model.Id, p.Model.Id, c.Model.ZoneId, o.Properties, o.HasWindows ? o.WindowsOn(date) : null, o.EveryDays) { Pending = pending });
        }
        return into.Count - before;
    }
}
