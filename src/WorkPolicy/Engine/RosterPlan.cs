using System.Collections.Immutable;
using System.Text;
using NodaTime;
using WorkPolicy.Output;
using WorkPolicy.Rostering;
using PlannedRoster = WorkPolicy.Rostering.Roster;

namespace WorkPolicy;

/// <summary>
/// A roster (<c>workpolicy roster</c>): a place per employee and day — fixed decisions kept, each pool's quota
/// per day, rotation as the rules say — with the pools' counts; as a table, JSON or a printable HTML page.
/// </summary>
/// <example>
/// <code>
/// var roster = engine.Roster(facts, monday, friday);
/// var place = roster.PlaceOf("e-001", monday);   // RosterPlace.Office
/// File.WriteAllText("roster.html", roster.ToHtml());
/// </code>
/// </example>
public sealed class RosterPlan : Report
{
    private readonly PlannedRoster _roster;
    private readonly Func<string> _html;
    // Made on the first PlaceOf: a roster only printed or written never needs it.
    private Dictionary<(string, LocalDate), RosterPlace>? _places;

    internal RosterPlan(PlannedRoster roster, Func<string> html)
    {
        _roster = roster;
        _html = html;
        Entries = roster.Assignments;
        Unplaced = roster.Unassigned;
        Pools = roster.Pools;
    }

    /// <summary>The places, employee by employee, each employee's days in order.</summary>
    public ValueList<RosterEntry> Entries { get; }

    /// <summary>What could not be placed because facts are missing.</summary>
    public ValueList<UnplacedDay> Unplaced { get; }

    /// <summary>Each pool's count against its quota per day.</summary>
    public ValueList<PoolDayCount> Pools { get; }

    /// <summary>The place of an employee on a day, or null when the roster does not place them then.</summary>
    public RosterPlace? PlaceOf(string employee, LocalDate date) =>
        (_places ??= Entries.ToDictionary(e => (e.Employee, e.Date), e => e.Place)).TryGetValue((employee, date), out var p) ? p : null;

    internal PlannedRoster Roster => _roster;

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        RosterFiles.Table(writer, _roster);
    }

    /// <inheritdoc/>
    public override void WriteJson(Stream stream)
    {
        ArgumentNullException.ThrowIfNull(stream);
        RosterFiles.WriteJson(stream, _roster);
    }

    /// <summary>The printable roster: a page per perangkat daerah, in Indonesian (<c>--format html</c>).</summary>
    public string ToHtml() => _html();
}

/// <summary>A violation of the rules by a roster: on a day, for an employee or a pool.</summary>
public sealed record RosterIssue(LocalDate? Date, string? Employee, string? Pool, string Message)
{
    /// <summary>As <c>roster --check</c> prints it: <c>2021-08-02 e-101: …</c>.</summary>
    public override string ToString()
    {
        var where = string.Join(" ", new[] { Date is { } d ? d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null, Employee, Pool }.Where(x => x is not null));
        return $"{where}: {Message}";
    }
}

/// <summary>What <see cref="PolicyEngine.CheckRoster"/> found in a roster: employees the facts do not know, and every violation.</summary>
public sealed class RosterCheckReport : Report
{
    internal RosterCheckReport(ImmutableArray<string> strangers, ImmutableArray<RosterIssue> issues)
    {
        Strangers = strangers;
        Issues = issues;
    }

    /// <summary>Employees in the roster but not in the facts.</summary>
    public ValueList<string> Strangers { get; }

    /// <summary>Every violation, by day.</summary>
    public ValueList<RosterIssue> Issues { get; }

    /// <summary>Whether the roster honours the rules.</summary>
    public bool Holds => Issues.Count == 0;

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var s in Strangers) writer.WriteLine($"employee '{s}' is in the roster but not in the facts");
        foreach (var v in Issues) writer.WriteLine(v.ToString());
        writer.WriteLine($"{Issues.Count} violation(s)");
    }

    /// <inheritdoc/>
    public override void WriteJson(Stream stream) => JsonText.WriteTo(stream, w =>
    {
        w.WriteStartObject();
        w.WriteStartArray("strangers");
        foreach (var s in Strangers) w.WriteStringValue(s);
        w.WriteEndArray();
        w.WriteStartArray("violations");
        foreach (var v in Issues)
        {
            w.WriteStartObject();
            if (v.Date is { } d) w.WriteString("date", Parsing.Values.Text(d));
            if (v.Employee is { } e) w.WriteString("employee", e);
            if (v.Pool is { } p) w.WriteString("pool", p);
            w.WriteString("message", v.Message);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    });
}
