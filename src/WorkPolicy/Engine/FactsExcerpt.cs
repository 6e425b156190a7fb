using System.Buffers;
using System.Collections.Concurrent;
using System.Text;
using System.Text.Json;
using NodaTime;
using WorkPolicy.Facts;

namespace WorkPolicy;

/// <summary>
/// The facts one decision reads, as a facts document of their own (docs/facts.md): the employee, their unit and the
/// units above it, the region's status series up to the date, the calendar, the incidents of those units (when the
/// facts know incidents). Decided alone under the same rules it gives the same decision; a record keeps it so the
/// decision can be replayed under other rules without the facts file of the day.
/// </summary>
/// <remarks>
/// A service writes one for every answer, so it is written straight from the fact rows (<see cref="FactsDocumentWriter"/>),
/// and everything but the employee — calendar, status, units, incidents, which depend only on the top unit and the
/// date — is written once per top unit and date and kept with the facts (which never change).
/// </remarks>
internal static class FactsExcerpt
{
    /// <summary>What an excerpt looks up, made once per facts: employees and units by id, units by their top unit.</summary>
    internal sealed class Index
    {
        // A facts file's top units × the dates a service is asked about: a few thousand texts at most in practice; past
        // this many the kept texts are dropped and written again, so no request pattern grows memory without end.
        private const int MaxKept = 8192;
        private readonly Dictionary<string, EmployeeFacts> _employees = new(StringComparer.Ordinal);
        private readonly ConcurrentDictionary<(string Top, LocalDate Date), byte[]> _surroundings = new();

        public Index(FactsFile facts)
        {
            Facts = facts;
            foreach (var e in facts.Employees) _employees.TryAdd(e.Id, e);
            Units = facts.Units.GroupBy(u => u.Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);
            Subtrees = facts.Units.GroupBy(u => UnitTree.Top(u, Units).Id, StringComparer.Ordinal).ToDictionary(g => g.Key, g => g.ToList(), StringComparer.Ordinal);
            Workweek = [.. facts.Calendar.Workweek.Order()];
            Holidays = [.. facts.Calendar.Holidays.Order()];
        }

        public FactsFile Facts { get; }

        public IsoDayOfWeek[] Workweek { get; }

        public LocalDate[] Holidays { get; }

        public Dictionary<string, UnitFacts> Units { get; }

        public Dictionary<string, List<UnitFacts>> Subtrees { get; }

        public EmployeeFacts? Employee(string id) => _employees.GetValueOrDefault(id);

        /// <summary>The document's text up to and including <c>"employees":[</c>, for the units of <paramref name="top"/> on <paramref name="date"/>.</summary>
        public byte[] Surroundings(string top, List<UnitFacts> related, LocalDate date)
        {
            if (_surroundings.TryGetValue((top, date), out var kept)) return kept;
            if (_surroundings.Count >= MaxKept) _surroundings.Clear();
            return _surroundings[(top, date)] = WriteSurroundings(this, related, date);
        }
    }

    public static string Of(Index index, EmployeeFacts employee, LocalDate date)
    {
        var units = index.Units;
        var chain = new List<UnitFacts>();
        for (var id = (string?)employee.Unit; id is not null && units.TryGetValue(id, out var unit) && !chain.Contains(unit); id = unit.Parent)
            chain.Add(unit);
        // A top unit's incident tests read its whole subtree: every unit under the same top unit, with its own parents.
        var top = chain.Count > 0 ? UnitTree.Top(chain[0], units).Id : null;
        var related = top is null ? chain : index.Subtrees.GetValueOrDefault(top) ?? chain;
        // An employee of no known unit reads no unit: its surroundings are the calendar and nothing else ("" as the key).
        var surroundings = index.Surroundings(top ?? "", related, date);
        var buffer = new ArrayBufferWriter<byte>(512);
        using (var w = new Utf8JsonWriter(buffer, FactsDocumentWriter.Options)) FactsDocumentWriter.Employee(w, employee, date);
        var text = new byte[surroundings.Length + buffer.WrittenCount + 2];
        surroundings.CopyTo(text, 0);
        buffer.WrittenSpan.CopyTo(text.AsSpan(surroundings.Length));
        text[^2] = (byte)']';
        text[^1] = (byte)'}';
        return Encoding.UTF8.GetString(text);
    }

    /// <summary>Calendar, region status up to the date, the related units, their incidents up to the date — then <c>"employees":[</c>.</summary>
    private static byte[] WriteSurroundings(Index index, List<UnitFacts> related, LocalDate date)
    {
        var facts = index.Facts;
        var buffer = new ArrayBufferWriter<byte>(2048);
        using (var w = new Utf8JsonWriter(buffer, FactsDocumentWriter.Options))
        {
            w.WriteStartObject();
            FactsDocumentWriter.Calendar(w, index.Workweek, index.Holidays, date);
            w.WriteStartObject("regions");
            foreach (var region in related.Select(u => u.Region).Distinct(StringComparer.Ordinal))
            {
                // Only the entries that started by the date; a series (a region) with none is left out, as if never given.
                if (!facts.Regions.TryGetValue(region, out var status) || !status.Series.Values.Any(e => e.Length > 0 && e[0].From <= date)) continue;
                w.WriteStartObject(region);
                foreach (var (series, entries) in status.Series.OrderBy(s => s.Key, StringComparer.Ordinal))
                {
                    if (entries.IsEmpty || entries[0].From > date) continue;
                    w.WriteStartArray(series);
                    foreach (var entry in entries)
                    {
                        if (entry.From > date) break;
                        FactsDocumentWriter.Entry(w, entry);
                    }
                    w.WriteEndArray();
                }
                w.WriteEndObject();
            }
            w.WriteEndObject();
            w.WriteStartArray("units");
            foreach (var u in related) FactsDocumentWriter.Unit(w, u);
            w.WriteEndArray();
            if (facts.Incidents is { } incidents)
            {
                w.WriteStartArray("incidents");
                foreach (var i in incidents)
                    if (i.Confirmed <= date && related.Exists(u => u.Id == i.Unit)) FactsDocumentWriter.Incident(w, i);
                w.WriteEndArray();
            }
            w.WritePropertyName("employees");
            w.WriteStartArray();
            w.Flush();
        }
        return buffer.WrittenSpan.ToArray();
    }
}
