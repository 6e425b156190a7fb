namespace WorkPolicy.Editing;

/// <summary>What kind of file a document is, by its name.</summary>
internal enum DocumentKind
{
    /// <summary>A DSL or YAML rule file.</summary>
    Rules,
    /// <summary>An analysts' test file (<c>*.tests.yaml</c>).</summary>
    Tests,
    /// <summary>Anything else (facts, unrelated YAML): the server leaves it alone.</summary>
    Other,
}

/// <summary>The documents the client has open, as it holds them (saved or not), by URI. Thread-safe.</summary>
internal sealed class Documents
{
    private readonly Dictionary<string, (string Text, int Version)> _open = new(StringComparer.Ordinal);

    /// <summary>Opens or replaces a document.</summary>
    public void Set(string uri, string text, int version)
    {
        lock (_open) _open[uri] = (text, version);
    }

    /// <summary>Closes a document.</summary>
    public void Remove(string uri)
    {
        lock (_open) _open.Remove(uri);
    }

    /// <summary>The text of an open document, or null.</summary>
    public string? Text(string uri)
    {
        lock (_open) return _open.TryGetValue(uri, out var d) ? d.Text : null;
    }

    /// <summary>The open documents' texts by full file path: the overlay the loaders read before the disk.</summary>
    public Dictionary<string, string> ByPath()
    {
        lock (_open) return _open.Where(d => IsFile(d.Key)).ToDictionary(d => PathOf(d.Key), d => d.Value.Text, StringComparer.Ordinal);
    }

    /// <summary>Whether a URI names a local file.</summary>
    public static bool IsFile(string uri) => Uri.TryCreate(uri, UriKind.Absolute, out var u) && u.IsFile;

    /// <summary>The full path of a <c>file:</c> URI.</summary>
    public static string PathOf(string uri) => Path.GetFullPath(new Uri(uri).LocalPath);

    /// <summary>The <c>file:</c> URI of a path.</summary>
    public static string UriOf(string path) => new Uri(Path.GetFullPath(path)).AbsoluteUri;

    /// <summary>Which kind of document a path is.</summary>
    public static DocumentKind KindOf(string path) =>
        RuleFiles.IsTestFile(path) ? DocumentKind.Tests
        : RuleFiles.IsRuleFile(path) ? DocumentKind.Rules
        : DocumentKind.Other;
}
