using System.Collections;
using System.Globalization;
using System.Text.Json;
using NodaTime;
using WorkPolicy.Diagnostics;
using WorkPolicy.Loading;
using WorkPolicy.Yaml;

namespace WorkPolicy.Facts;

/// <summary>
/// Facts given as records — an app's <see cref="FactsBuilder"/>, or a JSON document a request carries — made into the
/// nodes the one facts loader reads, without writing text to be parsed again. Each node's span is the fact path it
/// came from (<c>hr/employees[e-7].position</c>): the loader's diagnostics name the record and field the caller wrote,
/// not a place in generated text.
/// </summary>
internal static class FactsNodes
{
    /// <summary>The builder's calendar, regions, units and incidents as a facts document without employees (<see cref="Employee"/> gives each of those).</summary>
    public static YamlMapping Head(FactsBuilder b)
    {
        var name = Segment(b.Name);
        var root = new List<KeyValuePair<YamlScalar, YamlNode>>();
        if (b.WorkweekGiven is { } workweek)
        {
            var at = Span(name, "calendar");
            root.Add(Entry("calendar", at, Map(at,
                Entry("workweek", at, new YamlSequence([.. workweek.Select(d => (YamlNode)Scalar(d.ToString()[..3].ToLowerInvariant(), at))], at)),
                Entry("holidays", at, new YamlSequence([.. b.HolidaysGiven.Select(h => (YamlNode)Scalar(Date(h), at))], at)))));
        }
        var regions = new List<KeyValuePair<YamlScalar, YamlNode>>();
        foreach (var region in b.StatusGiven.GroupBy(s => s.Region, StringComparer.Ordinal))
        {
            var series = new List<KeyValuePair<YamlScalar, YamlNode>>();
            foreach (var entries in region.GroupBy(s => s.Series, StringComparer.Ordinal))
            {
                var items = entries.OrderBy(e => e.From).Select(e =>
                {
                    var record = $"{name}/regions.{Segment(region.Key)}.{Segment(entries.Key)}[{Date(e.From)}]";
                    return (YamlNode)Record(record, [Entry("from", Span(record, "from"), Scalar(Date(e.From), Span(record, "from")))], e.Values);
                });
                series.Add(Entry(entries.Key, Span(name, $"regions.{region.Key}.{entries.Key}"), new YamlSequence([.. items], Span(name, $"regions.{region.Key}.{entries.Key}"))));
            }
            regions.Add(Entry(region.Key, Span(name, $"regions.{region.Key}"), new YamlMapping(series, Span(name, $"regions.{region.Key}"))));
        }
        root.Add(Entry("regions", Span(name, "regions"), new YamlMapping(regions, Span(name, "regions"))));
        root.Add(Entry("units", Span(name, "units"), new YamlSequence([.. b.UnitsGiven.Select(u =>
        {
            var record = $"{name}/units[{Segment(u.Id)}]";
            var head = new List<KeyValuePair<YamlScalar, YamlNode>> { Text(record, "id", u.Id) };
            if (u.Name is { } n) head.Add(Text(record, "name", n));
            head.Add(Text(record, "region", u.Region));
            if (u.Parent is { } p) head.Add(Text(record, "parent", p));
            return (YamlNode)Record(record, head, u.Fields);
        })], Span(name, "units"))));
        if (b.IncidentsKnown)
        {
            root.Add(Entry("incidents", Span(name, "incidents"), new YamlSequence([.. b.IncidentsGiven.Select(i =>
            {
                var record = $"{name}/incidents[{Segment(i.Kind)}@{Segment(i.Unit)}]";
                return (YamlNode)Map(Span(record), Text(record, "kind", i.Kind), Text(record, "unit", i.Unit), Text(record, "confirmed", Date(i.Confirmed)));
            })], Span(name, "incidents"))));
        }
        return new YamlMapping(root, SourceSpan.At(name, 1, 1));
    }

    /// <summary>The builder's <paramref name="index"/>-th employee as a node, each field's span its path (<c>hr/employees[e-7].position</c>).</summary>
    public static YamlMapping Employee(FactsBuilder b, int index)
    {
        var (id, unit, fields) = b.EmployeesGiven[index];
        var record = $"{Segment(b.Name)}/employees[{Segment(id)}]";
        var head = new List<KeyValuePair<YamlScalar, YamlNode>> { Text(record, "id", id), Text(record, "unit", unit) };
        var employee = Record(record, head, fields);
        if (!b.PersonalGiven.TryGetValue(id, out var personal)) return employee;
        var series = personal.GroupBy(p => p.Series, StringComparer.Ordinal).Select(s => Entry(s.Key, Span(record, $"status.{s.Key}"),
            new YamlSequence([.. s.OrderBy(x => x.From).Select(x =>
            {
                var at = $"{record}.status.{Segment(s.Key)}[{Date(x.From)}]";
                var dates = new List<KeyValuePair<YamlScalar, YamlNode>> { Text(at, "from", Date(x.From)) };
                if (x.Until is { } until) dates.Add(Text(at, "until", Date(until)));
                return (YamlNode)Record(at, dates, x.Values);
            })], Span(record, $"status.{s.Key}"))));
        return new YamlMapping([.. employee.Entries, Entry("status", Span(record, "status"), new YamlMapping([.. series], Span(record, "status")))], employee.Span);
    }

    /// <summary>
    /// A JSON facts document as nodes, each named by its record: <c>units[u-1]</c>, <c>employees[e-7].position</c>,
    /// <c>regions.kota-palopo.ppkm[2021-07-26]</c>, <c>incidents[case@u-1]</c>, <c>checkins[3]</c>.
    /// </summary>
    /// <returns>The nodes, or null (with a WP0102 diagnostic) for a document nesting deeper than the facts loader reads.</returns>
    public static YamlNode? Of(string name, JsonElement document, List<Diagnostic> diagnostics)
    {
        try
        {
            return Node(document, Segment(name), 0);
        }
        catch (TooDeep deep)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.JsonTooDeep, SourceSpan.At(deep.At, 1, 1), Limits.MaxYamlDepth));
            return null;
        }
    }

    private sealed class TooDeep(string at) : Exception
    {
        public string At { get; } = at;
    }

    // A fact path names the record and field (name/employees[e-7].health.healthy): a few steps. Deeper nodes keep
    // their parent's path (one string, not one per node), and every step is cut to a short, printable excerpt — a
    // request of long ids and many fields would otherwise make paths the size of the body once per node.
    private const int NamedSteps = 5;
    private const int MostInStep = 256;

    /// <summary>A step of a fact path as diagnostics name it: as given, or cut to 256 printable characters and "…".</summary>
    internal static string Segment(string step)
    {
        if (step.Length <= MostInStep && !step.Any(char.IsControl)) return step;
        var shown = new System.Text.StringBuilder(MostInStep + 1);
        foreach (var c in step.AsSpan(0, Math.Min(step.Length, MostInStep))) shown.Append(char.IsControl(c) ? '?' : c);
        return step.Length > MostInStep ? shown.Append('…').ToString() : shown.ToString();
    }

    private static YamlNode Node(JsonElement e, string at, int depth)
    {
        // As deep as a facts file may nest, no deeper: the caller's document may have been parsed with any depth allowed.
        if (depth > Limits.MaxYamlDepth) throw new TooDeep(at);
        var span = SourceSpan.At(at, 1, 1);
        switch (e.ValueKind)
        {
            case JsonValueKind.Object:
                var entries = new List<KeyValuePair<YamlScalar, YamlNode>>();
                foreach (var p in e.EnumerateObject())
                {
                    // name/units[u-1].kind: the first step after the name is a slash, the rest dots.
                    var path = depth < NamedSteps ? $"{at}{(depth == 0 ? "/" : ".")}{Segment(p.Name)}" : at;
                    var pathSpan = depth < NamedSteps ? SourceSpan.At(path, 1, 1) : span;
                    entries.Add(Entry(p.Name, pathSpan, Node(p.Value, path, depth + 1)));
                }
                return new YamlMapping(entries, span);
            case JsonValueKind.Array:
                return new YamlSequence([.. e.EnumerateArray().Select((item, i) => Node(item, depth < NamedSteps ? $"{at}[{Segment(RecordKey(item, i))}]" : at, depth + 1))], span);
            case JsonValueKind.String:
                return Scalar(e.GetString()!, span);
            case JsonValueKind.Null:
                return Scalar("null", span);
            case JsonValueKind.True:
                return Scalar("true", span);
            case JsonValueKind.False:
                return Scalar("false", span);
            default:
                return Scalar(e.GetRawText(), span);
        }
    }

    /// <summary>How a list item is named: by its id, its start date, kind@unit, employee@at, or #its place in the list (from 1).</summary>
    private static string RecordKey(JsonElement item, int index)
    {
        var place = "#" + (index + 1).ToString(CultureInfo.InvariantCulture);
        if (item.ValueKind != JsonValueKind.Object) return place;
        if (Text(item, "id") is { } id) return id;
        if (Text(item, "from") is { } from) return from;
        if (Text(item, "kind") is { } kind && Text(item, "unit") is { } unit) return $"{kind}@{unit}";
        if (Text(item, "employee") is { } employee && Text(item, "at") is { } at) return $"{employee}@{at}";
        return place;
    }

    private static string? Text(JsonElement item, string key) =>
        item.TryGetProperty(key, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static SourceSpan Span(string record, string? field = null) => SourceSpan.At(field is null ? record : $"{record}{(record.Contains('/') ? "." : "/")}{Segment(field)}", 1, 1);

    private static YamlScalar Scalar(string value, SourceSpan at) => new(value, false, at);

    private static KeyValuePair<YamlScalar, YamlNode> Entry(string key, SourceSpan at, YamlNode value) => new(new YamlScalar(key, false, at), value);

    private static KeyValuePair<YamlScalar, YamlNode> Text(string record, string key, string value) => Entry(key, Span(record, key), Scalar(value, Span(record, key)));

    private static YamlMapping Map(SourceSpan at, params KeyValuePair<YamlScalar, YamlNode>[] entries) => new(entries, at);

    /// <summary>A record: its head entries, then its fields; dotted keys (<c>health.healthy</c>) become nested mappings, in the order their first key comes.</summary>
    private static YamlMapping Record(string record, List<KeyValuePair<YamlScalar, YamlNode>> head, Dictionary<string, object?> fields)
    {
        List<KeyValuePair<YamlScalar, YamlNode>>? nested = null;
        Dictionary<string, List<KeyValuePair<YamlScalar, YamlNode>>>? groups = null;
        foreach (var (key, value) in fields)
        {
            ArgumentNullException.ThrowIfNull(key);
            var dot = key.IndexOf('.');
            if (dot < 0)
            {
                head.Add(Entry(key, Span(record, key), Value(value, Span(record, key))));
                continue;
            }
            var prefix = key[..dot];
            groups ??= new(StringComparer.Ordinal);
            if (!groups.TryGetValue(prefix, out var group))
            {
                groups[prefix] = group = [];
                (nested ??= []).Add(Entry(prefix, Span(record, prefix), new YamlMapping(group, Span(record, prefix))));
            }
            group.Add(Entry(key[(dot + 1)..], Span(record, key), Value(value, Span(record, key))));
        }
        if (nested is not null) head.AddRange(nested);
        return new YamlMapping(head, Span(record));
    }

    private static YamlNode Value(object? value, SourceSpan at, int depth = 0) => depth > Limits.MaxYamlDepth
        // A value nesting deeper than any facts file may: the loader says the field's value is not one it reads.
        ? new YamlSequence([], at)
        : value switch
        {
            null => Scalar("null", at),
            string s => Scalar(s, at),
            bool b => Scalar(b ? "true" : "false", at),
            LocalDate d => Scalar(Date(d), at),
            // As the fast path reads it (FactsLoader.Built): a date field given as .NET's date of day.
            DateOnly d => Scalar(Date(new LocalDate(d.Year, d.Month, d.Day)), at),
            IFormattable number when value is int or long or decimal or double or float or short or byte => Scalar(number.ToString(null, CultureInfo.InvariantCulture), at),
            // A nested value given whole: { ["health"] = { ["healthy"] = true } } is health.healthy.
            IEnumerable<KeyValuePair<string, object?>> fields => new YamlMapping([.. fields.Select(f =>
                Entry(f.Key, SourceSpan.At($"{at.Path}.{f.Key}", 1, 1), Value(f.Value, SourceSpan.At($"{at.Path}.{f.Key}", 1, 1), depth + 1)))], at),
            IEnumerable items => new YamlSequence([.. items.Cast<object?>().Select(i => Value(i, at, depth + 1))], at),
            _ => Scalar(Convert.ToString(value, CultureInfo.InvariantCulture) ?? "", at),
        };

    private static string Date(LocalDate d) => FactsDocumentWriter.Date(d);
}
