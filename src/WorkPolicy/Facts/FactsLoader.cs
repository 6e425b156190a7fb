using System.Collections.Immutable;
using System.Globalization;
using NodaTime;
using NodaTime.Text;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;
using WorkPolicy.Ast;
using WorkPolicy.Model;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;

namespace WorkPolicy.Facts;

/// <summary>What the facts loader read, with every diagnostic.</summary>
/// <param name="Facts">The facts, or null when they had errors.</param>
/// <param name="Diagnostics">What was found, at most <see cref="NodeReader.MostReported"/> errors and a line counting the rest.</param>
/// <param name="ErrorRecords">
/// For facts built in code, every record that had an error, listed or not (<see cref="NodeReader.ErrorRecords"/>);
/// else null.
/// </param>
/// <param name="Unlisted">
/// For facts built in code, the errors past <see cref="NodeReader.MostReported"/>, counted and not listed (whoever
/// gathers the rounds of a build says how many in one line); else 0, the line being in <paramref name="Diagnostics"/>.
/// </param>
internal sealed record FactsResult(FactsFile? Facts, ImmutableArray<Diagnostic> Diagnostics, IReadOnlyCollection<string>? ErrorRecords = null, int Unlisted = 0)
{
    /// <summary>Whether any diagnostic is an error.</summary>
    public bool HasErrors => Diagnostics.Any(d => d.Severity == Severity.Error);
}

/// <summary>
/// Loads a facts file (facts.md) and checks it against the vocabulary of the loaded rules: keys
/// are the vocabulary's fields, codes its codes, with the nearest valid code suggested.
/// </summary>
internal sealed partial class FactsLoader
{
    private static readonly string[] RootKeys = ["calendar", "regions", "units", "incidents", "employees", "checkins"];
    private static readonly string[] CalendarKeys = ["workweek", "holidays"];
    private static readonly string[] IncidentKeys = ["kind", "unit", "confirmed"];
    private static readonly string[] CheckinKeys = ["employee", "at"];
    private static readonly OffsetDateTimePattern Timestamp = OffsetDateTimePattern.ExtendedIso;

    private readonly Vocabulary? _rules;
    private readonly NodeReader _r;
    private readonly string _path;

    private FactsLoader(string path, Vocabulary? rules, List<Diagnostic> diagnostics, bool streamed = false, bool errorRecords = false)
    {
        _path = path;
        _rules = rules is { Fields.Count: > 0 } ? rules : null;
        _r = new NodeReader(diagnostics) { ErrorRecords = errorRecords ? new(StringComparer.Ordinal) : null };
        _employeeIds = new IdSet(hashed: streamed);
    }

    /// <summary>Loads <paramref name="text"/>; <paramref name="rules"/> supplies the vocabulary (null: fields are not checked).</summary>
    public static FactsResult Load(string path, string text, Vocabulary? rules)
    {
        var json = JsonTreeReader.LooksLikeJson(text);
        return Load(path, rules, json, (syntax, stream) => json
            ? JsonTreeReader.Read(path, text, syntax, Limits.MaxYamlDepth, Limits.MaxFactsYamlNodes, stream)
            : YamlTreeReader.Read(path, text, syntax, Limits.MaxFactsBytes, Limits.MaxFactsYamlNodes, stream));
    }

    /// <summary>
    /// Loads a file's bytes. A JSON file in valid UTF-8 is read as bytes, never made into one large
    /// string; anything else is decoded (invalid UTF-8 reported with its position) and read as text.
    /// </summary>
    public static FactsResult Load(string path, byte[] utf8, Vocabulary? rules)
    {
        var bom = utf8.AsSpan().StartsWith("\uFEFF"u8);
        var body = bom ? utf8[3..] : utf8;
        if (JsonTreeReader.LooksLikeJson(body) && System.Text.Unicode.Utf8.IsValid(body))
            return Load(path, rules, true, (syntax, stream) => JsonTreeReader.ReadUtf8(path, body, syntax, Limits.MaxYamlDepth, Limits.MaxFactsYamlNodes, stream));
        var diagnostics = new List<Diagnostic>();
        return SourceText.Decode(path, utf8, diagnostics) is { } text ? Load(path, text, rules) : new FactsResult(null, [.. diagnostics]);
    }

    private static FactsResult Load(string path, Vocabulary? rules, bool json, Func<List<Diagnostic>, ItemStream, YamlNode?> read)
    {
        var syntax = new List<Diagnostic>();
        var diagnostics = new List<Diagnostic>();
        var loader = new FactsLoader(path, rules, diagnostics);
        // Employees are mapped as the reader completes each one, so the file's nodes never pile up;
        // plain JSON employees are mapped straight from the tokens.
        var stream = new ItemStream("employees", loader.AddEmployee, json ? loader.TryAddJsonEmployee : null);
        if (read(syntax, stream) is not { } root)
        {
            // An empty text reads as no document at all: say so, rather than hand back facts of nothing.
            if (!syntax.Any(d => d.Severity == Severity.Error)) syntax.Add(Diagnostic.Create(DiagnosticMessages.FactsEmpty, SourceSpan.At(path, 1, 1)));
            return new FactsResult(null, [.. syntax]);
        }
        var facts = loader.Read(root);
        return new FactsResult(facts, loader.Reported(syntax.Concat(diagnostics)));
    }

    /// <summary>Diagnostics by position, as a reader of the file meets them (employees are mapped before the rest is checked).</summary>
    private static ImmutableArray<Diagnostic> InFileOrder(IEnumerable<Diagnostic> diagnostics) =>
        [.. diagnostics.OrderBy(d => d.Span.Line).ThenBy(d => d.Span.Column)];

    /// <summary>Loads facts from an already-read YAML node (e.g. facts written inline in an analyst test file).</summary>
    public static FactsResult Load(string path, YamlNode root, Vocabulary? rules)
    {
        var diagnostics = new List<Diagnostic>();
        var loader = new FactsLoader(path, rules, diagnostics);
        var facts = loader.Read(root);
        return new FactsResult(facts, loader.Reported(diagnostics));
    }

    private FactsFile? Read(YamlNode root, Action<HashSet<string>>? moreEmployees = null)
    {
        if (_r.Map(root, "a facts file", RootKeys) is not { } m) return null;
        // Streamed, the facts before the employees were read as the employees began, and the employees handed out.
        var head = _head ?? Head(m);
        foreach (var item in _r.Seq(m.Get("employees"), "employees")) AddEmployee(item);
        // Employees given as an app's records (FactsLoader.Built), after those given as nodes.
        moreEmployees?.Invoke(head.UnitIds);
        var employees = CheckedEmployees(head.UnitIds);
        var checkins = Checkins(m.Get("checkins"), _employeeIds);
        return new FactsFile(_path, head.Calendar, head.Regions, head.Units, employees, head.Incidents, checkins);
    }

    /// <summary>What decisions read besides the employees: the calendar, region status, units and incidents.</summary>
    private sealed record FactsHead(
        CalendarFacts Calendar,
        ImmutableDictionary<string, RegionStatus> Regions,
        ImmutableArray<UnitFacts> Units,
        HashSet<string> UnitIds,
        ImmutableArray<Incident>? Incidents);

    private FactsHead Head(YamlMapping m)
    {
        var calendar = Calendar(m.Get("calendar"));
        var regions = Regions(m.Get("regions"));
        var units = Units(m.Get("units"));
        var unitIds = units.Select(u => u.Id).ToHashSet(StringComparer.Ordinal);
        CheckParents(units, unitIds);
        ImmutableArray<Incident>? incidents = m.Get("incidents") is { } inc ? Incidents(inc, unitIds) : null;
        return new FactsHead(calendar, regions, units, unitIds, incidents);
    }

    private CalendarFacts Calendar(YamlNode? node)
    {
        if (_r.Map(node, "calendar", CalendarKeys) is not { } m) return CalendarFacts.Default;
        var workweek = CalendarFacts.Default.Workweek;
        if (m.Get("workweek") is { } ww)
        {
            var days = new HashSet<IsoDayOfWeek>();
            foreach (var item in _r.Seq(ww, "workweek"))
            {
                if (_r.Str(item, "a weekday") is not { } d) continue;
                if (Parsing.Values.TryDay(d, out var day)) days.Add(day);
                else _r.Error(Suggest.Fix(d, Parsing.Values.Days.Select(x => x.Name)), DiagnosticMessages.NotWeekday, item.Span, d);
            }
            workweek = [.. days];
        }
        var holidays = _r.Seq(m.Get("holidays"), "holidays").Select(h => _r.Date(h, "a holiday")).OfType<LocalDate>().ToImmutableHashSet();
        return new CalendarFacts(workweek, holidays);
    }

    private ImmutableDictionary<string, RegionStatus> Regions(YamlNode? node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, RegionStatus>(StringComparer.Ordinal);
        if (node is null) return result.ToImmutable();
        if (node is not YamlMapping m)
        {
            _r.Error(DiagnosticMessages.RegionsMustMapRegionIds, node.Span);
            return result.ToImmutable();
        }
        foreach (var (key, value) in m.Entries)
        {
            CheckRegion(key.Value, key.Span);
            var series = ImmutableDictionary.CreateBuilder<string, ImmutableArray<StatusEntry>>(StringComparer.Ordinal);
            if (value is YamlMapping sm)
            {
                foreach (var (name, entries) in sm.Entries) series[name.Value] = StatusEntries(name.Value, entries);
            }
            else _r.Error(DiagnosticMessages.RegionMustMapStatusNames, value.Span, key.Value);
            result[key.Value] = new RegionStatus(key.Value, series.ToImmutable());
        }
        return result.ToImmutable();
    }

    private void CheckRegion(string id, SourceSpan span)
    {
        if (_rules is { Regions.Count: > 0 } rules && !rules.Regions.ContainsKey(id))
            _r.Error(Suggest.Fix(id, rules.Regions.Keys), DiagnosticMessages.RegionUndeclared, span, id);
    }

    /// <summary>
    /// An employee's dated series (<c>status:</c>): each name a series the vocabulary declares
    /// (<c>employee.status.NAME.FIELD</c>), each entry holding from its date until the next, or until its own
    /// <c>until</c> (inclusive); entries whose days overlap are refused.
    /// </summary>
    private ImmutableDictionary<string, ImmutableArray<StatusEntry>> PersonalStatus(YamlNode node)
    {
        var result = ImmutableDictionary.CreateBuilder<string, ImmutableArray<StatusEntry>>(StringComparer.Ordinal);
        if (node is not YamlMapping m)
        {
            _r.Error(DiagnosticMessages.MustBeKeyValueMapping, node.Span, "status");
            return result.ToImmutable();
        }
        var declared = _rules is null ? null : PersonalSeries.Declared(_rules.Fields.Keys);
        foreach (var (name, entries) in m.Entries)
        {
            if (declared is not null && !declared.ContainsKey(name.Value))
            {
                _r.Error(Suggest.Fix(name.Value, declared.Keys), DiagnosticMessages.UnknownKey, name.Span, name.Value, "an employee's status (series the vocabulary declares as employee.status.NAME.FIELD)");
                continue;
            }
            result[name.Value] = StatusEntries(name.Value, entries, personal: true);
        }
        return result.ToImmutable();
    }

    private ImmutableArray<StatusEntry> StatusEntries(string series, YamlNode node, bool personal = false)
    {
        var list = new List<StatusEntry>();
        foreach (var item in _r.Seq(node, $"'{series}'"))
        {
            if (item is not YamlMapping em)
            {
                _r.Error(DiagnosticMessages.StatusEntryMustBeMappingWithFrom, item.Span);
                continue;
            }
            if (_r.Date(em.Get("from"), "from") is not { } from)
            {
                if (em.Get("from") is null) _r.Error(DiagnosticMessages.StatusEntryWithoutFrom, em.Span);
                continue;
            }
            var values = ImmutableDictionary.CreateBuilder<string, FactValue>(StringComparer.Ordinal);
            var entity = personal ? $"employee.status.{series}" : $"region.{series}";
            LocalDate? until = null;
            foreach (var (k, v) in em.Entries)
            {
                if (k.Value == "from") continue;
                // Only a personal entry may end on its own day; a region's holds until the next one, as facts.md has it.
                if (personal && k.Value == "until")
                {
                    until = _r.Date(v, "until");
                    if (until is { } u && u < from)
                    {
                        _r.Error(DiagnosticMessages.StatusEntryEndsBeforeStarts, v.Span, series, u, from);
                        until = null;
                    }
                    continue;
                }
                if (Value(entity, k.Value, k, v, personal ? "a status entry" : "region status") is { } fv) values[k.Value] = fv;
            }
            list.Add(new StatusEntry(from, values.ToImmutable()) { Until = until, Span = em.Span });
        }
        var sorted = list.OrderBy(e => e.From).ToList();
        for (var i = 1; i < sorted.Count; i++)
        {
            var (before, entry) = (sorted[i - 1], sorted[i]);
            if (entry.From == before.From || before.Until is { } end && entry.From <= end)
                _r.Error(DiagnosticMessages.StatusEntriesOverlap, entry.Span, series, entry.From, before.From, before.Until is { } u ? $" until {u:uuuu-MM-dd}" : "");
        }
        return [.. sorted];
    }

    private ImmutableArray<UnitFacts> Units(YamlNode? node)
    {
        var units = ImmutableArray.CreateBuilder<UnitFacts>();
        foreach (var (m, id, region) in Entities(node, "units", "unit", "region"))
        {
            CheckRegion(region, m.Get("region")!.Span);
            var fields = new Dictionary<string, FactValue>(m.Entries.Count, StringComparer.Ordinal);
            foreach (var (k, v) in m.Entries)
            {
                if (k.Value is "id" or "region" or "name" or "parent") continue;
                if (Value("unit", k.Value, k, v, "a unit") is { } fv) fields[k.Value] = fv;
            }
            var parent = m.Get("parent") is { } p ? _r.Str(p, "parent") : null;
            units.Add(new UnitFacts(id, m.Get("name") is { } n ? _r.Str(n, "name") : null, region, parent, fields, m.Span));
        }
        return units.ToImmutable();
    }

    private void CheckParents(ImmutableArray<UnitFacts> units, HashSet<string> ids)
    {
        var byId = units.GroupBy(u => u.Id).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
        foreach (var u in units)
        {
            if (u.Parent is null) continue;
            if (!ids.Contains(u.Parent))
            {
                _r.Error(Suggest.Fix(u.Parent, ids), DiagnosticMessages.ParentNotInFile, u.Span, u.Id, u.Parent);
                continue;
            }
            var seen = new HashSet<string>(StringComparer.Ordinal) { u.Id };
            for (var p = u.Parent; p is not null && byId.TryGetValue(p, out var pu); p = pu.Parent)
            {
                if (!seen.Add(p))
                {
                    _r.Error(DiagnosticMessages.UnitOwnAncestor, u.Span, u.Id);
                    break;
                }
            }
        }
    }

    /// <summary>
    /// The mappings of a list of entities that have a usable <c>id</c> and <paramref name="key"/>;
    /// wrong shapes, missing keys and duplicate ids are reported and skipped or flagged.
    /// </summary>
    private IEnumerable<(YamlMapping Map, string Id, string Key)> Entities(YamlNode? node, string list, string what, string key)
    {
        var ids = new IdSet(hashed: false);
        foreach (var item in _r.Seq(node, list))
        {
            if (Entity(item, ids, what, key) is { } entity) yield return entity;
        }
    }

    /// <summary>One item of an entity list (see <see cref="Entities"/>), or null when it is unusable.</summary>
    private (YamlMapping Map, string Id, string Key)? Entity(YamlNode item, IdSet ids, string what, string key)
    {
        var article = what[0] is 'a' or 'e' or 'i' or 'o' or 'u' ? "an" : "a";
        if (item is not YamlMapping m)
        {
            _r.Error(DiagnosticMessages.MustBeMapping, item.Span, article, what);
            return null;
        }
        var id = Required(m, "id", article, what);
        var value = Required(m, key, article, what);
        if (id is null || value is null) return null;
        if (!ids.Add(id)) _r.Error(DiagnosticMessages.IdUsedTwice, m.Get("id")!.Span, what, id);
        return (m, id, value);
    }

    private string? Required(YamlMapping m, string key, string article, string what)
    {
        if (m.Get(key) is { } node && _r.Str(node, key) is { } value) return value;
        _r.Error(DiagnosticMessages.EntityHasNoProperty, m.Span, article, what, key);
        return null;
    }

    private readonly IdSet _employeeIds;
    private readonly FieldShapes _shapes = new();
    private readonly ImmutableArray<EmployeeFacts>.Builder _employees = ImmutableArray.CreateBuilder<EmployeeFacts>();
    private readonly List<SourceSpan> _employeeUnitSpans = [];

    /// <summary>Maps one item of the employee list; its unit is checked once all units are known.</summary>
    private void AddEmployee(YamlNode item)
    {
        var errorsBefore = _r.Errors;
        if (Entity(item, _employeeIds, "employee", "unit") is not { } entity) return;
        var (m, id, unit) = entity;
        var fields = new Dictionary<string, FactValue>(m.Entries.Count + 4, StringComparer.Ordinal);
        EmployeeFields(m, "", fields, 0);
        var status = m.Get("status") is { } s ? PersonalStatus(s) : ImmutableDictionary<string, ImmutableArray<StatusEntry>>.Empty;
        Accept(new EmployeeFacts(id, unit, fields, m.Span) { Status = status }, m.Get("unit")!.Span, errorsBefore);
    }

    /// <summary>
    /// An employee mapped: kept, its unit checked once all units are known; or, streamed, its unit checked now and the
    /// employee handed out unless it had an error (reported, and left out).
    /// </summary>
    private void Accept(EmployeeFacts employee, SourceSpan unitSpan, int errorsBefore)
    {
        // Held compact: the keys shared by the employees given the same keys (a million held whole fit in far less).
        if (employee.Fields is Dictionary<string, FactValue> given) employee = employee with { Fields = _shapes.Compact(given) };
        if (_head is { } head && _streamed is { } handOut)
        {
            CheckUnit(employee.Unit, unitSpan, head.UnitIds);
            if (!ErrorsSince(errorsBefore)) handOut(employee);
            return;
        }
        _employees.Add(employee);
        _employeeUnitSpans.Add(unitSpan);
    }

    private bool ErrorsSince(int count) => _r.Errors > count;

    /// <summary>The diagnostics of this load in file order, then the count of those not listed (<see cref="NodeReader.MostReported"/>).</summary>
    private ImmutableArray<Diagnostic> Reported(IEnumerable<Diagnostic> diagnostics) =>
        Unreported is { } more ? [.. InFileOrder(diagnostics), more] : InFileOrder(diagnostics);

    /// <summary>The line that says how many errors were not listed, or null.</summary>
    internal Diagnostic? Unreported => _r.UnreportedSummary(_path);

    private void CheckUnit(string unit, SourceSpan span, HashSet<string> unitIds)
    {
        if (!unitIds.Contains(unit)) _r.Error(Suggest.Fix(unit, unitIds), DiagnosticMessages.UnitNotInFile, span, unit);
    }

    private ImmutableArray<EmployeeFacts> CheckedEmployees(HashSet<string> unitIds)
    {
        for (var i = 0; i < _employees.Count; i++) CheckUnit(_employees[i].Unit, _employeeUnitSpans[i], unitIds);
        return _employees.ToImmutable();
    }

    private readonly Dictionary<(string, string), string> _dotted = [];

    /// <summary><paramref name="prefix"/> + <paramref name="key"/>, made once per distinct pair (every employee repeats them).</summary>
    private string Dotted(string prefix, string key)
    {
        if (prefix.Length == 0) return key;
        if (_dotted.TryGetValue((prefix, key), out var joined)) return joined;
        joined = prefix + key;
        // A file of ever new nested keys (made to hurt) is not remembered past a bound: those are joined each time.
        if (_dotted.Count < MaxRemembered * 16) _dotted[(prefix, key)] = joined;
        return joined;
    }

    private void EmployeeFields(YamlMapping m, string prefix, Dictionary<string, FactValue> into, int depth)
    {
        foreach (var (k, v) in m.Entries)
        {
            if (prefix.Length == 0 && k.Value is "id" or "unit" or "status") continue;
            var key = Dotted(prefix, k.Value);
            // Nested maps (health: { healthy: true }) flatten to dotted keys; depth is capped by the YAML reader.
            if (v is YamlMapping nested && depth < 4) EmployeeFields(nested, Dotted(key, "."), into, depth + 1);
            else if (Value("employee", key, k, v, "an employee") is { } fv) into[key] = fv;
        }
    }

    private ImmutableArray<Incident> Incidents(YamlNode node, HashSet<string> unitIds)
    {
        var list = ImmutableArray.CreateBuilder<Incident>();
        foreach (var item in _r.Seq(node, "incidents"))
        {
            if (_r.Map(item, "an incident", IncidentKeys, "kind", "unit", "confirmed") is not { } m) continue;
            var kind = _r.Str(m.Get("kind"), "kind");
            var unit = _r.Str(m.Get("unit"), "unit");
            var confirmed = _r.Date(m.Get("confirmed"), "confirmed");
            if (unit is not null && !unitIds.Contains(unit))
                _r.Error(Suggest.Fix(unit, unitIds), DiagnosticMessages.UnitNotInFile, m.Get("unit")!.Span, unit);
            if (kind is not null && unit is not null && confirmed is { } c) list.Add(new Incident(kind, unit, c));
        }
        return list.ToImmutable();
    }

    private ImmutableArray<Checkin> Checkins(YamlNode? node, IdSet employeeIds)
    {
        var list = ImmutableArray.CreateBuilder<Checkin>();
        foreach (var item in _r.Seq(node, "checkins"))
        {
            if (_r.Map(item, "a check-in", CheckinKeys, "employee", "at") is not { } m) continue;
            var employee = _r.Str(m.Get("employee"), "employee");
            var at = _r.Str(m.Get("at"), "at");
            if (employee is not null && !employeeIds.Contains(employee))
                _r.Error(Suggest.Fix(employee, employeeIds.Known), DiagnosticMessages.EmployeeNotInFile, m.Get("employee")!.Span, employee);
            if (at is null) continue;
            var parsed = Timestamp.Parse(at);
            if (!parsed.Success)
            {
                _r.Error(DiagnosticMessages.NotTimestampWithOffset, m.Get("at")!.Span, at);
                continue;
            }
            if (employee is not null) list.Add(new Checkin(employee, parsed.Value));
        }
        return list.ToImmutable();
    }

    private static readonly BoolFact Yes = new(true);
    private static readonly BoolFact No = new(false);
    private readonly Dictionary<string, CodeFact> _codes = new(StringComparer.Ordinal);
    private readonly Dictionary<string, CodeSetFact> _codeSets = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Entity, string Key), FieldDecl?> _fields = [];

    /// <summary>The declared field <c>entity.key</c>, looked up once per distinct key.</summary>
    private FieldDecl? Field(string entity, string key)
    {
        if (_fields.TryGetValue((entity, key), out var field)) return field;
        return _fields[(entity, key)] = _rules!.Fields.GetValueOrDefault($"{entity}.{key}");
    }

    // One object per distinct code or set: a large file repeats the same few values.
    private CodeFact Code(string code)
    {
        if (!_codes.TryGetValue(code, out var fact)) _codes[code] = fact = new CodeFact(code);
        return fact;
    }

    /// <summary>The shared set of <paramref name="codes"/> (any order, repeats allowed).</summary>
    private CodeSetFact CodeSet(IReadOnlyList<string> codes)
    {
        string[] sorted = codes.Count switch
        {
            0 => [],
            1 => [codes[0]],
            _ => [.. codes.Distinct().Order(StringComparer.Ordinal)],
        };
        var key = sorted.Length switch { 0 => "", 1 => sorted[0], _ => string.Join(',', sorted) };
        if (!_codeSets.TryGetValue(key, out var fact)) _codeSets[key] = fact = new CodeSetFact([.. sorted]);
        return fact;
    }

    private FactValue? Value(string entity, string key, YamlScalar keyNode, YamlNode node, string what)
    {
        if (_rules is null) return Inferred(node);
        if (Field(entity, key) is not { } field)
        {
            var prefix = entity + ".";
            var known = _rules.Fields.Keys.Where(k => k.StartsWith(prefix, StringComparison.Ordinal)).Select(k => k[prefix.Length..]).Order(StringComparer.Ordinal).ToList();
            // Say that the vocabulary lacks the field and which there are: a key of the HR system's own may just be undeclared.
            var listed = known.Count == 0 ? "none" : string.Join(", ", known.Take(12)) + (known.Count > 12 ? $" and {known.Count - 12} more" : "");
            _r.Error(Suggest.Fix(key, known), DiagnosticMessages.UndeclaredFactField, keyNode.Span, key, what, entity, listed);
            return null;
        }
        switch (field.Kind)
        {
            case FieldKind.OneOf:
                return _r.Str(node, keyNode.Value) is { } code && CheckCode(field, code, node.Span) ? Code(code) : null;
            case FieldKind.SetOf:
                // Most sets in an export are empty or hold one code: no list to build for those.
                if (node is YamlSequence { Items.Count: 0 }) return CodeSet([]);
                if (node is YamlSequence { Items: [YamlScalar { IsNull: false } only] })
                    return CheckCode(field, only.Value, node.Span) ? CodeSet([only.Value]) : null;
                var codes = _r.Codes(node, keyNode.Value);
                var valid = true;
                foreach (var c in codes) valid &= CheckCode(field, c, node.Span);
                return valid ? CodeSet(codes) : null;
            case FieldKind.Bool:
                return _r.Bool(node, keyNode.Value) is { } b ? (b ? Yes : No) : null;
            case FieldKind.Date:
                return _r.Date(node, keyNode.Value) is { } date ? new DateFact(date) : null;
            default:
                return _r.Number(node, keyNode.Value) is { } n ? new NumberFact(n) : null;
        }
    }

    private bool CheckCode(FieldDecl field, string code, SourceSpan span)
    {
        if (field.Codes.Contains(code)) return true;
        _r.Error(Suggest.Fix(code, field.Codes), DiagnosticMessages.NotCodeOfField, span, code, field.Path);
        return false;
    }

    private FactValue? Inferred(YamlNode node)
    {
        if (node is YamlSequence) return new CodeSetFact([.. _r.Codes(node, "a list").Order(StringComparer.Ordinal)]);
        if (_r.Str(node, "a value") is not { } t) return null;
        if (t is "true" or "false") return new BoolFact(t == "true");
        return decimal.TryParse(t, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? new NumberFact(n) : new CodeFact(t);
    }
}
