using System.Globalization;
using System.Text.Json;
using NodaTime;

namespace WorkPolicy.Facts;

/// <summary>
/// Writes facts the loader has read back as the JSON of docs/facts.md, straight from the fact rows: no builder, no
/// dictionaries of plain values, no text read again. What a decision record keeps (<see cref="FactsExcerpt"/>) is
/// written here; the loader reads it as any facts file.
/// </summary>
internal static class FactsDocumentWriter
{
    /// <summary>The writer options of every facts document: compact, non-ASCII letters as they are (names are Indonesian).</summary>
    public static readonly JsonWriterOptions Options = new() { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping, SkipValidation = false };

    public static string Date(LocalDate d) => d.ToString("uuuu-MM-dd", CultureInfo.InvariantCulture);

    /// <summary><c>"calendar": { "workweek": [...], "holidays": [...] }</c> with the holidays up to <paramref name="until"/>.</summary>
    public static void Calendar(Utf8JsonWriter w, IsoDayOfWeek[] workweek, LocalDate[] holidays, LocalDate until)
    {
        w.WriteStartObject("calendar");
        w.WriteStartArray("workweek");
        foreach (var d in workweek) w.WriteStringValue(DayName(d));
        w.WriteEndArray();
        w.WriteStartArray("holidays");
        foreach (var h in holidays)
        {
            if (h > until) break;
            w.WriteStringValue(Date(h));
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    private static string DayName(IsoDayOfWeek d) => d switch
    {
        IsoDayOfWeek.Monday => "mon",
        IsoDayOfWeek.Tuesday => "tue",
        IsoDayOfWeek.Wednesday => "wed",
        IsoDayOfWeek.Thursday => "thu",
        IsoDayOfWeek.Friday => "fri",
        IsoDayOfWeek.Saturday => "sat",
        _ => "sun",
    };

    /// <summary>A unit record: id, name, region, parent, then its fields.</summary>
    public static void Unit(Utf8JsonWriter w, UnitFacts unit)
    {
        w.WriteStartObject();
        w.WriteString("id", unit.Id);
        if (unit.Name is { } name) w.WriteString("name", name);
        w.WriteString("region", unit.Region);
        if (unit.Parent is { } parent) w.WriteString("parent", parent);
        Fields(w, unit.Fields);
        w.WriteEndObject();
    }

    /// <summary>An employee record with its fields and the entries of its dated series that start by <paramref name="until"/>.</summary>
    public static void Employee(Utf8JsonWriter w, EmployeeFacts employee, LocalDate until)
    {
        w.WriteStartObject();
        w.WriteString("id", employee.Id);
        w.WriteString("unit", employee.Unit);
        Fields(w, employee.Fields);
        // Only the entries that started by the date; a series with none is left out, as if never given.
        if (employee.Status.Values.Any(e => e.Length > 0 && e[0].From <= until))
        {
            w.WriteStartObject("status");
            foreach (var (series, entries) in employee.Status.OrderBy(s => s.Key, StringComparer.Ordinal))
            {
                if (entries.IsEmpty || entries[0].From > until) continue;
                w.WriteStartArray(series);
                foreach (var entry in entries)
                {
                    if (entry.From > until) break;
                    Entry(w, entry);
                }
                w.WriteEndArray();
            }
            w.WriteEndObject();
        }
        w.WriteEndObject();
    }

    /// <summary>One entry of a dated series: from, until (when stated), its values.</summary>
    public static void Entry(Utf8JsonWriter w, StatusEntry entry)
    {
        w.WriteStartObject();
        w.WriteString("from", Date(entry.From));
        if (entry.Until is { } end) w.WriteString("until", Date(end));
        Fields(w, entry.Values);
        w.WriteEndObject();
    }

    /// <summary>An incident record.</summary>
    public static void Incident(Utf8JsonWriter w, Incident incident)
    {
        w.WriteStartObject();
        w.WriteString("kind", incident.Kind);
        w.WriteString("unit", incident.Unit);
        w.WriteString("confirmed", Date(incident.Confirmed));
        w.WriteEndObject();
    }

    /// <summary>
    /// Fields by key, in key order; dotted keys (<c>health.healthy</c>, how the loader keeps nested fields) become nested
    /// objects again, one per prefix.
    /// </summary>
    public static void Fields(Utf8JsonWriter w, IEnumerable<KeyValuePair<string, FactValue>> fields)
    {
        string? open = null;
        foreach (var (key, value) in fields.OrderBy(f => f.Key, StringComparer.Ordinal))
        {
            var dot = key.IndexOf('.');
            var prefix = dot < 0 ? null : key[..dot];
            if (open is not null && !string.Equals(open, prefix, StringComparison.Ordinal))
            {
                w.WriteEndObject();
                open = null;
            }
            if (prefix is not null && open is null)
            {
                w.WriteStartObject(prefix);
                open = prefix;
            }
            w.WritePropertyName(dot < 0 ? key : key[(dot + 1)..]);
            Value(w, value);
        }
        if (open is not null) w.WriteEndObject();
    }

    private static void Value(Utf8JsonWriter w, FactValue value)
    {
        switch (value)
        {
            case CodeFact c: w.WriteStringValue(c.Code); break;
            case CodeSetFact s:
                w.WriteStartArray();
                foreach (var code in s.Codes) w.WriteStringValue(code);
                w.WriteEndArray();
                break;
            case BoolFact b: w.WriteBooleanValue(b.Value); break;
            case NumberFact n: w.WriteNumberValue(n.Value); break;
            case DateFact d: w.WriteStringValue(Parsing.Values.Text(d.Value)); break;
            default: w.WriteNullValue(); break;
        }
    }
}
