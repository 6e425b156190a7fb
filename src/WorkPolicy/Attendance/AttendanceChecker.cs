using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using WorkPolicy.Facts;
using WorkPolicy.Rostering;

namespace WorkPolicy.Attendance;

/// <summary>
/// Checks the facts' check-ins against the check-in windows due on each day an employee works
/// from home: days decided <c>home</c>, and rotation days the roster puts at home. Timestamps
/// carry any offset and are compared in the obligation's zone, so a UTC check-in late on one
/// date can count for the next local morning. A fixed time (a window of no length) is met by a
/// check-in within that minute; a tolerance stated in the rule file widens every window.
/// </summary>
internal static class AttendanceChecker
{
    /// <summary>The report for <paramref name="employees"/> over <paramref name="dates"/>, using <paramref name="roster"/> for rotation days.</summary>
    public static AttendanceResult Check(IDecider evaluator, IReadOnlyList<EmployeeFacts> employees, DateInterval dates, Roster roster)
    {
        var places = roster.Assignments.ToDictionary(a => (a.Employee, a.Date), a => a.Place);
        var checkins = evaluator.Facts.Facts.Checkins.ToLookup(c => c.Employee, StringComparer.Ordinal);
        var days = ImmutableArray.CreateBuilder<AttendanceDay>();
        var totals = new SortedDictionary<string, (int Required, int Met)>(StringComparer.Ordinal);
        var windowless = new SortedDictionary<(string Circular, string Provision), int>();
        var optionalUnplaced = 0;
        foreach (var e in employees)
        {
            foreach (var date in dates)
            {
                var d = evaluator.Decide(evaluator.Facts.Row(e), date);
                // At home: told so, or a rotation or optional day the roster puts at home (an optional day it does not
                // put at home is counted, so the report can say why it was not checked).
                var place = places.GetValueOrDefault((e.Id, date), RosterPlace.Off);
                var atHome = d.Mode == WorkMode.Home || (d.Mode is WorkMode.Rotation or WorkMode.Optional && place == RosterPlace.Home);
                if (d.Mode == WorkMode.Optional && place != RosterPlace.Home) optionalUnplaced++;
                if (!atHome) continue;
                foreach (var o in d.Obligations)
                {
                    if (o.Kind != "check-in") continue;
                    if (o.Windows is not { Count: > 0 } windows)
                    {
                        windowless[(o.Circular, o.Provision)] = windowless.GetValueOrDefault((o.Circular, o.Provision)) + 1;
                        continue;
                    }
                    var zone = DateTimeZoneProviders.Tzdb.GetZoneOrNull(o.Zone) ?? DateTimeZone.Utc;
                    var local = checkins[e.Id]
                        .Select(c => c.At.ToInstant().InZone(zone).LocalDateTime)
                        .Where(t => t.Date == date)
                        .Select(t => t.TimeOfDay)
                        .Order()
                        .ToList();
                    var checks = windows.Select(w =>
                    {
                        LocalTime? at = local.Cast<LocalTime?>().FirstOrDefault(t => Within(t!.Value, w));
                        return new WindowAttendance(w, at is not null, at);
                    }).ToImmutableArray();
                    days.Add(new AttendanceDay(e.Id, e.Unit, date, o.Zone, checks));
                    var (required, met) = totals.GetValueOrDefault(e.Unit);
                    totals[e.Unit] = (required + checks.Length, met + checks.Count(c => c.Met));
                }
            }
        }
        var notes = windowless.Select(w => $"check-in of provision '{w.Key.Provision}' (circular '{w.Key.Circular}') states no window: {w.Value} day(s) at home not checked (WP0324)").ToList();
        if (optionalUnplaced > 0)
            notes.Add($"{optionalUnplaced} optional day(s) (the employee may work from home) are not at home in the roster: give a roster that says home for the days worked from home to have them checked");
        return new AttendanceResult(days.ToImmutable(), [.. totals.Select(t => new UnitAttendance(t.Key, t.Value.Required, t.Value.Met))]) { Notes = [.. notes] };
    }

    /// <summary>Inclusive at minute precision: 07:30:59 is still in 07:00–07:30, and 08:00:40 meets a fixed 08:00.</summary>
    private static bool Within(LocalTime t, TimeWindow w)
    {
        var minute = new LocalTime(t.Hour, t.Minute);
        return minute >= w.From && minute <= w.To;
    }
}
