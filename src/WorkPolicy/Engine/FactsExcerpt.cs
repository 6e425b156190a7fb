using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy;

/// <summary>
/// The facts one decision reads, as a facts document of their own (docs/facts.md): the employee, their unit and the
/// units above it, the region's status series up to the date, the calendar, the incidents of those units (when the
/// facts know incidents). Decided alone under the same rules it gives the same decision; a record keeps it so the
/// decision can be replayed under other rules without the facts file of the day.
/// </summary>
internal static class FactsExcerpt
{
    /// <summary>What an excerpt looks up, made once per facts: employees and units by id, units by their top unit.</summary>
    internal sealed class Index
    {
        private readonly Dictionary<string, EmployeeFacts> _employees = new(StringComparer.Ordinal);

        public Index(FactsFile facts)
        {
            foreach (var e in facts.Employees) _employees.TryAdd(e.Id, e);
            Units = facts.Units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            Subtrees = facts.Units.GroupBy(u => UnitTree.Top(u, Units).Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            // What every excerpt reads of the calendar and the units, put in order and made plain once, not per decision.
            Workweek = [.. facts.Calendar.Workweek.Order()];
            Holidays = [.. facts.Calendar.Holidays.Order()];
            UnitFields = Units.Values.ToDictionary(u => u.Id, u => Plain(u.Fields), StringComparer.Ordinal);
            Status = facts.Regions.ToDictionary(r => r.Key, r => r.Value.Series.OrderBy(s => s.Key, StringComparer.Ordinal)
                .Select(s => (s.Key, s.Value.Select(e => (e.From, Plain(e.Values))).ToArray())).ToArray(), StringComparer.Ordinal);
        }

        public IsoDayOfWeek[] Workweek { get; }

        public LocalDate[] Holidays { get; }

        public Dictionary<string, Dictionary<string, object?>> UnitFields { get; }

        public Dictionary<string, (string Series, (LocalDate From, Dictionary<string, object?> Values)[] Entries)[]> Status { get; }

        public Dictionary<string, UnitFacts> Units { get; }

        public Dictionary<string, List<UnitFacts>> Subtrees { get; }

        public EmployeeFacts? Employee(string id) => _employees.GetValueOrDefault(id);
    }

    public static string Of(FactsFile facts, Index index, EmployeeFacts employee, LocalDate date)
    {
        var units = index.Units;
        var chain = new List<UnitFacts>();
        for (var id = (string?)employee.Unit; id is not null && units.TryGetValue(id, out var unit) && !chain.Contains(unit); id = unit.Parent)
            chain.Add(unit);
        var top = chain.Count > 0 ? UnitTree.Top(chain[0], units).Id : null;
        // A top unit's incident tests read its whole subtree: every unit under the same top unit, with its own parents.
        var related = top is null ? chain : index.Subtrees.GetValueOrDefault(top) ?? chain;
        // Written by the builder's writer: one way to write a facts document, read back by the one facts loader.
        var builder = new FactsBuilder("excerpt").Calendar(index.Workweek, index.Holidays.TakeWhile(h => h <= date));
        foreach (var region in related.Select(u => u.Region).Distinct(StringComparer.Ordinal))
        {
            if (!index.Status.TryGetValue(region, out var status)) continue;
            foreach (var (series, entries) in status)
            foreach (var (from, values) in entries)
                if (from <= date) builder.RegionStatus(region, series, from, values);
        }
        foreach (var u in related) builder.Unit(u.Id, u.Region, index.UnitFields[u.Id], parent: u.Parent);
        if (facts.Incidents is { } incidents)
        {
            builder.NoIncidents();
            foreach (var i in incidents.Where(i => i.Confirmed <= date && related.Any(u => u.Id == i.Unit))) builder.Incident(i.Kind, i.Unit, i.Confirmed);
        }
        builder.Employee(employee.Id, employee.Unit, Plain(employee.Fields));
        foreach (var (series, entries) in employee.Status.OrderBy(s => s.Key, StringComparer.Ordinal))
        foreach (var e in entries.Where(e => e.From <= date))
            builder.EmployeeStatus(employee.Id, series, e.From, e.Until, Plain(e.Values));
        return System.Text.Encoding.UTF8.GetString(builder.ToJson().Json);
    }

    /// <summary>Fact values as the builder's plain values (code → text, set → texts, yes/no, number).</summary>
    private static Dictionary<string, object?> Plain(IEnumerable<KeyValuePair<string, FactValue>> fields) =>
        fields.ToDictionary(kv => kv.Key, kv => kv.Value switch
        {
            CodeFact c => (object?)c.Code,
            CodeSetFact s => s.Codes.ToArray(),
            BoolFact b => b.Value,
            NumberFact n => n.Value,
            _ => null,
        }, StringComparer.Ordinal);
}
