using System.Text;
using System.Text.Json;

namespace WorkPolicy;

/// <summary>
/// The record each line of a builder's JSON holds (line 1 is the head, line N+1 the N-th record): the map from a
/// loader diagnostic's line and column back to a fact path such as <c>employees[e-7].position</c>. The field is
/// found again by reading that one line, only when a diagnostic asks.
/// </summary>
internal sealed class FactsMarks(List<(FactsMarks.Kind Kind, string Id)> records)
{
    /// <summary>What a line holds: a record of a list, or (<see cref="Key"/>) a top-level key given whole.</summary>
    public enum Kind : byte { Status, Unit, Incident, Employee, Checkin, Key }

    /// <summary>The fact path at a 1-based line and column (columns in characters) of <paramref name="json"/>, or null in the head.</summary>
    public string? PathAt(byte[] json, int line, int column)
    {
        if (line < 2 || line - 2 >= records.Count) return null;
        // One record a line: line N+1 is the N-th record (the head is line 1).
        var (kind, id) = records[line - 2];
        var record = kind switch
        {
            Kind.Status => $"regions.{id}",
            Kind.Unit => $"units[{id}]",
            Kind.Incident => $"incidents[{id}]",
            Kind.Checkin => $"checkins[{id}]",
            Kind.Key => id,
            _ => $"employees[{id}]",
        };
        if (kind == Kind.Key) return record;
        return FieldAt(LineOf(json, line), column) is { } field ? $"{record}.{field}" : record;
    }

    // Where each line starts, found on the first diagnostic and kept: a file with many bad records is scanned once.
    private int[]? _lineStarts;

    private ReadOnlySpan<byte> LineOf(byte[] json, int line)
    {
        _lineStarts ??= [0, .. Enumerable.Range(0, json.Length).Where(i => json[i] == (byte)'\n').Select(i => i + 1)];
        var start = _lineStarts[line - 1];
        var end = line < _lineStarts.Length ? _lineStarts[line] - 1 : json.Length;
        return json.AsSpan(start, end - start);
    }

    /// <summary>The (dotted) key of the property whose name or value holds the column: <c>position</c>, <c>health.healthy</c>.</summary>
    private static string? FieldAt(ReadOnlySpan<byte> line, int column)
    {
        var skip = line.IndexOf((byte)'{');
        if (skip < 0) return null;
        var body = line[skip..];
        // Columns count characters; the reader counts bytes.
        var prefix = Encoding.UTF8.GetCharCount(line[..skip]);
        var charsIn = Math.Max(0, column - 1 - prefix);
        var text = Encoding.UTF8.GetString(body);
        var at = Encoding.UTF8.GetByteCount(text.AsSpan(0, Math.Min(charsIn, text.Length)));
        var reader = new Utf8JsonReader(body, new JsonReaderOptions { AllowTrailingCommas = true });
        var path = new List<string>();
        string? found = null;
        string? pending = null;
        try
        {
            while (reader.Read() && reader.TokenStartIndex <= at)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pending = reader.GetString();
                        found = path.Count == 0 ? pending : string.Join('.', path) + "." + pending;
                        break;
                    case JsonTokenType.StartObject when pending is not null:
                        path.Add(pending);
                        pending = null;
                        break;
                    case JsonTokenType.EndObject when path.Count > 0:
                        path.RemoveAt(path.Count - 1);
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // A line cut short: what was read names the field.
        }
        return found is "id" ? null : found;
    }
}
