using System.Text;
using System.Text.Json;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Yaml;

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
        var reader = new JsonStepReader(path, new JsonWindow(bytes), diagnostics, maxDepth, maxNodes, stream);
        reader.Run(null);
        return reader.Root;
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
    /// Byte offset to 1-based line and column (columns counted in characters), over a window of the
    /// document that moves forward (<see cref="JsonWindow"/>). Offsets are asked in increasing order,
    /// so the bytes between two asks are scanned once; ASCII needs no character counting.
    /// </summary>
    internal sealed class LineMap(JsonWindow window)
    {
        private int _line;
        private long _scanned;
        private int _column;

        public SourceSpan At(string path, long offset)
        {
            if (offset > _scanned)
            {
                var span = window.Bytes(_scanned, offset);
                var lines = span.Count((byte)'\n');
                if (lines > 0)
                {
                    _line += lines;
                    _column = 0;
                    span = span[(span.LastIndexOf((byte)'\n') + 1)..];
                }
                _column += System.Text.Ascii.IsValid(span) ? span.Length : Encoding.UTF8.GetCharCount(span);
                _scanned = offset;
            }
            return SourceSpan.At(path, _line + 1, _column + 1);
        }
    }
}

/// <summary>
/// The part of a JSON document in memory: all of it (a byte array), or a window over a stream that
/// keeps at least <see cref="Ahead"/> bytes past the reader (or the stream's end), so any list item
/// smaller than that is whole in the window when its first token is read.
/// </summary>
internal sealed class JsonWindow
{
    /// <summary>Bytes kept ahead of the reader while the stream has more.</summary>
    public const int Ahead = 64 * 1024;

    /// <summary>
    /// The longest token a stream may hold (1 MiB): no name or text of the facts may be longer than 512 characters,
    /// so a longer token is refused (WP0103) instead of growing the window — a 1 GiB string once overflowed it.
    /// </summary>
    public const int MostTokenBytes = 1 << 20;

    private readonly Stream? _source;
    private byte[] _buffer;

    /// <summary>A whole document.</summary>
    public JsonWindow(byte[] bytes)
    {
        _buffer = bytes;
        End = bytes.Length;
        Final = true;
    }

    /// <summary>A document read from <paramref name="source"/> as it is needed, after <paramref name="head"/> (bytes already taken from it).</summary>
    public JsonWindow(Stream source, ReadOnlySpan<byte> head)
    {
        _source = source;
        _buffer = new byte[Math.Max(1 << 20, head.Length * 2)];
        head.CopyTo(_buffer);
        End = head.Length;
    }

    /// <summary>The offset in the document of <c>_buffer[0]</c>.</summary>
    public long Base { get; private set; }

    /// <summary>The first byte not yet consumed by the reader, in the buffer.</summary>
    public int Start { get; set; }

    /// <summary>Where the bytes in the buffer end.</summary>
    public int End { get; private set; }

    /// <summary>Whether the buffer holds the document's last byte.</summary>
    public bool Final { get; private set; }

    /// <summary>The unconsumed bytes.</summary>
    public ReadOnlySpan<byte> Unread => _buffer.AsSpan(Start, End - Start);

    /// <summary>Whether the reader should take more bytes before its next token.</summary>
    public bool Low => !Final && End - Start < Ahead;

    /// <summary>The bytes from document offset <paramref name="from"/> to <paramref name="to"/>; both must be in the buffer.</summary>
    public ReadOnlySpan<byte> Bytes(long from, long to) => _buffer.AsSpan((int)(from - Base), (int)(to - from));

    /// <summary>
    /// Drops the consumed bytes (after <paramref name="keep"/> has seen them) and reads more; a token longer than
    /// the buffer grows it, up to <see cref="MostTokenBytes"/>: false, nothing read, when the unread token already
    /// holds that many. <paramref name="keep"/> runs before the bytes go, so a line map can scan them.
    /// </summary>
    public bool Fill(Action<long> keep)
    {
        if (Final || _source is null) return true;
        if (End - Start >= MostTokenBytes) return false;
        keep(Base + Start);
        var unread = End - Start;
        if (unread > _buffer.Length / 2) Array.Resize(ref _buffer, _buffer.Length * 2);
        Buffer.BlockCopy(_buffer, Start, _buffer, 0, unread);
        Base += Start;
        Start = 0;
        End = unread;
        while (End < _buffer.Length)
        {
            var n = _source.Read(_buffer, End, _buffer.Length - End);
            if (n == 0)
            {
                Final = true;
                break;
            }
            End += n;
        }
        return true;
    }
}

/// <summary>
/// Reads a JSON document into a <see cref="TreeBuilder"/> in steps: <see cref="Run"/> goes on until asked to pause
/// (after a list item was handed out, say) or the document ends, and the next call goes on from there. What is held
/// is the window and the tree, never the streamed items.
/// </summary>
internal sealed class JsonStepReader : IStepReader
{
    private readonly string _path;
    private readonly JsonWindow _window;
    private readonly List<Diagnostic> _diagnostics;
    private readonly int _maxDepth;
    private readonly int _maxNodes;
    private readonly ItemStream? _stream;
    private readonly TreeBuilder _tree;
    private readonly JsonTreeReader.LineMap _lines;
    private readonly JsonItemContext _context;
    private JsonReaderState _state;
    private int _nodes;

    public JsonStepReader(string path, JsonWindow window, List<Diagnostic> diagnostics, int maxDepth, int maxNodes, ItemStream? stream)
    {
        _path = path;
        _window = window;
        _diagnostics = diagnostics;
        _maxDepth = maxDepth;
        _maxNodes = maxNodes;
        _stream = stream;
        _tree = new TreeBuilder(stream);
        _lines = new JsonTreeReader.LineMap(window);
        _context = new JsonItemContext(path, _lines, new JsonTreeReader.StringCache());
        _state = new JsonReaderState(new JsonReaderOptions { MaxDepth = maxDepth + 1, CommentHandling = JsonCommentHandling.Skip });
    }

    /// <inheritdoc/>
    public bool Done { get; private set; }

    /// <inheritdoc/>
    public YamlNode? Root { get; private set; }

    /// <inheritdoc/>
    public void Run(Func<bool>? pause)
    {
        while (!Done)
        {
            var reader = new Utf8JsonReader(_window.Unread, _window.Final, _state);
            _context.Base = _window.Base + _window.Start;
            var step = Steps(ref reader, pause);
            _window.Start += (int)reader.BytesConsumed;
            _state = reader.CurrentState;
            switch (step)
            {
                case Step.Paused:
                    return;
                case Step.NeedsBytes:
                    // Fewer bytes ahead than an item may take, or a token longer than what was left (never in the final block).
                    if (!_window.Fill(offset => _lines.At(_path, offset)))
                    {
                        _diagnostics.Add(Diagnostic.Create(DiagnosticMessages.ValueTooLongToStream, _lines.At(_path, _window.Base + _window.Start), JsonWindow.MostTokenBytes));
                        Done = true;
                        return;
                    }
                    break;
                default:
                    Done = true;
                    if (step == Step.Ended) Root = _tree.Root;
                    return;
            }
        }
    }

    private enum Step { Ended, Failed, Paused, NeedsBytes }

    private Step Steps(ref Utf8JsonReader reader, Func<bool>? pause)
    {
        var forget = _stream is { Forget: true };
        var itemStart = 0;
        try
        {
            while (true)
            {
                // Keep a window's worth ahead, so an item is whole when its first token is read.
                if (!_window.Final && _window.End - _window.Start - reader.BytesConsumed < JsonWindow.Ahead) return Step.NeedsBytes;
                var atList = forget && _tree.InStreamedList;
                if (atList) itemStart = _nodes;
                if (!reader.Read()) return _window.Final ? Step.Ended : Step.NeedsBytes;
                var at = _context.At(reader.TokenStartIndex);
                if (++_nodes > _maxNodes)
                {
                    _diagnostics.Add(Diagnostic.Create(DiagnosticMessages.TooManyJsonValues, at, _maxNodes));
                    return Step.Failed;
                }
                switch (reader.TokenType)
                {
                    case JsonTokenType.StartObject when _stream?.FastJson is { } fast && _tree.InStreamedList:
                        // A reader that maps the item straight from the tokens; when it declines, the item is read again as nodes.
                        var saved = reader;
                        if (fast(ref reader, _context, _maxNodes - _nodes, out var tokens))
                        {
                            _nodes += tokens;
                            break;
                        }
                        reader = saved;
                        _tree.Open(true, at);
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        if (_tree.Depth >= _maxDepth)
                        {
                            _diagnostics.Add(Diagnostic.Create(DiagnosticMessages.JsonTooDeep, at, _maxDepth));
                            return Step.Failed;
                        }
                        _tree.Open(reader.TokenType == JsonTokenType.StartObject, at);
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        if (!_tree.Close(at, _diagnostics)) return Step.Failed;
                        break;
                    case JsonTokenType.PropertyName:
                        if (!_tree.Add(new YamlScalar(_context.String(ref reader), true, at), _diagnostics)) return Step.Failed;
                        break;
                    default:
                        // Strings count as plain scalars, like unquoted YAML, so "pns" and true read the same in both syntaxes.
                        var value = reader.TokenType switch
                        {
                            JsonTokenType.String => _context.String(ref reader),
                            JsonTokenType.Null => "null",
                            JsonTokenType.True => "true",
                            JsonTokenType.False => "false",
                            _ => _context.Raw(reader.ValueSpan),
                        };
                        if (!_tree.Add(new YamlScalar(value, false, at), _diagnostics)) return Step.Failed;
                        break;
                }
                // A streamed item is handed out and gone: only what is held counts against the limit.
                if (forget && atList && _tree.InStreamedList) _nodes = itemStart;
                if (pause?.Invoke() == true) return Step.Paused;
            }
        }
        catch (JsonException ex)
        {
            _diagnostics.Add(Diagnostic.Create(DiagnosticMessages.InvalidJson, SourceSpan.At(_path, (int)(ex.LineNumber ?? 0) + 1, (int)(ex.BytePositionInLine ?? 0) + 1), ex.Message.Split(" Path:")[0]));
            return Step.Failed;
        }
        catch (InvalidOperationException ex)
        {
            // The reader accepts an escaped lone surrogate (\uDDDD) and throws only when the string is read.
            _diagnostics.Add(Diagnostic.Create(DiagnosticMessages.InvalidJsonString, _context.At(reader.TokenStartIndex), ex.Message));
            return Step.Failed;
        }
    }
}

/// <summary>What a fast item reader needs from the JSON reader: positions and shared strings.</summary>
internal sealed class JsonItemContext(string path, JsonTreeReader.LineMap lines, JsonTreeReader.StringCache strings)
{
    /// <summary>Where the reader's span starts in the document.</summary>
    internal long Base { get; set; }

    /// <summary>The position of an offset in the reader's span; offsets must be asked in increasing order.</summary>
    public SourceSpan At(long offset) => lines.At(path, Base + offset);

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
