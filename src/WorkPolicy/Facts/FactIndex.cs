using System.Collections.Frozen;
using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Model;

namespace WorkPolicy.Facts;

/// <summary>
/// A facts file laid out once for fast evaluation: units and employees as rows with their fields
/// by slot, each unit's top unit, the calendar as lookups. Immutable; share it across threads.
/// </summary>
internal sealed class FactIndex
{
    private readonly FrozenDictionary<string, UnitRow> _units;
    private readonly FrozenDictionary<string, UnitRow> _topUnits;
    // A plain dictionary: freezing 100,000 ids costs more than the lookups it would save.
    private readonly Dictionary<string, EmployeeRow> _employees;
    private readonly bool[] _workday = new bool[8];
    private readonly FrozenSet<LocalDate> _holidays;
    private readonly FrozenDictionary<string, int> _regionNumbers;

    private readonly FieldLayout _layout;

    /// <summary>Indexes <paramref name="facts"/> for rules of <paramref name="layout"/>; parent cycles are cut (the loader reports them).</summary>
    /// <param name="facts">The facts.</param>
    /// <param name="layout">The rules' field layout.</param>
    /// <param name="ids">
    /// The employees' ids in order, as the rows are to hold them and the index to find them (<see cref="PolicyFacts.Employees"/>:
    /// copies laid out together); by default the facts' own.
    /// </param>
    public FactIndex(FactsFile facts, FieldLayout layout, ImmutableArray<string> ids = default)
    {
        Facts = facts;
        _layout = layout;
        var units = new Dictionary<string, UnitRow>(StringComparer.Ordinal);
        var incidents = (facts.Incidents ?? []).ToLookup(i => i.Unit, StringComparer.Ordinal);
        foreach (var u in facts.Units) units.TryAdd(u.Id, new UnitRow(u, layout.Row(u.Fields, unit: true)) { Incidents = [.. incidents[u.Id]] });
        _units = units.ToFrozenDictionary(StringComparer.Ordinal);
        var tops = new Dictionary<string, UnitRow>(StringComparer.Ordinal);
        var byId = _units.ToDictionary(kv => kv.Key, kv => kv.Value.Facts, StringComparer.Ordinal);
        foreach (var u in facts.Units) tops.TryAdd(u.Id, _units[UnitTree.Top(_units[u.Id].Facts, byId).Id]);
        _topUnits = tops.ToFrozenDictionary(StringComparer.Ordinal);
        foreach (var group in (facts.Incidents ?? []).Where(i => tops.ContainsKey(i.Unit)).GroupBy(i => tops[i.Unit]))
            group.Key.SubtreeIncidents = [.. group];
        var regions = new Dictionary<string, int>(StringComparer.Ordinal) { [""] = 0 };
        foreach (var u in facts.Units) regions.TryAdd(u.Region, regions.Count);
        _regionNumbers = regions.ToFrozenDictionary(StringComparer.Ordinal);
        var rows = new EmployeeRow[facts.Employees.Length];
        // Rows are independent of each other; laying out 100,000 of them is worth the cores.
        Parallel.For(0, rows.Length, new ParallelOptions { MaxDegreeOfParallelism = rows.Length < 10_000 ? 1 : -1 }, i => rows[i] = NewRow(facts.Employees[i], i, ids.IsDefault ? null : ids[i]));
        Employees = System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(rows);
        if (!layout.Ranked.IsEmpty) CountLevels(layout, units.Values, Employees);
        var rowsById = new Dictionary<string, EmployeeRow>(rows.Length, StringComparer.Ordinal);
        for (var i = 0; i < rows.Length; i++) rowsById.TryAdd(rows[i].Id, rows[i]);
        _employees = rowsById;
        foreach (var d in facts.Calendar.Workweek) _workday[(int)d] = true;
        _holidays = facts.Calendar.Holidays.ToFrozenSet();
        // Status codes become the model's numbered instances, as row codes do, so compiled tests compare numbers.
        Status = facts.Regions.ToFrozenDictionary(r => r.Key, r => Canonical(r.Value, layout), StringComparer.Ordinal);
    }

    /// <summary>Which levels of each ranked field the employees of each unit, and of each perangkat daerah, hold.</summary>
    private static void CountLevels(FieldLayout layout, IEnumerable<UnitRow> units, ImmutableArray<EmployeeRow> employees)
    {
        foreach (var u in units)
        {
            u.Levels = new UnitLevels[layout.Ranked.Length];
            u.SubtreeLevels = new UnitLevels[layout.Ranked.Length];
        }
        foreach (var e in employees)
        {
            for (var f = 0; f < layout.Ranked.Length; f++)
            {
                var field = layout.Ranked[f];
                var level = field.Level(field.Slot < e.Slots.Length ? e.Slots[field.Slot] : null);
                e.Unit?.Levels[f].Add(level, e.Facts.Id);
                e.TopUnit?.SubtreeLevels[f].Add(level, e.Facts.Id);
            }
        }
    }

    private static RegionStatus Canonical(RegionStatus status, FieldLayout layout) =>
        status with
        {
            Series = status.Series.ToImmutableDictionary(s => s.Key, s => s.Value.Select(e => e with
            {
                Values = e.Values.ToImmutableDictionary(v => v.Key, v => v.Value is CodeFact c && layout.Code(c.Code) is { } numbered ? numbered : v.Value),
            }).ToImmutableArray()),
        };

    /// <summary>The indexed facts.</summary>
    public FactsFile Facts { get; }

    /// <summary>Employees as rows, in file order.</summary>
    public ImmutableArray<EmployeeRow> Employees { get; }

    /// <summary>Region status by region id.</summary>
    public FrozenDictionary<string, RegionStatus> Status { get; }

    /// <summary>The unit with <paramref name="id"/>, or null.</summary>
    public UnitFacts? Unit(string id) => _units.GetValueOrDefault(id)?.Facts;

    /// <summary>The perangkat daerah (root of the parent chain) of unit <paramref name="id"/>, or null.</summary>
    public UnitFacts? TopUnit(string id) => _topUnits.GetValueOrDefault(id)?.Facts;

    /// <summary>The row of the employee with <paramref name="id"/>, or null.</summary>
    public EmployeeRow? Row(string id) => _employees.GetValueOrDefault(id);

    /// <summary>The row of <paramref name="employee"/>: the indexed one when the id is known, else laid out now.</summary>
    public EmployeeRow Row(EmployeeFacts employee) =>
        _employees.TryGetValue(employee.Id, out var row) && ReferenceEquals(row.Facts, employee)
            ? row
            : NewRow(employee, -1);

    /// <summary>
    /// A row for an employee of facts outside the index (the analysis's synthetic employee), laid out with their own
    /// unit and perangkat daerah (no incidents) and this index's region numbers: what a new index of those facts would
    /// give for them, without building one.
    /// </summary>
    public EmployeeRow Detached(EmployeeFacts e, UnitFacts unit, UnitFacts top)
    {
        var topRow = new UnitRow(top, _layout.Row(top.Fields, unit: true));
        var unitRow = ReferenceEquals(unit, top) ? topRow : new UnitRow(unit, _layout.Row(unit.Fields, unit: true));
        return new EmployeeRow(e, _layout.Row(e.Fields, unit: false), unitRow, topRow)
        {
            RegionNumber = _regionNumbers.GetValueOrDefault(unit.Region, -1),
            Number = -1,
        };
    }

    private EmployeeRow NewRow(EmployeeFacts e, int number, string? id = null)
    {
        var unit = _units.GetValueOrDefault(e.Unit);
        return new EmployeeRow(e, _layout.Row(e.Fields, unit: false), unit, _topUnits.GetValueOrDefault(e.Unit))
        {
            Id = id ?? e.Id,
            RegionNumber = _regionNumbers.GetValueOrDefault(unit?.Facts.Region ?? "", -1),
            Number = number,
        };
    }

    /// <summary>How many distinct regions the units name, plus one for "no region": the bound of <see cref="EmployeeRow.RegionNumber"/>.</summary>
    public int RegionCount => _regionNumbers.Count;

    /// <summary>Whether <paramref name="date"/> is a working day in the facts' calendar.</summary>
    public bool IsWorkingDay(LocalDate date) => _workday[(int)date.DayOfWeek] && !_holidays.Contains(date);
}
