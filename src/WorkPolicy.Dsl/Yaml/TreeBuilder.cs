using WorkPolicy.Rules.Diagnostics;

namespace WorkPolicy.Dsl.Yaml;

/// <summary>
/// Assembles a <see cref="YamlNode"/> tree from a stream of start/end/scalar events without
/// recursion; shared by the YAML and JSON readers. Refuses duplicate keys.
/// </summary>
internal sealed class TreeBuilder
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

    private readonly Stack<Frame> _stack = new();

    /// <summary>The finished document, once its last container closed.</summary>
    public YamlNode? Root { get; private set; }

    /// <summary>How deep the open containers are.</summary>
    public int Depth => _stack.Count;

    /// <summary>Whether the next node would be a mapping key.</summary>
    public bool ExpectsKey => _stack.TryPeek(out var top) && top.IsMap && top.PendingKey is null;

    /// <summary>Opens a mapping or sequence.</summary>
    public void Open(bool isMap, SourceSpan start) => _stack.Push(new Frame(isMap, start));

    /// <summary>Closes the innermost container, whose span ends at <paramref name="end"/>.</summary>
    public bool Close(SourceSpan end, List<Diagnostic> diagnostics)
    {
        var frame = _stack.Pop();
        var span = frame.Start with { EndLine = end.EndLine, EndColumn = end.EndColumn };
        return Add(frame.IsMap ? new YamlMapping(frame.Entries, span) : new YamlSequence(frame.Items, span), diagnostics);
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
            parent.Items.Add(node);
            return true;
        }
        if (parent.PendingKey is null)
        {
            var key = (YamlScalar)node;
            if (!parent.Keys.Add(key.Value))
            {
                diagnostics.Add(Diagnostic.Error(DiagnosticCodes.DuplicateKey, key.Span, $"key '{key.Value}' is given twice in this mapping"));
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
