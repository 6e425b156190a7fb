using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Checking;
using WorkPolicy.Facts;
using WorkPolicy.Model;
using Dimension = WorkPolicy.Analysis.ConflictChecker.Dimension;

namespace WorkPolicy.Analysis;

/// <summary>One fact of one employee set otherwise: the path, the value it had and the value tried.</summary>
/// <param name="Path">The fact as a reader names it: <c>employee.position</c>, <c>unit.kind</c>, <c>region.ppkm.level</c>.</param>
/// <param name="From">Its value in the facts (<c>unknown</c> when absent).</param>
/// <param name="To">The value tried.</param>
internal sealed record FactChange(string Path, string From, string To);

/// <summary>
/// Sets one fact of one employee otherwise in a copy of the facts: a field of the employee, of their unit
/// or perangkat daerah, a status of their region from the date on, or an incident in their unit on the
/// date. The facts themselves are never changed.
/// </summary>
internal static class FactEdit
{
    /// <summary>
    /// The changes worth trying for <paramref name="employee"/>: every other class of every fact the rules
    /// read in their region (<paramref name="space"/>: <see cref="FactSpace.Of"/> of it), or of the facts
    /// whose path <paramref name="only"/> accepts. Each copy holds the employee alone, with every unit.
    /// </summary>
    public static IEnumerable<(FactChange Change, FactsFile Facts)> Alternatives(FactSpace space, FactsFile facts, EmployeeFacts employee, LocalDate date, Func<string, bool>? only = null)
    {
        var unit = facts.Units.FirstOrDefault(u => u.Id == employee.Unit);
        if (unit is null) yield break;
        facts = facts with { Employees = [employee] };
        foreach (var d in space.Dims)
        {
            if (only is not null && !only(Path(d))) continue;
            var current = Current(facts, employee, unit, d, date);
            foreach (var candidate in d.Candidates)
            {
                var value = Value(d, candidate, current);
                if (value is null || Text(d, value) == Text(d, current.Value)) continue;
                yield return (new FactChange(Path(d), Text(d, current.Value), Text(d, value)), With(facts, employee, unit, d, value, date));
            }
        }
    }

    private static string Text(Dimension d, FactValue? v) =>
        v is null ? "unknown" : d.Incident is not null ? ConflictChecker.IncidentText(v)
        : d.Field?.Kind == Ast.FieldKind.Date && v is NumberFact age ? $"a date that makes the age {ConflictChecker.Show(age)}"
        : ConflictChecker.Show(v);

    private static string Path(Dimension d) => d.Incident is { } kind ? $"incident {kind}" : d.Field!.Path;

    /// <summary>The value <paramref name="candidate"/> stands for: for a set's code, the employee's set with the code added or removed.</summary>
    private static FactValue? Value(Dimension d, FactValue candidate, (FactValue? Value, bool Known) current)
    {
        if (d.SetCode is not { } code) return candidate;
        var codes = current.Value is CodeSetFact s ? s.Codes : [];
        var has = candidate is BoolFact { Value: true };
        if (has == codes.Contains(code) && current.Known) return null;
        return new CodeSetFact([.. (has ? codes.Add(code) : codes.Remove(code)).Distinct().Order(StringComparer.Ordinal)]);
    }

    /// <summary>The value of <paramref name="d"/>'s fact for the employee on the date (its default when absent; null when unknown).</summary>
    internal static (FactValue? Value, bool Known) Current(FactsFile facts, EmployeeFacts employee, UnitFacts unit, Dimension d, LocalDate date)
    {
        if (d.Incident is { } kind)
        {
            // The latest confirmation up to the date, by its age in days (none: false).
            var latest = facts.Incidents?.Where(i => i.Kind == kind && i.Unit == unit.Id && i.Confirmed <= date).Select(i => (LocalDate?)i.Confirmed).Max();
            return (latest is { } on ? new NumberFact(Period.Between(on, date, PeriodUnits.Days).Days) : new BoolFact(false), true);
        }
        var field = d.Field!;
        IReadOnlyDictionary<string, FactValue>? fields = field.Entity switch
        {
            Entity.Employee => employee.Fields,
            Entity.Unit => unit.Fields,
            Entity.TopUnit => Top(facts, unit).Fields,
            Entity.EmployeeStatus => employee.Status.TryGetValue(field.Series!, out var personal) ? StatusEntry.On(personal, date)?.Values : null,
            // A region whose facts give no such series has no entry (a missing key gives a default array, not an empty one).
            _ => facts.Regions.GetValueOrDefault(unit.Region)?.Series.TryGetValue(field.Series!, out var entries) == true
                ? entries.LastOrDefault(e => e.From <= date)?.Values
                : null,
        };
        // An absent field with a default is known to be its default.
        var value = fields?.GetValueOrDefault(field.Key) ?? field.Default;
        return (value, value is not null);
    }

    private static UnitFacts Top(FactsFile facts, UnitFacts unit)
    {
        var byId = facts.Units.ToDictionary(u => u.Id, StringComparer.Ordinal);
        // The parent chain is checked for cycles when the facts are loaded; the bound only guards a hand-made file.
        for (var hops = 0; unit.Parent is { } parent && byId.TryGetValue(parent, out var up) && hops < 64; hops++) unit = up;
        return unit;
    }

    private static FactsFile With(FactsFile facts, EmployeeFacts employee, UnitFacts unit, Dimension d, FactValue value, LocalDate date)
    {
        if (d.Incident is { } kind)
        {
            var incidents = facts.Incidents ?? [];
            return facts with
            {
                Incidents = value is NumberFact age
                    ? [.. incidents.Where(i => !(i.Kind == kind && i.Unit == unit.Id)), new Incident(kind, unit.Id, date.PlusDays(-(int)Math.Min(age.Value, Period.DaysBetween(LocalDate.MinIsoValue, date))))]
                    : [.. incidents.Where(i => !(i.Kind == kind && i.Unit == unit.Id))],
            };
        }
        var field = d.Field!;
        value = ConflictChecker.Concrete(field, value, date);
        static IReadOnlyDictionary<string, FactValue> Set(IReadOnlyDictionary<string, FactValue> fields, string key, FactValue v) =>
            fields.ToImmutableDictionary(StringComparer.Ordinal).SetItem(key, v);
        switch (field.Entity)
        {
            case Entity.Employee:
                return facts with { Employees = facts.Employees.Replace(employee, employee with { Fields = Set(employee.Fields, field.Key, value) }) };
            case Entity.Unit:
            case Entity.TopUnit:
                var target = field.Entity == Entity.Unit ? unit : Top(facts, unit);
                return facts with { Units = facts.Units.Replace(target, target with { Fields = Set(target.Fields, field.Key, value) }) };
            case Entity.EmployeeStatus:
                // From the date on, as for a region's status: the employee's series as if it had changed that day.
                var series = employee.Status.GetValueOrDefault(field.Series!, []);
                var held = StatusEntry.On(series, date)?.Values ?? ImmutableDictionary<string, FactValue>.Empty;
                var edited = series.Where(e => e.From != date).Append(new StatusEntry(date, held.SetItem(field.Key, value))).OrderBy(e => e.From).ToImmutableArray();
                return facts with { Employees = facts.Employees.Replace(employee, employee with { Status = employee.Status.SetItem(field.Series!, edited) }) };
            default:
                var status = facts.Regions.GetValueOrDefault(unit.Region) ?? new RegionStatus(unit.Region, ImmutableDictionary<string, ImmutableArray<StatusEntry>>.Empty);
                var entries = status.Series.GetValueOrDefault(field.Series!, []);
                var before = entries.LastOrDefault(e => e.From <= date)?.Values ?? ImmutableDictionary<string, FactValue>.Empty;
                // From the date on, as if the status had changed that day; later entries stay.
                var changed = entries.Where(e => e.From != date).Append(new StatusEntry(date, before.SetItem(field.Key, value))).OrderBy(e => e.From).ToImmutableArray();
                return facts with { Regions = facts.Regions.SetItem(unit.Region, status with { Series = status.Series.SetItem(field.Series!, changed) }) };
        }
    }
}
