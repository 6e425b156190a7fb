using System.Collections.Immutable;
using System.Text;
using System.Text.Json.Serialization;
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
/// var roster = engine.Rosters.Plan(facts, monday, friday);
/// var place = roster.PlaceOf("e-001", monday);   // RosterPlace.Office
/// File.WriteAllText("roster.html", roster.ToHtml());
/// </code>
/// </example>
public sealed record RosterPlan : Report
{
    private readonly PlannedRoster _roster;
    private readonly Func<string> _html;
    // Made on the first PlaceOf: a roster only printed or written never needs it.
    private Dictionary<(string, LocalDate), RosterPlace>? _places;

    internal RosterPlan(PlannedRoster roster, Func<string> html)
    {
        _roster = roster;
        _html = html;
        Unplaced = roster.Unassigned;
        Pools = roster.Pools;
    }

    /// <summary>The places, employee by employee, each employee's days in order (made on first use: a roster only written never needs them as objects).</summary>
    public ValueList<RosterEntry> Entries => _entries ??= new ValueList<RosterEntry>([.. _roster.Assignments]);

    private ValueList<RosterEntry>? _entries;

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

    /// <summary>Equal when the places, the days not placed and the pools' counts are.</summary>
    public bool Equals(RosterPlan? other) => other is not null && Entries == other.Entries && Unplaced == other.Unplaced && Pools == other.Pools;

    /// <inheritdoc/>
    public override int GetHashCode() => HashCode.Combine(Entries.Count, Unplaced.Count, Pools.Count);
}

/// <summary>A violation of the rules by a roster: on a day, for an employee or a pool.</summary>
public sealed record RosterIssue(
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] LocalDate? Date,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Employee,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] string? Pool,
    string Message)
{
    /// <summary>As <c>roster --check</c> prints it: <c>2021-08-02 e-101: …</c>.</summary>
    public override string ToString()
    {
        var where = string.Join(" ", new[] { Date is { } d ? d.ToString("uuuu-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : null, Employee, Pool }.Where(x => x is not null));
        return $"{where}: {Message}";
    }
}

/// <summary>What <see cref="Rosters.Check(PolicyFacts, NodaTime.LocalDate, NodaTime.LocalDate, IEnumerable{RosterEntry})"/> found in a roster: employees the facts do not know, and every violation.</summary>
public sealed record RosterCheckReport : Report
{
    [JsonConstructor]
    internal RosterCheckReport(ValueList<string> strangers, ValueList<RosterIssue> issues)
    {
        Strangers = strangers;
        Issues = issues;
    }

    /// <summary>Employees in the roster but not in the facts.</summary>
    public ValueList<string> Strangers { get; }

    /// <summary>Every violation, by day.</summary>
    [JsonPropertyName("violations")]
    public ValueList<RosterIssue> Issues { get; }

    /// <summary>Whether the roster honours the rules.</summary>
    [JsonIgnore]
    public bool Holds => Issues.Count == 0;

    /// <inheritdoc/>
    public override void WriteText(TextWriter writer)
    {
        ArgumentNullException.ThrowIfNull(writer);
        foreach (var s in Strangers) writer.WriteLine($"employee '{s}' is in the roster but not in the facts");
        foreach (var v in Issues) writer.WriteLine(v.ToString());
        writer.WriteLine($"{Issues.Count} violation(s)");
    }
}
