using System.Globalization;
using System.Text.Json;
using NodaTime;
using NodaTime.Text;

namespace WorkPolicy.Hosting;

/// <summary>
/// Facts given inline in a request (a facts document as in docs/facts.md, as JSON) turned into a
/// <see cref="FactsBuilder"/>, so they are checked as an app's own records are: a diagnostic names the record and
/// field (<c>request/employees[e-2].position</c>), not a column of the request body.
/// </summary>
internal static class RequestFacts
{
    private static readonly string[] Keys = ["calendar", "regions", "units", "incidents", "employees", "checkins"];

    /// <summary>The builder, or the first thing that keeps the document from being read as facts.</summary>
    public static (FactsBuilder? Builder, string? Problem) Read(JsonElement document)
    {
        try
        {
            return Builder(document);
        }
        catch (InvalidOperationException)
        {
            // A list where an object belongs, a number where a date does: JsonElement refuses to read it so.
            return (null, "facts: a value of the wrong kind somewhere (a list, an object or a text where docs/facts.md has another)");
        }
    }

    private static (FactsBuilder? Builder, string? Problem) Builder(JsonElement document)
    {
        if (document.ValueKind != JsonValueKind.Object) return (null, "facts: an object as in docs/facts.md");
        var builder = new FactsBuilder("request");
        foreach (var property in document.EnumerateObject())
        {
            if (!Keys.Contains(property.Name)) return (null, $"facts: unknown key '{property.Name}' (calendar, regions, units, incidents, employees)");
        }
        if (document.TryGetProperty("calendar", out var calendar))
        {
            var week = calendar.TryGetProperty("workweek", out var w) ? w.EnumerateArray().Select(d => Day(d.GetString())).ToList() : null;
            var holidays = calendar.TryGetProperty("holidays", out var h) ? h.EnumerateArray().Select(d => Date(d.GetString())).ToList() : [];
            if (week is not null && week.Any(d => d is null)) return (null, "facts: calendar.workweek takes mon ... sun");
            if (holidays.Any(d => d is null)) return (null, "facts: calendar.holidays takes dates yyyy-mm-dd");
            builder.Calendar(week?.Select(d => d!.Value) ?? [IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], holidays.Select(d => d!.Value));
        }
        if (document.TryGetProperty("regions", out var regions))
        {
            foreach (var region in regions.EnumerateObject())
            foreach (var series in region.Value.EnumerateObject())
            foreach (var entry in series.Value.EnumerateArray())
            {
                if (Date(entry.TryGetProperty("from", out var f) ? f.GetString() : null) is not { } from) return (null, $"facts: regions.{region.Name}.{series.Name}: every entry needs 'from' (yyyy-mm-dd)");
                builder.RegionStatus(region.Name, series.Name, from, Fields(entry, "from"));
            }
        }
        foreach (var unit in Items(document, "units"))
        {
            if (Text(unit, "id") is not { } id || Text(unit, "region") is not { } region) return (null, "facts: every unit needs 'id' and 'region'");
            builder.Unit(id, region, Fields(unit, "id", "region", "name", "parent"), Text(unit, "name"), Text(unit, "parent"));
        }
        if (document.TryGetProperty("incidents", out var incidents))
        {
            builder.NoIncidents();
            foreach (var i in incidents.EnumerateArray())
            {
                if (Text(i, "kind") is not { } kind || Text(i, "unit") is not { } unit || Date(Text(i, "confirmed")) is not { } confirmed) return (null, "facts: every incident needs 'kind', 'unit' and 'confirmed'");
                builder.Incident(kind, unit, confirmed);
            }
        }
        foreach (var employee in Items(document, "employees"))
        {
            if (Text(employee, "id") is not { } id || Text(employee, "unit") is not { } unit) return (null, "facts: every employee needs 'id' and 'unit'");
            builder.Employee(id, unit, Fields(employee, "id", "unit", "status"));
            if (!employee.TryGetProperty("status", out var status)) continue;
            foreach (var series in status.EnumerateObject())
            foreach (var entry in series.Value.EnumerateArray())
            {
                if (Date(Text(entry, "from")) is not { } from) return (null, $"facts: employees[{id}].status.{series.Name}: every entry needs 'from'");
                builder.EmployeeStatus(id, series.Name, from, Date(Text(entry, "until")), Fields(entry, "from", "until"));
            }
        }
        return (builder, null);
    }

    /// <summary>The items of a list; a key given as anything but a list is refused, not read as empty.</summary>
    private static IEnumerable<JsonElement> Items(JsonElement document, string key) =>
        !document.TryGetProperty(key, out var list) ? []
        : list.ValueKind == JsonValueKind.Array ? list.EnumerateArray()
        : throw new InvalidOperationException($"{key} is not a list");

    private static string? Text(JsonElement e, string key) =>
        e.ValueKind == JsonValueKind.Object && e.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;

    private static LocalDate? Date(string? text) => text is not null && LocalDatePattern.Iso.Parse(text) is { Success: true } d ? d.Value : null;

    private static IsoDayOfWeek? Day(string? word) => word switch
    {
        "mon" => IsoDayOfWeek.Monday, "tue" => IsoDayOfWeek.Tuesday, "wed" => IsoDayOfWeek.Wednesday, "thu" => IsoDayOfWeek.Thursday,
        "fri" => IsoDayOfWeek.Friday, "sat" => IsoDayOfWeek.Saturday, "sun" => IsoDayOfWeek.Sunday, _ => null,
    };

    /// <summary>An object's fields as the builder takes them; nested objects (health) become dotted keys.</summary>
    private static Dictionary<string, object?> Fields(JsonElement e, params string[] skip)
    {
        var fields = new Dictionary<string, object?>(StringComparer.Ordinal);
        void Add(JsonElement obj, string prefix)
        {
            foreach (var p in obj.EnumerateObject())
            {
                if (prefix.Length == 0 && skip.Contains(p.Name)) continue;
                if (p.Value.ValueKind == JsonValueKind.Object && prefix.Length == 0) Add(p.Value, p.Name + ".");
                else fields[prefix + p.Name] = Value(p.Value);
            }
        }
        Add(e, "");
        return fields;
    }

    private static object? Value(JsonElement v) => v.ValueKind switch
    {
        JsonValueKind.String => v.GetString(),
        JsonValueKind.True => true,
        JsonValueKind.False => false,
        JsonValueKind.Number => decimal.TryParse(v.GetRawText(), NumberStyles.Number | NumberStyles.AllowExponent, CultureInfo.InvariantCulture, out var n) ? n : v.GetRawText(),
        JsonValueKind.Array => v.EnumerateArray().Select(i => i.ValueKind == JsonValueKind.String ? i.GetString()! : i.GetRawText()).ToArray(),
        _ => null,
    };
}
