using WorkPolicy.Diagnostics;

namespace WorkPolicy.Yaml;

/// <summary>
/// Assembles a <see cref="YamlNode"/> tree from a stream of start/end/scalar events without
/// recursion; shared by the YAML and JSON readers. Refuses duplicate keys.
/// </summary>
/// <remarks>
/// A facts export has hundreds of thousands of small mappings, so a frame holds one list, checks
/// duplicate keys by scanning while the mapping is small, and builds a key set only past that.
/// </remarks>
internal sealed class TreeBuilder(ItemStream? stream = null)
{
    private const int ScanKeysUpTo = 16;

    /// <summary>An open container. Frames are reused per depth, and their lists with them; a closed container gets an exact-size copy.</summary>
    private sealed class Frame
    {
        public bool IsMap { get; private set; }
        public SourceSpan Start { get; private set; }
        /// <summary>The key this container is the value of, when its parent is a mapping.</summary>
        public string? Key { get; private set; }
        public List<YamlNode> Items { get; } = [];
        public List<KeyValuePair<YamlScalar, YamlNode>> Entries { get; } = [];
        private HashSet<string>? _keys;
        private bool _keysInUse;
        public YamlScalar? PendingKey { get; set; }

        public Frame Reset(bool isMap, SourceSpan start, string? key)
        {
            IsMap = isMap;
            Start = start;
            Key = key;
            Items.Clear();
            Entries.Clear();
            _keysInUse = false;
            PendingKey = null;
            return this;
        }

        /// <summary>Whether <paramref name="key"/> is new in this mapping (it is then recorded).</summary>
        public bool AddKey(string key)
        {
            if (!_keysInUse)
            {
                foreach (var e in Entries)
                {
                    if (e.Key.Value == key) return false;
                }
                if (Entries.Count < ScanKeysUpTo) return true;
                _keys ??= new HashSet<string>(StringComparer.Ordinal);
                _keys.Clear();
                foreach (var e in Entries) _keys.Add(e.Key.Value);
                _keysInUse = true;
            }
            return _keys!.Add(key);
        }
    }

    private readonly Stack<Frame> _stack = new();
    private readonly List<Frame> _frames = [];

    /// <summary>The finished document, once its last container closed.</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>How deep the open containers are.</summary>
    public int Depth => _stack.Count;

    /// <summary>Whether the innermost container is the list whose items are streamed.</summary>
    public bool InStreamedList => stream is not null && _stack.Count == 2 && _stack.Peek() is { IsMap: false } list && list.Key == stream.Key;

    /// <summary>Whether the next node would be a mapping key.</summary>
    public bool ExpectsKey => _stack.TryPeek(out var top) && top.IsMap && top.PendingKey is null;

    /// <summary>Opens a mapping or sequence.</summary>
    public void Open(bool isMap, SourceSpan start)
    {
        var key = _stack.TryPeek(out var parent) && parent.IsMap ? parent.PendingKey?.Value : null;
        // The streamed list opens: what its document said before it is whole, and may be read now.
        if (stream?.OnStart is { } begin && !isMap && _stack.Count == 1 && key == stream.Key) begin(parent!.Entries);
        if (_frames.Count == _stack.Count) _frames.Add(new Frame());
        _stack.Push(_frames[_stack.Count].Reset(isMap, start, key));
    }

    /// <summary>Closes the innermost container, whose span ends at <paramref name="end"/>.</summary>
    public bool Close(SourceSpan end, List<Diagnostic> diagnostics)
    {
        var frame = _stack.Pop();
        var span = frame.Start with { EndLine = end.EndLine, EndColumn = end.EndColumn };
        YamlNode node = frame.IsMap ? new YamlMapping(frame.Entries.ToArray(), span) : new YamlSequence(frame.Items.ToArray(), span);
        return Add(node, diagnostics);
    }

    /// <summary>Adds a scalar, a finished container, or a key to the innermost container.</summary>
    public bool Add(YamlNode node, List<Diagnostic> diagnostics)
    {
        if (!_stack.TryPeek(out var parent))
        {
            Root = node;
            return true;
        }
        if (!parent.IsMap)
        {
            if (stream is not null && _stack.Count == 2 && parent.Key == stream.Key) stream.OnItem(node);
            else parent.Items.Add(node);
            return true;
        }
        if (parent.PendingKey is null)
        {
            var key = (YamlScalar)node;
            if (!parent.AddKey(key.Value))
            {
                diagnostics.Add(Diagnostic.Create(DiagnosticMessages.KeyGivenTwice, key.Span, key.Value));
                return false;
            }
            parent.PendingKey = key;
            return true;
        }
        parent.Entries.Add(new(parent.PendingKey, node));
        parent.PendingKey = null;
        return true;
    }
}

/// <summary>
/// Hands each item of the top-level list under <see cref="Key"/> to <see cref="OnItem"/> as soon as it
/// is complete, instead of keeping it in the tree: a large facts file is mapped employee by employee
/// and its nodes die young. The list itself stays in the tree, empty, with its span.
/// </summary>
/// <param name="Key">The top-level key of the list.</param>
/// <param name="OnItem">Takes each item as nodes.</param>
/// <param name="FastJson">In JSON, tries first to map an item straight from the tokens.</param>
internal sealed record ItemStream(string Key, Action<YamlNode> OnItem, FastJsonItem? FastJson = null)
{
    /// <summary>Called as the list opens, with the document's entries before it (facts read before the employees).</summary>
    public Action<IReadOnlyList<KeyValuePair<YamlScalar, YamlNode>>>? OnStart { get; init; }

    /// <summary>
    /// Whether items handed out stop counting against the reader's node limit: the reader then caps what it holds
    /// (the rest of the document and one item), not the document, which may be as long as a stream goes.
    /// </summary>
    public bool Forget { get; init; }
}
