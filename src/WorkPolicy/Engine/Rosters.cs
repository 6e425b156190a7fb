using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Loading;
using WorkPolicy.Output;
using WorkPolicy.Attendance;
using WorkPolicy.Rostering;
using PlannedRoster = WorkPolicy.Rostering.Roster;

namespace WorkPolicy;

/// <summary>
/// Rosters and attendance under one engine's rules (<see cref="PolicyEngine.Rosters"/>): plan who is at the office
/// on which day, read and check a roster an office made, and check the check-ins of the days at home.
/// </summary>
/// <example>
/// <code>
/// var plan = engine.Rosters.Plan(facts, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
/// var report = engine.Rosters.Check(facts, from, to, "august.csv").Value!;
/// </code>
/// </example>
public sealed class Rosters
{
    private readonly PolicyEngine _engine;

    internal Rosters(PolicyEngine engine) => _engine = engine;

    /// <summary>
    /// Plans a roster from <paramref name="from"/> to <paramref name="to"/>: a place per employee and day, fixed
    /// decisions kept, each pool's quota per day with the rule file's rounding and bound, rotation every N days
    /// as the rule says, office days within a pool differing by at most one (<c>workpolicy roster</c>).
    /// </summary>
    /// <example><code>var roster = engine.Rosters.Plan(facts, new LocalDate(2021, 8, 2), new LocalDate(2021, 8, 6));
    /// Console.Write(roster);   // the table of 'workpolicy roster'</code></example>
    public RosterPlan Plan(PolicyFacts facts, LocalDate from, LocalDate to, IProgress<int>? progress = null)
    {
        var binding = _engine.Bind(facts);
        var interval = DateRange.Of(from, to);
        var evaluator = binding.Memo;
        var roster = RosterPlanner.Plan(evaluator, facts.File.Employees, interval, progress);
        return new RosterPlan(roster, () => RosterHtml.Render(roster, binding.Index, interval.Start, interval.End, (e, d) =>
            evaluator.Classify(binding.Index.Row(e), d) is { Decided: true } v ? $"{_engine.Rules.Circulars[v.Circular].Model.Id}/{_engine.Rules.Circulars[v.Circular].Deciding[v.Provision].Model.Id}" : null));
    }

    /// <summary>
    /// Reads a roster file of any size: CSV with the header <c>employee,date,place</c>, or the JSON
    /// <see cref="RosterPlan.WriteJson"/> writes, read as a stream. Errors are diagnostics with file, line and column.
    /// To check a large roster, <see cref="Check(PolicyFacts, LocalDate, LocalDate, string)"/> reads it without
    /// holding an entry per place.
    /// </summary>
    public static Loaded<IReadOnlyList<RosterEntry>> Read(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var diagnostics = new List<Diagnostic>();
        var entries = new List<RosterEntry>();
        if (SourceText.Open(path, diagnostics) is not { } file) return new(null, [.. diagnostics]);
        var given = new HashSet<(string, LocalDate)>();
        using (file) RosterReader.Read(path, file, (e, d, p) =>
        {
            entries.Add(new RosterEntry(e, d, p));
            return given.Add((e, d));
        }, diagnostics);
        return new(diagnostics.Count > 0 ? null : entries, [.. diagnostics]);
    }

    /// <summary>Checks a roster (an office's own, say) against the rules from <paramref name="from"/> to <paramref name="to"/> (<c>workpolicy roster --check</c>).</summary>
    /// <example><code>var roster = Rosters.Read("august.csv").Value!;
    /// var report = engine.Rosters.Check(facts, from, to, roster);
    /// foreach (var issue in report.Issues) Console.WriteLine(issue);</code></example>
    public RosterCheckReport Check(PolicyFacts facts, LocalDate from, LocalDate to, IEnumerable<RosterEntry> roster)
    {
        var binding = _engine.Bind(facts);
        ArgumentNullException.ThrowIfNull(roster);
        var interval = DateRange.Of(from, to);
        var grid = new RosterPlaces([.. facts.File.Employees.Select(e => e.Id)], interval);
        foreach (var a in roster) grid.Add(a.Employee, a.Date, a.Place);
        return Checked(binding, facts, interval, grid);
    }

    /// <summary>
    /// Checks the roster file at <paramref name="path"/> (CSV or JSON, of any size) against the rules, read as a stream
    /// into a byte per employee and day: a million employees over a month are checked in the memory of their facts.
    /// Null, with the diagnostics, when the file has errors.
    /// </summary>
    /// <example><code>var checkedRoster = engine.Rosters.Check(facts, from, to, "august.json");
    /// if (checkedRoster.Value is { } report) Console.Write(report);</code></example>
    public Loaded<RosterCheckReport> Check(PolicyFacts facts, LocalDate from, LocalDate to, string path)
    {
        var binding = _engine.Bind(facts);
        ArgumentNullException.ThrowIfNull(path);
        var interval = DateRange.Of(from, to);
        var diagnostics = new List<Diagnostic>();
        if (SourceText.Open(path, diagnostics) is not { } file) return new(null, [.. diagnostics]);
        var grid = new RosterPlaces([.. facts.File.Employees.Select(e => e.Id)], interval);
        using (file) RosterReader.Read(path, file, grid.Add, diagnostics);
        return diagnostics.Count > 0 ? new(null, [.. diagnostics]) : new(Checked(binding, facts, interval, grid), []);
    }

    private RosterCheckReport Checked(FactsBinding binding, PolicyFacts facts, DateInterval interval, RosterPlaces grid)
    {
        var violations = RosterChecker.Check(binding.Memo, facts.File.Employees, interval, grid);
        ImmutableArray<string> strangers = [.. grid.Strangers];
        if (grid.MoreStrangers > 0) strangers = strangers.Add($"… and {grid.MoreStrangers:N0} more");
        return new RosterCheckReport(strangers, [.. violations.Select(v => new RosterIssue(v.Date, v.Employee, v.Pool, v.Message))]);
    }

    /// <summary>
    /// Per employee and working-from-home day, each required check-in window met or missed by the facts'
    /// check-ins (compared in the circular's zone), with totals per unit (<c>workpolicy attendance</c>). Rotation
    /// days at home are those of <paramref name="roster"/>, or of the planned roster when none is given.
    /// </summary>
    /// <example><code>var report = engine.Rosters.Attendance(facts, from, to);
    /// foreach (var unit in report.Units) Console.WriteLine($"{unit.Unit}: {unit.Missed} missed");</code></example>
    public AttendanceReport Attendance(PolicyFacts facts, LocalDate from, LocalDate to, IEnumerable<RosterEntry>? roster = null)
    {
        var binding = _engine.Bind(facts);
        var interval = DateRange.Of(from, to);
        var plan = roster is null
            ? RosterPlanner.Plan(binding.Memo, facts.File.Employees, interval)
            : new PlannedRoster([.. roster], [], []);
        var report = AttendanceChecker.Check(binding.Memo, facts.File.Employees, interval, plan);
        return new AttendanceReport(report.Days, report.Units) { Notes = report.Notes };
    }
}
