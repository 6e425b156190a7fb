using System.Text;
using System.Text.Json;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Dsl.Yaml;

/// <summary>
/// Reads a JSON document (JSON being YAML) into the same <see cref="YamlNode"/> tree as
/// <see cref="YamlTreeReader"/>, with System.Text.Json's reader: large exports load many times
/// faster than through a YAML parser. Iterative, depth-capped, duplicate keys refused.
/// </summary>
public static class JsonTreeReader
{
    private sealed class Frame(bool isMap, SourceSpan start)
    {
        public bool IsMap { get; } = isMap;
        public SourceSpan Start { get; } = start;
        public List<YamlNode> Items { get; } = [];
        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];
        public HashSet<string> Keys { get; } = new(StringComparer.Ordinal);
        public YamlScalar? PendingKey { get; set; }
    }

    /// <summary>Whether <paramref name="text"/> looks like a JSON document rather than block YAML.</summary>
    public static bool LooksLikeJson(string text)
    {
        foreach (var c in text)
        {
            if (!char.IsWhiteSpace(c) && c != '\uFEFF') return c == '{';
        }
        return false;
    }

    /// <summary>Reads <paramref name="text"/>; null (with diagnostics) when it is not valid JSON within the limits.</summary>
    public static YamlNode? Read(string path, string text, List<Diagnostic> diagnostics, int maxDepth, int maxNodes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Skip });
        var stack = new Stack<Frame>();
        YamlNode? root = null;
        var nodes = 0;
        try
        {
            while (reader.Read())
            {
                var at = lines.At(path, reader.TokenStartIndex);
                if (++nodes > maxNodes)
                {
                    diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooMany, at, $"more than {maxNodes} JSON values"));
                    return null;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (stack.Count >= maxDepth)
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.TooDeep, at, $"JSON nests deeper than {maxDepth} levels"));
                            return null;
                        }
                        stack.Push(new Frame(reader.TokenType == JsonTokenType.StartObject, at));
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        var frame = stack.Pop();
                        YamlNode done = frame.IsMap ? new YamlMapping(frame.Entries, frame.Start) : new YamlSequence(frame.Items, frame.Start);
                        if (!Add(stack, done, ref root, diagnostics)) return null;
                        break;
                    case JsonTokenType.PropertyName:
                        var key = new YamlScalar(reader.GetString()!, true, at);
                        var parent = stack.Peek();
                        if (!parent.Keys.Add(key.Value))
                        {
                            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey, at, $"key '{key.Value}' is given twice in this object"));
                            return null;
                        }
                        parent.PendingKey = key;
                        break;
                    default:
                        // Strings count as plain scalars, like unquoted YAML, so "pns" and true read the same in both syntaxes.
                        var value = reader.TokenType switch
                        {
                            JsonTokenType.String => reader.GetString()!,
                            JsonTokenType.Null => "null",
                            _ => Encoding.UTF8.GetString(reader.ValueSpan),
                        };
                        if (!Add(stack, new YamlScalar(value, false, at), ref root, diagnostics)) return null;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            diagnostics.Add(Diagnostic.Error(DiagnosticCodes.YamlSyntax, SourceSpan.At(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1), $"invalid JSON: {ex.Message.Split(" Path:")[0]}"));
            return null;
        }
        return root;
    }

    private static bool Add(Stack<Frame> stack, YamlNode node, ref YamlNode? root, List<Diagnostic> diagnostics)
    {
        if (!stack.TryPeek(out var parent))
        {
            root = node;
            return true;
        }
        if (!parent.IsMap)
        {
            parent.Items.Add(node);
            return true;
        }
        parent.Entries.Add(new(parent.PendingKey!, node));
        parent.PendingKey = null;
        return true;
    }

    /// <summary>
    /// Byte offset to 1-based line and column (columns counted in characters). Tokens arrive in
    /// order, so the line advances incrementally; ASCII lines need no character counting.
    /// </summary>
    private sealed class LineMap(byte[] bytes)
    {
        private int _line;
        private int _start;
        private int _next = NextStart(bytes, 0);
        private bool _ascii = IsAscii(bytes, 0);

        private static int NextStart(byte[] bytes, int from)
        {
            var i = Array.IndexOf(bytes, (byte)'\n', from);
            return i < 0 ? int.MaxValue : i + 1;
        }

        private static bool IsAscii(byte[] bytes, int from)
        {
            var end = Array.IndexOf(bytes, (byte)'\n', from);
            return System.Text.Ascii.IsValid(bytes.AsSpan(from, (end < 0 ? bytes.Length : end) - from));
        }

        public SourceSpan At(string path, long offset)
        {
            while (offset >= _next)
            {
                _line++;
                _start = _next;
                _next = NextStart(bytes, _start);
                _ascii = IsAscii(bytes, _start);
            }
            var column = _ascii ? (int)offset - _start + 1 : Encoding.UTF8.GetCharCount(bytes, _start, (int)offset - _start) + 1;
            return SourceSpan.At(path, _line + 1, column);
        }
    }
}
