using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Loading;
using WorkPolicy.Output;
using WorkPolicy.Attendance;
using WorkPolicy.Rostering;
using PlannedRoster = WorkPolicy.Rostering.Roster;

namespace WorkPolicy;

public sealed partial class PolicyEngine
{
    /// <summary>
    /// Plans a roster from <paramref name="from"/> to <paramref name="to"/>: a place per employee and day, fixed
    /// decisions kept, each pool's quota per day with the rule file's rounding and bound, rotation every N days
    /// as the rule says, office days within a pool differing by at most one (<c>workpolicy roster</c>).
    /// </summary>
    /// <example><code>var roster = engine.Roster(facts, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
    /// Console.Write(roster);   // the table of 'workpolicy roster'</code></example>
    public RosterPlan Roster(PolicyFacts facts, LocalDate from, LocalDate to, IProgress<int>? progress = null)
    {
        var binding = Bind(facts);
        var interval = Interval(from, to);
        var evaluator = binding.Memo;
        var roster = RosterPlanner.Plan(evaluator, facts.File.Employees, interval, progress);
        return new RosterPlan(roster, () => RosterHtml.Render(roster, binding.Index, interval.Start, interval.End, (e, d) =>
            evaluator.Classify(binding.Index.Row(e), d) is { Decided: true } v ? $"{Rules.Circulars[v.Circular].Model.Id}/{Rules.Circulars[v.Circular].Deciding[v.Provision].Model.Id}" : null));
    }

    /// <summary>
    /// Reads a roster file: CSV with the header <c>employee,date,place</c>, or the JSON <see cref="RosterPlan.WriteJson"/> writes,
    /// up to 256 MiB. Errors are diagnostics with file, line and column.
    /// </summary>
    public static Loaded<IReadOnlyList<RosterEntry>> ReadRoster(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        // A roster is data, as large as the population it plans: read up to the facts' bound, not a rule file's 4 MiB —
        // `roster --check` refused the rosters `roster` writes for 100,000 employees.
        if (SourceText.Read(path, diagnostics, Limits.MaxFactsBytes) is not { } text || RosterFiles.Read(path, text, diagnostics) is not { } assignments || diagnostics.Count > 0)
            return new(null, [.. diagnostics]);
        return new(assignments, [.. diagnostics]);
    }

    /// <summary>Checks a roster (an office's own, say) against the rules from <paramref name="from"/> to <paramref name="to"/> (<c>workpolicy roster --check</c>).</summary>
    /// <example><code>var roster = PolicyEngine.ReadRoster("august.csv").Value!;
    /// var report = engine.CheckRoster(facts, from, to, roster);
    /// foreach (var issue in report.Issues) Console.WriteLine(issue);</code></example>
    public RosterCheckReport CheckRoster(PolicyFacts facts, LocalDate from, LocalDate to, IEnumerable<RosterEntry> roster)
    {
        var binding = Bind(facts);
        ArgumentNullException.ThrowIfNull(roster);
        var assignments = roster.ToList();
        var known = facts.File.Employees.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        var strangers = assignments.Select(a => a.Employee).Where(e => !known.Contains(e)).Distinct().Order(StringComparer.Ordinal);
        var violations = RosterChecker.Check(binding.Memo, facts.File.Employees, Interval(from, to), assignments);
        return new RosterCheckReport([.. strangers], [.. violations.Select(v => new RosterIssue(v.Date, v.Employee, v.Pool, v.Message))]);
    }

    /// <summary>
    /// Per employee and working-from-home day, each required check-in window met or missed by the facts'
    /// check-ins (compared in the circular's zone), with totals per unit (<c>workpolicy attendance</c>). Rotation
    /// days at home are those of <paramref name="roster"/>, or of the planned roster when none is given.
    /// </summary>
    /// <example><code>var report = engine.Attendance(facts, from, to);
    /// foreach (var unit in report.Units) Console.WriteLine($"{unit.Unit}: {unit.Missed} missed");</code></example>
    public AttendanceReport Attendance(PolicyFacts facts, LocalDate from, LocalDate to, IEnumerable<RosterEntry>? roster = null)
    {
        var binding = Bind(facts);
        var interval = Interval(from, to);
        var plan = roster is null
            ? RosterPlanner.Plan(binding.Memo, facts.File.Employees, interval)
            : new PlannedRoster([.. roster], [], []);
        var report = AttendanceChecker.Check(binding.Memo, facts.File.Employees, interval, plan);
        return new AttendanceReport(report.Days, report.Units) { Notes = report.Notes };
    }

    private static DateInterval Interval(LocalDate from, LocalDate to)
    {
        if (to < from) throw new ArgumentException($"the last date {to:uuuu-MM-dd} is before the first {from:uuuu-MM-dd}", nameof(to));
        return new DateInterval(from, to);
    }
}
