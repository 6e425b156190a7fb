using System.Text;
using System.Text.Json;
using WorkPolicy.Parsing;
using WorkPolicy.Diagnostics;
using WorkPolicy.Rostering;

namespace WorkPolicy.Output;

/// <summary>Rosters as JSON (<c>{ "assignments": [ { employee, date, place } ] }</c>), CSV and tables; reading both back.</summary>
internal static class RosterFiles
{
    /// <summary>
    /// Writes the roster's JSON to <paramref name="stream"/> as it goes, compact (one assignment is ~60 bytes: 100,000
    /// employees over 12 days were 111 MB indented, held whole as a string and again as bytes).
    /// </summary>
    public static void WriteJson(Stream stream, Roster roster)
    {
        using var w = new Utf8JsonWriter(stream, JsonText.Compact);
        void Flush()
        {
            if (w.BytesPending > 1 << 16) w.Flush();
        }
        w.WriteStartObject();
        w.WriteStartArray("assignments");
        foreach (var a in roster.Assignments)
        {
            w.WriteStartObject();
            w.WriteString("employee", a.Employee);
            w.WriteString("date", Values.Text(a.Date));
            w.WriteString("place", a.Place.Word());
            w.WriteEndObject();
            Flush();
        }
        w.WriteEndArray();
        w.WriteStartArray("unassigned");
        foreach (var u in roster.Unassigned)
        {
            w.WriteStartObject();
            w.WriteString("employee", u.Employee);
            w.WriteString("date", Values.Text(u.Date));
            w.WriteStartArray("unknown");
            foreach (var p in u.Unknown) w.WriteStringValue(p);
            w.WriteEndArray();
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteStartArray("pools");
        foreach (var p in roster.Pools)
        {
            w.WriteStartObject();
            w.WriteString("group", p.Group);
            w.WriteString("unit", p.Unit);
            w.WriteString("date", Values.Text(p.Date));
            w.WriteNumber("members", p.Members);
            w.WriteString("place", p.Place == QuotaPlace.Office ? "office" : "home");
            w.WriteNumber("quota", p.Quota);
            w.WriteBoolean("atMost", p.AtMost);
            w.WriteNumber("atPlace", p.AtPlace);
            // Only for a share of a wider base: how many count in it, and how many of them the rules fix at the place.
            if (p.Base is { } quotaBase) w.WriteNumber("base", quotaBase);
            if (p.FixedAtPlace is { } fixedAtPlace) w.WriteNumber("fixedAtPlace", fixedAtPlace);
            w.WriteEndObject();
        }
        w.WriteEndArray();
        w.WriteEndObject();
    }

    /// <summary>Employees as rows, dates as columns: O office, H home, - off, ? not placed.</summary>
    public static void Table(TextWriter w, Roster roster)
    {
        var dates = roster.Assignments.Select(a => a.Date).Concat(roster.Unassigned.Select(u => u.Date)).Distinct().Order().ToList();
        var cells = roster.Assignments.ToDictionary(a => (a.Employee, a.Date), a => a.Place);
        var employees = roster.Assignments.Select(a => a.Employee).Concat(roster.Unassigned.Select(u => u.Employee)).Distinct().ToList();
        var width = Math.Max(8, employees.Select(e => e.Length).DefaultIfEmpty(0).Max());
        w.WriteLine("EMPLOYEE".PadRight(width) + "  " + string.Join(" ", dates.Select(d => d.ToString("dd", null))));
        foreach (var e in employees)
        {
            var row = dates.Select(d => cells.TryGetValue((e, d), out var p) ? p switch { RosterPlace.Office => " O", RosterPlace.Home => " H", _ => " -" } : " ?");
            w.WriteLine(e.PadRight(width) + "  " + string.Join(" ", row).Replace("  ", " ", StringComparison.Ordinal).TrimStart());
        }
        foreach (var u in roster.Unassigned) w.WriteLine($"? {u.Employee} {Values.Text(u.Date)}: needs {string.Join(", ", u.Unknown)}");
    }

    /// <summary>Reads a roster: JSON as written by <see cref="WriteJson"/>, or CSV with a header <c>employee,date,place</c>.</summary>
    public static List<RosterEntry>? Read(string path, string text, List<Diagnostic> diagnostics)
    {
        var trimmed = text.TrimStart();
        return trimmed.StartsWith('{') ? ReadJson(path, text, diagnostics) : ReadCsv(path, text, diagnostics);
    }

    private static List<RosterEntry>? ReadCsv(string path, string text, List<Diagnostic> diagnostics)
    {
        var lines = text.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var header = lines[0].Split(',').Select(h => h.Trim().ToLowerInvariant()).ToList();
        int ie = header.IndexOf("employee"), id = header.IndexOf("date"), ip = header.IndexOf("place");
        if (ie < 0 || id < 0 || ip < 0)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.RosterHeaderMissing, SourceSpan.At(path, 1, 1)));
            return null;
        }
        var result = new List<RosterEntry>();
        for (var i = 1; i < lines.Length; i++)
        {
            if (string.IsNullOrWhiteSpace(lines[i])) continue;
            var cols = lines[i].Split(',');
            if (cols.Length <= Math.Max(ie, Math.Max(id, ip)))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticMessages.ColumnCount, SourceSpan.At(path, i + 1, 1), header.Count, cols.Length));
                continue;
            }
            var dateText = cols[id].Trim();
            if (!Values.TryDate(dateText, out var date))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NotDate, SourceSpan.At(path, i + 1, ColumnOf(lines[i], id)), dateText));
                continue;
            }
            if (!Places.TryParse(cols[ip], out var place))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NotPlace, SourceSpan.At(path, i + 1, ColumnOf(lines[i], ip)), cols[ip].Trim()));
                continue;
            }
            result.Add(new RosterEntry(cols[ie].Trim(), date, place));
        }
        return result;
    }

    private static int ColumnOf(string line, int column)
    {
        var col = 1;
        for (var c = 0; c < column; c++) col = line.IndexOf(',', col - 1) + 2;
        return col;
    }

    private static List<RosterEntry>? ReadJson(string path, string text, List<Diagnostic> diagnostics)
    {
        try
        {
            using var doc = JsonDocument.Parse(text, new JsonDocumentOptions { MaxDepth = 16 });
            var result = new List<RosterEntry>();
            foreach (var a in doc.RootElement.GetProperty("assignments").EnumerateArray())
            {
                var dateText = a.GetProperty("date").GetString() ?? "";
                var placeText = a.GetProperty("place").GetString() ?? "";
                if (!Values.TryDate(dateText, out var date) || !Places.TryParse(placeText, out var place))
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticMessages.AssignmentInvalid, SourceSpan.At(path, 1, 1), dateText, placeText));
                    continue;
                }
                result.Add(new RosterEntry(a.GetProperty("employee").GetString() ?? "", date, place));
            }
            return result;
        }
        catch (Exception ex) when (ex is JsonException or KeyNotFoundException or InvalidOperationException)
        {
            var line = ex is JsonException { LineNumber: { } l } ? (int)l + 1 : 1;
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.NotRoster, SourceSpan.At(path, line, 1), ex.Message));
            return null;
        }
    }
}
