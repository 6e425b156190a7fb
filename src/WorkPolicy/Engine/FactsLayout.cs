using System.Text.Json;

namespace WorkPolicy;

/// <summary>
/// A facts document given as JSON (a request's body), laid out again as the builder lays out its records — one record
/// a line, each line's record noted — without reading what the records say: the one facts loader reads them, and
/// <see cref="FactsMarks"/> names its diagnostics by record and field (<c>employees[e-7].position</c>).
/// </summary>
internal static class FactsLayout
{
    /// <summary>The document, one record a line, and the record of each line.</summary>
    public static (byte[] Json, FactsMarks Marks) OneRecordALine(JsonElement document)
    {
        var records = new List<(FactsMarks.Kind Kind, string Id)>();
        using var ms = new MemoryStream();
        using var w = new Utf8JsonWriter(ms, new JsonWriterOptions { Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping });
        void Record(FactsMarks.Kind kind, string id)
        {
            // A record starts a line of its own: the writer's separator, if any, comes after the newline.
            w.Flush();
            ms.WriteByte((byte)'\n');
            records.Add((kind, id));
        }
        if (document.ValueKind != JsonValueKind.Object)
        {
            // Not a facts document at all: the loader says so, of the document.
            document.WriteTo(w);
            w.Flush();
            return (ms.ToArray(), new FactsMarks(records));
        }
        w.WriteStartObject();
        foreach (var property in document.EnumerateObject())
        {
            var list = property.Value.ValueKind == JsonValueKind.Array;
            switch (property.Name)
            {
                case "regions" when property.Value.ValueKind == JsonValueKind.Object:
                    Record(FactsMarks.Kind.Key, property.Name);
                    w.WritePropertyName(property.Name);
                    w.WriteStartObject();
                    foreach (var region in property.Value.EnumerateObject())
                    {
                        w.WritePropertyName(region.Name);
                        if (region.Value.ValueKind != JsonValueKind.Object)
                        {
                            region.Value.WriteTo(w);
                            continue;
                        }
                        w.WriteStartObject();
                        foreach (var series in region.Value.EnumerateObject())
                        {
                            w.WritePropertyName(series.Name);
                            Items(series.Value, (entry, _) => $"{region.Name}.{series.Name}[{Text(entry, "from")}]", FactsMarks.Kind.Status);
                        }
                        w.WriteEndObject();
                    }
                    w.WriteEndObject();
                    break;
                case "units" or "employees" or "incidents" or "checkins" when list:
                    var kind = property.Name switch
                    {
                        "units" => FactsMarks.Kind.Unit,
                        "employees" => FactsMarks.Kind.Employee,
                        "incidents" => FactsMarks.Kind.Incident,
                        _ => FactsMarks.Kind.Checkin,
                    };
                    w.WritePropertyName(property.Name);
                    Items(property.Value, Id, kind);
                    break;
                default:
                    // Anything else (the calendar, a key the loader will refuse, a list given as something else) is one line of its own.
                    Record(FactsMarks.Kind.Key, property.Name);
                    property.WriteTo(w);
                    break;
            }

            string Id(JsonElement item, int index) => property.Name switch
            {
                "incidents" => $"{Text(item, "kind")}@{Text(item, "unit")}",
                "checkins" => $"{Text(item, "employee")}@{Text(item, "at")}",
                _ => Text(item, "id") ?? $"#{index + 1}",
            };
        }
        w.WriteEndObject();
        w.Flush();
        return (ms.ToArray(), new FactsMarks(records));

        void Items(JsonElement items, Func<JsonElement, int, string> id, FactsMarks.Kind kind)
        {
            if (items.ValueKind != JsonValueKind.Array)
            {
                items.WriteTo(w);
                return;
            }
            w.WriteStartArray();
            var index = 0;
            foreach (var item in items.EnumerateArray())
            {
                Record(kind, id(item, index++));
                item.WriteTo(w);
            }
            w.WriteEndArray();
        }
    }

    private static string? Text(JsonElement item, string key) =>
        item.ValueKind == JsonValueKind.Object && item.TryGetProperty(key, out var v) && v.ValueKind == JsonValueKind.String ? v.GetString() : null;
}
