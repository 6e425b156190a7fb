using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace WorkPolicy.Dsl.Facts;

/// <summary>
/// The top-level keys a facts document has after its employee list, found by reading it through once without
/// keeping anything: what tells a stream whether facts that decisions read still come after the employees. Null when
/// the document cannot be read through (its own reading then reports why).
/// </summary>
internal static class KeysAfterEmployees
{
    /// <summary>The keys after <c>employees</c> in <paramref name="source"/> from its start, read as JSON or YAML.</summary>
    public static IReadOnlySet<string>? Scan(Stream source, bool json)
    {
        try
        {
            return json ? Json(source) : Yaml(source);
        }
        catch (Exception ex) when (ex is JsonException or YamlException or IOException or InvalidOperationException or ArgumentException or FormatException or IndexOutOfRangeException or NullReferenceException)
        {
            return null;
        }
    }

    private static HashSet<string> Json(Stream source)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var after = false;
        var buffer = new byte[1 << 20];
        var held = 0;
        var state = new JsonReaderState(new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, MaxDepth = 256 });
        var final = false;
        while (!final)
        {
            var n = source.Read(buffer, held, buffer.Length - held);
            final = n == 0;
            held += n;
            var reader = new Utf8JsonReader(buffer.AsSpan(0, held), final, state);
            while (reader.Read())
            {
                if (reader.TokenType != JsonTokenType.PropertyName || reader.CurrentDepth != 1) continue;
                var key = reader.GetString()!;
                if (after) keys.Add(key);
                else after = key == "employees";
            }
            state = reader.CurrentState;
            var consumed = (int)reader.BytesConsumed;
            Buffer.BlockCopy(buffer, consumed, buffer, 0, held - consumed);
            held -= consumed;
            if (held == buffer.Length) Array.Resize(ref buffer, buffer.Length * 2);
        }
        return keys;
    }

    private static HashSet<string> Yaml(Stream source)
    {
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var after = false;
        var parser = new Parser(new StreamReader(source, leaveOpen: true));
        // Open containers: whether each is a mapping and whether its next node is a key.
        var open = new Stack<(bool Map, bool KeyNext)>();
        while (parser.MoveNext())
        {
            switch (parser.Current)
            {
                case MappingStart or SequenceStart:
                    if (open.TryPeek(out var parent) && parent.Map)
                    {
                        if (parent.KeyNext) return keys;
                        open.Pop();
                        open.Push((true, true));
                    }
                    open.Push((parser.Current is MappingStart, parser.Current is MappingStart));
                    break;
                case MappingEnd or SequenceEnd:
                    open.Pop();
                    break;
                case Scalar s when open.TryPeek(out var top) && top.Map:
                    if (top.KeyNext && open.Count == 1)
                    {
                        if (after) keys.Add(s.Value);
                        else after = s.Value == "employees";
                    }
                    open.Pop();
                    open.Push((true, !top.KeyNext));
                    break;
            }
        }
        return keys;
    }
}
