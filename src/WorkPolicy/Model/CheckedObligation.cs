using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;

namespace WorkPolicy.Model;

/// <summary>
/// An obligation with the properties the engine acts on typed by the linker: the check-in windows by
/// weekday, the <c>tolerance</c> that widens them, the weekdays the obligation is due (<c>days</c>) and
/// the rotation cadence (<c>every</c>). Every other property is carried as written, for output only.
/// </summary>
/// <param name="Kind">The obligation's kind, a code such as <c>check-in</c>.</param>
/// <param name="Windows">Time windows per weekday set, in the order written.</param>
/// <param name="Tolerance">How far the <c>tolerance</c> property widens every window, or zero.</param>
/// <param name="Days">The weekdays the obligation is due, or null for every working day.</param>
/// <param name="EveryDays">The <c>every</c> cadence in days, or null.</param>
/// <param name="Properties">The other properties (channel, recipients, …) as written.</param>
/// <param name="Decl">The syntax it was checked from.</param>
internal sealed record CheckedObligation(
    string Kind,
    ImmutableArray<WindowsValue> Windows,
    Duration Tolerance,
    ImmutableHashSet<IsoDayOfWeek>? Days,
    int? EveryDays,
    ImmutableArray<PropertyDecl> Properties,
    ObligationDecl Decl)
{
    /// <summary>Whether the obligation is due on <paramref name="date"/>.</summary>
    public bool DueOn(LocalDate date) => Days is null || Days.Contains(date.DayOfWeek);

    /// <summary>Whether the obligation has windows at all.</summary>
    public bool HasWindows => !Windows.IsEmpty;

    /// <summary>The windows due on <paramref name="date"/>'s weekday, widened by the tolerance.</summary>
    public ImmutableArray<TimeWindow> WindowsOn(LocalDate date)
    {
        var list = ImmutableArray.CreateBuilder<TimeWindow>();
        // Times of day move by a period; the tolerance is whole minutes.
        var widen = Period.FromMinutes((long)Tolerance.TotalMinutes);
        foreach (var w in Windows)
        {
            if (!w.Days.Contains(date.DayOfWeek)) continue;
            foreach (var x in w.Windows) list.Add(new TimeWindow(x.From - widen, x.To + widen));
        }
        return list.ToImmutable();
    }
}
