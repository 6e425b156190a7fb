using System.Text;
using System.Text.Json;
using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Dsl.Yaml;

/// <summary>
/// Reads a JSON document (JSON being YAML) into the same <see cref="YamlNode"/> tree as
/// <see cref="YamlTreeReader"/>, with System.Text.Json's reader: large exports load many times
/// faster than through a YAML parser. Iterative, depth-capped, duplicate keys refused.
/// </summary>
internal static class JsonTreeReader
{
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
    public static YamlNode? Read(string path, string text, List<Diagnostic> diagnostics, int maxDepth, int maxNodes) =>
        Read(path, text, diagnostics, maxDepth, maxNodes, null);

    /// <summary>Reads, handing the items of one top-level list to <paramref name="stream"/> as they complete.</summary>
    internal static YamlNode? Read(string path, string text, List<Diagnostic> diagnostics, int maxDepth, int maxNodes, ItemStream? stream) =>
        ReadUtf8(path, Encoding.UTF8.GetBytes(text), diagnostics, maxDepth, maxNodes, stream);

    /// <summary>Whether UTF-8 <paramref name="bytes"/> (BOM already dropped) look like a JSON document.</summary>
    internal static bool LooksLikeJson(ReadOnlySpan<byte> bytes)
    {
        var i = bytes.IndexOfAnyExcept(" \t\r\n"u8);
        return i >= 0 && bytes[i] == (byte)'{';
    }

    /// <summary>Reads valid UTF-8 without a BOM (the caller checked both), so no text is ever made of the whole file.</summary>
    internal static YamlNode? ReadUtf8(string path, byte[] bytes, List<Diagnostic> diagnostics, int maxDepth, int maxNodes, ItemStream? stream)
    {
        var lines = new LineMap(bytes);
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Skip });
        var tree = new TreeBuilder(stream);
        var strings = new StringCache();
        var context = new JsonItemContext(path, lines, strings);
        var nodes = 0;
        try
        {
            while (reader.Read())
            {
                var at = lines.At(path, reader.TokenStartIndex);
                if (++nodes > maxNodes)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticMessages.TooManyJsonValues, at, maxNodes));
                    return null;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when stream?.FastJson is { } fast && tree.InStreamedList:
                        // A reader that maps the item straight from the tokens; when it declines, the item is read again as nodes.
                        var saved = reader;
                        if (fast(ref reader, context, maxNodes - nodes, out var tokens))
                        {
                            nodes += tokens;
                            break;
                        }
                        reader = saved;
                        tree.Open(true, at);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (tree.Depth >= maxDepth)
                        {
                            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.JsonTooDeep, at, maxDepth));
                            return null;
                        }
                        tree.Open(reader.TokenType == JsonTokenType.StartObject, at);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (!tree.Close(at, diagnostics)) return null;
                        break;
                    case JsonTokenType.PropertyName:
                        if (!tree.Add(new YamlScalar(strings.Get(ref reader), true, at), diagnostics)) return null;
                        break;
                    default:
                        // Strings count as plain scalars, like unquoted YAML, so "pns" and true read the same in both syntaxes.
                        var value = reader.TokenType switch
                        {
                            JsonTokenType.String => strings.Get(ref reader),
                            JsonTokenType.Null => "null",
                            JsonTokenType.True => "true",
                            JsonTokenType.False => "false",
                            _ => strings.GetRaw(reader.ValueSpan),
                        };
                        if (!tree.Add(new YamlScalar(value, false, at), diagnostics)) return null;
                        break;
                }
            }
        }
        catch (JsonException ex)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.InvalidJson, SourceSpan.At(path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1), ex.Message.Split(" Path:")[0]));
            return null;
        }
        catch (InvalidOperationException ex)
        {
            // The reader accepts an escaped lone surrogate (\uDDDD) and throws only when the string is read.
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.InvalidJsonString, lines.At(path, reader.TokenStartIndex), ex.Message));
            return null;
        }
        return tree.Root;
    }

    /// <summary>
    /// One string object per distinct short text: a large export repeats the same keys and codes
    /// hundreds of thousands of times. Long texts and texts past the cap are made fresh.
    /// </summary>
    internal sealed class StringCache
    {
        private const int MaxBytes = 48;
        private const int MaxEntries = 8192;
        private readonly Dictionary<string, string> _strings = new(StringComparer.Ordinal);
        private readonly Dictionary<string, string>.AlternateLookup<ReadOnlySpan<char>> _lookup;

        public StringCache() => _lookup = _strings.GetAlternateLookup<ReadOnlySpan<char>>();

        /// <summary>The current string or property name, unescaped.</summary>
        public string Get(ref Utf8JsonReader reader)
        {
            if (reader.HasValueSequence || reader.ValueSpan.Length > MaxBytes) return reader.GetString()!;
            Span<char> chars = stackalloc char[MaxBytes];
            return Intern(chars[..reader.CopyString(chars)]);
        }

        /// <summary>A number token's text (ASCII).</summary>
        public string GetRaw(ReadOnlySpan<byte> utf8)
        {
            if (utf8.Length > MaxBytes) return Encoding.UTF8.GetString(utf8);
            Span<char> chars = stackalloc char[MaxBytes];
            return Intern(chars[..Encoding.UTF8.GetChars(utf8, chars)]);
        }

        private string Intern(ReadOnlySpan<char> text)
        {
            if (_lookup.TryGetValue(text, out var known)) return known;
            var made = new string(text);
            if (_strings.Count < MaxEntries) _strings[made] = made;
            return made;
        }
    }

    /// <summary>
    /// Byte offset to 1-based line and column (columns counted in characters). Tokens arrive in
    /// order, so the line advances incrementally; ASCII lines need no character counting.
    /// </summary>
    internal sealed class LineMap(byte[] bytes)
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

/// <summary>What a fast item reader needs from the JSON reader: positions and shared strings.</summary>
internal sealed class JsonItemContext(string path, JsonTreeReader.LineMap lines, JsonTreeReader.StringCache strings)
{
    /// <summary>The position of a byte offset; offsets must be asked in increasing order.</summary>
    public SourceSpan At(long offset) => lines.At(path, offset);

    /// <summary>The current string token or property name.</summary>
    public string String(ref Utf8JsonReader reader) => strings.Get(ref reader);

    /// <summary>A number token's text.</summary>
    public string Raw(ReadOnlySpan<byte> utf8) => strings.GetRaw(utf8);
}

/// <summary>
/// Maps one list item straight from the tokens, the reader on its opening brace; on success the
/// reader is left on its closing brace. Returns false (having changed nothing) for anything it does
/// not handle, so the item is then read as nodes and mapped, with diagnostics, the usual way.
/// </summary>
/// <param name="reader">The reader, on the item's opening brace.</param>
/// <param name="context">Positions and shared strings.</param>
/// <param name="budget">How many more tokens the file may have.</param>
/// <param name="tokens">The tokens it read after the opening brace.</param>
internal delegate bool FastJsonItem(ref Utf8JsonReader reader, JsonItemContext context, int budget, out int tokens);
