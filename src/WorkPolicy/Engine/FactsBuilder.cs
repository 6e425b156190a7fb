using NodaTime;

namespace WorkPolicy;

/// <summary>What to do with a record (unit or employee) that does not fit the vocabulary.</summary>
public enum BadRecords
{
    /// <summary>Any bad record rejects the whole set: no facts, every diagnostic.</summary>
    Reject,
    /// <summary>Bad records are left out and reported; the rest are facts.</summary>
    Skip,
}

/// <summary>
/// Facts from an application's own data — regions with dated status series, units, employees, calendar,
/// incidents — checked against the rules' vocabulary by <see cref="FactsReader.Build"/> exactly as a facts
/// file is; a diagnostic names the record and field (<c>hr/employees[e-7].position</c>) and keeps its did-you-mean.
/// Field values: a string (a code or text), a bool, a number, or a list of strings (a set); a dotted key such as
/// <c>health.healthy</c> is a nested field, and so is a value that is itself a dictionary (<c>["health"] = new Dictionary&lt;string, object?&gt; { ["healthy"] = true }</c>).
/// </summary>
/// <example>
/// <code>
/// var builder = new FactsBuilder("hr")
///     .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
///     .Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
///     .Employee("e-001", "disdik", new() { ["employment"] = "pns", ["position"] = "pelaksana" });
/// var facts = engine.Facts.Build(builder, BadRecords.Skip);
/// </code>
/// </example>
public sealed class FactsBuilder
{
    private readonly List<(string Region, string Series, LocalDate From, Dictionary<string, object?> Values)> _status = [];
    private readonly List<(string Id, string Region, string? Name, string? Parent, Dictionary<string, object?> Fields)> _units = [];
    private readonly List<(string Id, string Unit, Dictionary<string, object?> Fields)> _employees = [];
    private readonly List<(string Kind, string Unit, LocalDate Confirmed)> _incidents = [];
    private readonly Dictionary<string, List<(string Series, LocalDate From, LocalDate? Until, Dictionary<string, object?> Values)>> _personal = new(StringComparer.Ordinal);
    private bool _incidentsKnown;
    private IsoDayOfWeek[]? _workweek;
    private LocalDate[] _holidays = [];

    /// <summary>A builder whose facts go by <paramref name="name"/> in diagnostics.</summary>
    public FactsBuilder(string name = "facts")
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    /// <summary>The name diagnostics give.</summary>
    public string Name { get; }

    /// <summary>How many employees were added.</summary>
    public int EmployeeCount => _employees.Count;

    /// <summary>The working days and holidays (default: Monday to Friday, no holidays).</summary>
    public FactsBuilder Calendar(IEnumerable<IsoDayOfWeek> workweek, IEnumerable<LocalDate>? holidays = null)
    {
        ArgumentNullException.ThrowIfNull(workweek);
        _workweek = [.. workweek];
        _holidays = [.. holidays ?? []];
        return this;
    }

    /// <summary>An entry of a region's status series, holding from <paramref name="from"/> until the next entry, e.g. <c>ppkm</c> level 4.</summary>
    public FactsBuilder RegionStatus(string region, string series, LocalDate from, Dictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(region);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(values);
        _status.Add((region, series, from, values));
        return this;
    }

    /// <summary>A unit of <paramref name="region"/> with its vocabulary fields (e.g. <c>kind</c>, <c>agency</c>); <paramref name="parent"/> names its perangkat daerah.</summary>
    public FactsBuilder Unit(string id, string region, Dictionary<string, object?>? fields = null, string? name = null, string? parent = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(region);
        _units.Add((id, region, name, parent, fields ?? []));
        return this;
    }

    /// <summary>An employee of <paramref name="unit"/> with vocabulary fields (e.g. <c>employment</c>, <c>position</c>, <c>roles</c>).</summary>
    public FactsBuilder Employee(string id, string unit, Dictionary<string, object?>? fields = null)
    {
        ArgumentNullException.ThrowIfNull(id);
        ArgumentNullException.ThrowIfNull(unit);
        _employees.Add((id, unit, fields ?? []));
        return this;
    }

    /// <summary>
    /// An entry of an employee's dated series (a series the vocabulary declares as <c>employee.status.SERIES.FIELD</c>),
    /// holding from <paramref name="from"/> until the next entry, or until <paramref name="until"/> inclusive.
    /// </summary>
    /// <example><c>builder.EmployeeStatus("e-001", "isolation", new LocalDate(2021, 7, 28), new LocalDate(2021, 8, 6), new() { ["active"] = true });</c></example>
    public FactsBuilder EmployeeStatus(string employee, string series, LocalDate from, LocalDate? until, Dictionary<string, object?> values)
    {
        ArgumentNullException.ThrowIfNull(employee);
        ArgumentNullException.ThrowIfNull(series);
        ArgumentNullException.ThrowIfNull(values);
        if (!_personal.TryGetValue(employee, out var entries)) _personal[employee] = entries = [];
        entries.Add((series, from, until, values));
        return this;
    }

    /// <summary>An incident, e.g. a positive case confirmed in a unit; once any is given (or <see cref="NoIncidents"/> said), incidents are known.</summary>
    public FactsBuilder Incident(string kind, string unit, LocalDate confirmed)
    {
        ArgumentNullException.ThrowIfNull(kind);
        ArgumentNullException.ThrowIfNull(unit);
        _incidents.Add((kind, unit, confirmed));
        _incidentsKnown = true;
        return this;
    }

    /// <summary>States that there were no incidents (without it, incidents are unknown).</summary>
    public FactsBuilder NoIncidents()
    {
        _incidentsKnown = true;
        return this;
    }

    /// <summary>Leaves out the records of these ids, as fact paths name them (for <see cref="BadRecords.Skip"/>).</summary>
    internal FactsBuilder Without(IReadOnlySet<string> units, IReadOnlySet<string> employees)
    {
        var copy = new FactsBuilder(Name) { _incidentsKnown = _incidentsKnown, _workweek = _workweek, _holidays = _holidays };
        copy._status.AddRange(_status);
        // The ids come from diagnostics' fact paths, which name a record by its id as a path step (Facts.FactsNodes.Segment).
        static bool Named(IReadOnlySet<string> ids, string id) => ids.Contains(Facts.FactsNodes.Segment(id));
        copy._units.AddRange(_units.Where(u => !Named(units, u.Id)));
        copy._employees.AddRange(_employees.Where(e => !Named(employees, e.Id) && !Named(units, e.Unit)));
        copy._incidents.AddRange(_incidents.Where(i => !Named(units, i.Unit)));
        foreach (var (id, entries) in _personal) copy._personal[id] = entries;
        return copy;
    }

    // What was given, for the one facts loader (FactsNodes): read as records, never written out as text.
    internal IsoDayOfWeek[]? WorkweekGiven => _workweek;

    internal LocalDate[] HolidaysGiven => _holidays;

    internal IReadOnlyList<(string Region, string Series, LocalDate From, Dictionary<string, object?> Values)> StatusGiven => _status;

    internal IReadOnlyList<(string Id, string Region, string? Name, string? Parent, Dictionary<string, object?> Fields)> UnitsGiven => _units;

    internal IReadOnlyList<(string Id, string Unit, Dictionary<string, object?> Fields)> EmployeesGiven => _employees;

    internal IReadOnlyList<(string Kind, string Unit, LocalDate Confirmed)> IncidentsGiven => _incidents;

    internal bool IncidentsKnown => _incidentsKnown;

    internal IReadOnlyDictionary<string, List<(string Series, LocalDate From, LocalDate? Until, Dictionary<string, object?> Values)>> PersonalGiven => _personal;
}
