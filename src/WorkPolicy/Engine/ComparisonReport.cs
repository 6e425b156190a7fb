using System.Collections.Immutable;
using System.Globalization;
using System.Text.Json.Serialization;
using NodaTime;
using WorkPolicy.Parsing;
using WorkPolicy.Output;
using WorkPolicy.Analysis;

namespace WorkPolicy;

/// <summary>A class of staff two rule sets decide differently, and when.</summary>
/// <param name="From">First date of the stretch.</param>
/// <param name="To">Last date of the stretch (inclusive).</param>
/// <param name="Weekdays">The weekdays it holds on, or empty for every day.</param>
/// <param name="Regions">The regions it holds in.</param>
/// <param name="Who">The smallest description of the class, e.g. <c>unit.kind = puskesmas</c>.</param>
/// <param name="People">With facts: how many of their employees are in the class; otherwise null.</param>
/// <param name="Differs">What differs: <c>mode</c>, <c>pool</c>, <c>obligations</c>, <c>unknown</c>.</param>
/// <param name="A">The first rule set's decision for the class.</param>
/// <param name="B">The second's.</param>
public sealed record ClassDifference(LocalDate From, LocalDate To, ValueList<IsoDayOfWeek> Weekdays, ValueList<string> Regions, string Who,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] int? People, ValueList<string> Differs, Decision A, Decision B);

/// <summary>A stretch of dates and how many differences hold in it.</summary>
public sealed record ComparedPeriod(LocalDate From, LocalDate To, int Differences);

/// <summary>
/// An employee and a stretch of consecutive dates the two rule sets decide differently, alike on every date of it
/// (a comparison with facts); <paramref name="A"/> and <paramref name="B"/> are the decisions of its first date.
/// </summary>
public sealed record EmployeeDifference(string Employee, LocalDate From, LocalDate To, ValueList<string> Differs, Decision A, Decision B)
{
    /// <summary>How many dates the stretch holds.</summary>
    [JsonIgnore]
    public int Days => Period.DaysBetween(From, To) + 1;
}

/// <summary>What <see cref="PolicyAnalysis.Compare"/> found: who two rule sets decide differently and from when.</summary>
/// <example>
/// <code>
/// var report = PolicyAnalysis.Compare(issued, reading, new LocalDate(2021, 7, 1), new LocalDate(2021, 8, 31));
/// Snapshot.Match(report.ToString());   // the same text as 'workpolicy compare'
/// </code>
/// </example>
public sealed record ComparisonReport : Report
{
    [JsonConstructor]
    internal ComparisonReport(string a, string b, LocalDate from, LocalDate to, int classesCompared, bool complete,
        ValueList<ClassDifference> classes, ValueList<ComparedPeriod> periods, ValueList<EmployeeDifference>? employees)
    {
        A = a;
        B = b;
        From = from;
        To = to;
        ClassesCompared = classesCompared;
        Complete = complete;
        Classes = classes;
        Periods = periods;
        Employees = employees;
    }

    /// <summary>The first rule set's name.</summary>
    public string A { get; }

    /// <summary>The second rule set's name.</summary>
    public string B { get; }

    /// <summary>The first date compared.</summary>
    public LocalDate From { get; }

    /// <summary>The last date compared.</summary>
    public LocalDate To { get; }

    /// <summary>How many classes of staff were compared.</summary>
    public int ClassesCompared { get; }

    /// <summary>False when a region has more classes than the walk takes (SpaceWalk.MaxCells): the differences are those found.</summary>
    public bool Complete { get; }

    /// <summary>The classes that differ, by date, weekdays and region.</summary>
    public ValueList<ClassDifference> Classes { get; }

    /// <summary>The stretches of dates with their number of differences.</summary>
    public ValueList<ComparedPeriod> Periods { get; }

    /// <summary>With facts: every employee and date that differs; null without facts.</summary>
    [JsonPropertyName("differences")]
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public ValueList<EmployeeDifference>? Employees { get; }

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        writer.WriteLine($"A: {A}");
        writer.WriteLine($"B: {B}");
        writer.WriteLine($"every class of staff the rules tell apart, {Values.Text(From)} to {Values.Text(To)}: {ClassesCompared} classes compared{(Complete ? "" : $" (incomplete: a region has more than {SpaceWalk.MaxCells} classes)")}");
        var withPeople = Employees is not null;
        if (Classes.Count == 0) writer.WriteLine("no differences");
        else
        {
            var header = new List<string> { "FROM", "TO", "REGIONS", "WHO", "DIFFERS IN", "A", "B" };
            if (withPeople) header.Insert(4, "PEOPLE");
            var rows = new List<string[]> { header.ToArray() };
            rows.AddRange(Classes.Select(d =>
            {
                var row = new List<string> { Values.Text(d.From), Values.Text(d.To) + Weekdays(d), Regions(d), d.Who, string.Join(", ", d.Differs), DecisionDiff.Summary(d.A), DecisionDiff.Summary(d.B) };
                if (withPeople) row.Insert(4, (d.People ?? 0).ToString(CultureInfo.InvariantCulture));
                return row.ToArray();
            }));
            Table(writer, rows);
        }
        writer.WriteLine("by period:");
        foreach (var p in Periods)
            writer.WriteLine($"  {Values.Text(p.From)} to {Values.Text(p.To)}: {(p.Differences == 0 ? "no differences" : $"{p.Differences} difference(s)")}");
        if (Employees is not { } employees) return;
        writer.WriteLine("per employee:");
        if (employees.Count == 0)
        {
            writer.WriteLine("no differences");
            return;
        }
        var perEmployee = new List<string[]> { new[] { "EMPLOYEE", "FROM", "TO", "DIFFERS IN", "A", "B" } };
        perEmployee.AddRange(employees.Select(x => new[] { x.Employee, Values.Text(x.From), Values.Text(x.To), string.Join(", ", x.Differs), DecisionDiff.Summary(x.A), DecisionDiff.Summary(x.B) }));
        Table(writer, perEmployee);
        writer.WriteLine($"{employees.Count} difference(s) over {employees.Sum(x => x.Days)} employee-day(s)");
    }

    private static string Regions(ClassDifference d) => d.Regions.Count <= 2 ? string.Join(", ", d.Regions) : $"{d.Regions[0]} and {d.Regions.Count - 1} more";

    private static string Weekdays(ClassDifference d) =>
        d.Weekdays.Count == 0 ? "" : " (" + string.Join(", ", d.Weekdays.Select(w => w.ToString()[..3])) + ")";

    private static void Table(TextWriter writer, List<string[]> rows)
    {
        var widths = Enumerable.Range(0, rows[0].Length).Select(i => rows.Max(r => r[i].Length)).ToArray();
        foreach (var r in rows) writer.WriteLine(string.Join("  ", r.Select((c, i) => i == r.Length - 1 ? c : c.PadRight(widths[i]))).TrimEnd());
    }
}
