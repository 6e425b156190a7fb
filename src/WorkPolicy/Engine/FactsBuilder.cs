using System.Collections;
using System.Text;
using System.Globalization;
using System.Text.Json;
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
/// incidents — checked against the rules' vocabulary by <see cref="PolicyEngine.BuildFacts"/> exactly as a facts
/// file is; a diagnostic names the record and field (<c>hr/employees[e-7].position</c>) and keeps its did-you-mean.
/// Field values: a string (a code or text), a bool, a number, or a list of strings (a set); a dotted key such as
/// <c>health.healthy</c> is a nested field.
/// </summary>
/// <example>
/// <code>
/// var builder = new FactsBuilder("hr")
///     .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
///     .Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
///     .Employee("e-001", "disdik", new() { ["employment"] = "pns", ["position"] = "pelaksana" });
/// var facts = engine.BuildFacts(builder, BadRecords.Skip);
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
        _workweek = [.. workweek];
        _holidays = [.. holidays ?? []];
        return this;
    }

    /// <summary>An entry of a region's status series, holding from <paramref name="from"/> until the next entry, e.g. <c>ppkm</c> level 4.</summary>
    public FactsBuilder RegionStatus(string region, string series, LocalDate from, Dictionary<string, object?> values)
    {
        _status.Add((region, series, from, values));
        return this;
    }

    /// <summary>A unit of <paramref name="region"/> with its vocabulary fields (e.g. <c>kind</c>, <c>agency</c>); <paramref name="parent"/> names its perangkat daerah.</summary>
    public FactsBuilder Unit(string id, string region, Dictionary<string, object?>? fields = null, string? name = null, string? parent = null)
    {
        _units.Add((id, region, name, parent, fields ?? []));
        return this;
    }

    /// <summary>An employee of <paramref name="unit"/> with vocabulary fields (e.g. <c>employment</c>, <c>position</c>, <c>roles</c>).</summary>
    public FactsBuilder Employee(string id, string unit, Dictionary<string, object?>? fields = null)
    {
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
        if (!_personal.TryGetValue(employee, out var entries)) _personal[employee] = entries = [];
        entries.Add((series, from, until, values));
        return this;
    }

    /// <summary>An incident, e.g. a positive case confirmed in a unit; once any is given (or <see cref="NoIncidents"/> said), incidents are known.</summary>
    public FactsBuilder Incident(string kind, string unit, LocalDate confirmed)
    {
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

    /// <summary>Leaves out the records of these ids (for <see cref="BadRecords.Skip"/>).</summary>
    internal FactsBuilder Without(IReadOnlySet<string> units, IReadOnlySet<string> employees)
    {
        var copy = new FactsBuilder(Name) { _incidentsKnown = _incidentsKnown, _workweek = _workweek, _holidays = _holidays };
        copy._status.AddRange(_status);
        copy._units.AddRange(_units.Where(u => !units.Contains(u.Id)));
        copy._employees.AddRange(_employees.Where(e => !employees.Contains(e.Id) && !units.Contains(e.Unit)));
        copy._incidents.AddRange(_incidents.Where(i => !units.Contains(i.Unit)));
        foreach (var (id, entries) in _personal) copy._personal[id] = entries;
        return copy;
    }

    /// <summary>
    /// The facts as the JSON of docs/facts.md — compact, one record a line — and the record each line holds, so a
    /// diagnostic of the loader can name the record and field (<see cref="FactsMarks.PathAt"/>) instead of a place in
    /// generated text. Nothing is kept per field: the field is found again from the line only when a diagnostic asks.
    /// </summary>
    internal (byte[] Json, FactsMarks Marks) ToJson()
    {
        var records = new List<(FactsMarks.Kind Kind, string Id)>(_status.Count + _units.Count + _incidents.Count + _employees.Count);
        var fields = _employees.Sum(e => e.Fields.Count) + _units.Sum(u => u.Fields.Count);
        using var ms = new MemoryStream(4096 + 48 * (_employees.Count + _units.Count) + 40 * fields);
        using var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Record()
        {
            // A record starts a line of its own: the writer's separator, if any, comes after the newline.
            w.Flush();
            ms.WriteByte((byte)'\n');
        }
        w.WriteStartObject();
        w.WriteStartObject("calendar");
        w.WriteStartArray("workweek");
        foreach (var d in _workweek ?? [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday])
            w.WriteStringValue(d.ToString()[..3].ToLowerInvariant());
        w.WriteEndArray();
        w.WriteStartArray("holidays");
        foreach (var h in _holidays) w.WriteStringValue(Date(h));
        w.WriteEndArray();
        w.WriteEndObject();
        w.WriteStartObject("regions");
        foreach (var region in _status.GroupBy(s => s.Region))
        {
            w.WriteStartObject(region.Key);
            foreach (var series in region.GroupBy(s => s.Series))
            {
                w.WriteStartArray(series.Key);
                foreach (var entry in series.OrderBy(e => e.From))
                {
                    Record();
                    records.Add((FactsMarks.Kind.Status, $"{region.Key}.{series.Key}[{Date(entry.From)}]"));
                    w.WriteStartObject();
                    w.WriteString("from", Date(entry.From));
                    Fields(w, entry.Values);
                    w.WriteEndObject();
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
        w.WriteStartArray("units");
        foreach (var u in _units)
        {
            Record();
            records.Add((FactsMarks.Kind.Unit, u.Id));
            w.WriteStartObject();
            w.WriteString("id", u.Id);
            if (u.Name is { } name) w.WriteString("name", name);
            w.WriteString("region", u.Region);
            if (u.Parent is { } parent) w.WriteString("parent", parent);
            Fields(w, u.Fields);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        if (_incidentsKnown)
        {
            w.WriteStartArray("incidents");
            foreach (var (kind, unit, confirmed) in _incidents)
            {
                Record();
                records.Add((FactsMarks.Kind.Incident, $"{kind}@{unit}"));
                w.WriteStartObject();
                w.WriteString("kind", kind);
                w.WriteString("unit", unit);
                w.WriteString("confirmed", Date(confirmed));
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteStartArray("employees");
        foreach (var e in _employees)
        {
            Record();
            records.Add((FactsMarks.Kind.Employee, e.Id));
            w.WriteStartObject();
            w.WriteString("id", e.Id);
            w.WriteString("unit", e.Unit);
            Fields(w, e.Fields);
            if (_personal.TryGetValue(e.Id, out var personal)) Status(w, personal);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
        w.Flush();
        return (ms.ToArray(), new FactsMarks(records));
    }

    /// <summary>An employee's <c>status:</c>, series by series in the order first given, entries by date.</summary>
    private static void Status(Utf8JsonWriter w, List<(string Series, LocalDate From, LocalDate? Until, Dictionary<string, object?> Values)> entries)
    {
        w.WriteStartObject("status");
        foreach (var series in entries.GroupBy(e => e.Series, StringComparer.Ordinal))
        {
            w.WriteStartArray(series.Key);
            foreach (var entry in series.OrderBy(e => e.From))
            {
                w.WriteStartObject();
                w.WriteString("from", Date(entry.From));
                if (entry.Until is { } until) w.WriteString("until", Date(until));
                Fields(w, entry.Values);
                w.WriteEndObject();
            }
            w.WriteEndArray();
        }
        w.WriteEndObject();
    }

    internal static string Date(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Fields by key; dotted keys (<c>health.healthy</c>) become nested objects, in the order their first key comes.</summary>
    internal static void Fields(Utf8JsonWriter w, Dictionary<string, object?> fields)
    {
        var nested = false;
        foreach (var field in fields)
        {
            if (field.Key.Contains('.'))
            {
                nested = true;
                continue;
            }
            w.WritePropertyName(field.Key);
            Value(w, field.Value);
        }
        if (!nested) return;
        // Few nested groups a record (health.*): a pass per group, no grouping structure.
        List<string>? written = null;
        foreach (var first in fields)
        {
            var dot = first.Key.IndexOf('.');
            if (dot < 0) continue;
            var prefix = first.Key.AsSpan(0, dot);
            if (Seen(written, prefix)) continue;
            (written ??= []).Add(prefix.ToString());
            w.WriteStartObject(prefix);
            foreach (var field in fields)
            {
                if (field.Key.Length > dot && field.Key[dot] == '.' && field.Key.AsSpan(0, dot).SequenceEqual(prefix))
                {
                    w.WritePropertyName(field.Key.AsSpan(dot + 1));
                    Value(w, field.Value);
                }
            }
            w.WriteEndObject();
        }
    }

    private static bool Seen(List<string>? written, ReadOnlySpan<char> prefix)
    {
        if (written is null) return false;
        foreach (var p in written)
            if (prefix.SequenceEqual(p)) return true;
        return false;
    }

    private static void Value(Utf8JsonWriter w, object? value)
    {
        switch (value)
        {
            case null: w.WriteNullValue(); break;
            case string s: w.WriteStringValue(s); break;
            case bool b: w.WriteBooleanValue(b); break;
            case int i: w.WriteNumberValue(i); break;
            case long l: w.WriteNumberValue(l); break;
            case decimal m: w.WriteNumberValue(m); break;
            case double d: w.WriteNumberValue(d); break;
            case float f: w.WriteNumberValue(f); break;
            case LocalDate date: w.WriteStringValue(Date(date)); break;
            case string[] codes:
                w.WriteStartArray();
                foreach (var code in codes) w.WriteStringValue(code);
                w.WriteEndArray();
                break;
            case IEnumerable items:
                w.WriteStartArray();
                foreach (var item in items) Value(w, item);
                w.WriteEndArray();
                break;
            default: w.WriteStringValue(Convert.ToString(value, CultureInfo.InvariantCulture)); break;
        }
    }
}
