using System.Collections.Concurrent;

namespace WorkPolicy.Loading;

/// <summary>
/// An optimisation: the syntax of a rule file is a function of its path, encoding and text alone, so a reload — the
/// service's or the editor's, after one file of hundreds changed — parses only what changed and gets the very same
/// syntax objects for the rest (which lets the conflict search keep its findings for them). Keyed by a digest of the
/// text, not the text; bounded (emptied past <see cref="MaxEntries"/>), so memory stays at a rule set's size.
/// </summary>
internal static class ParseCache
{
    /// <summary>Files remembered at most: a national rule set (600 circulars) and its readings fit.</summary>
    public const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<(string Path, RuleEncoding Encoding, UInt128 Digest, int Length), ParseResult> Parsed = new();

    public static ParseResult Get(string path, string text, RuleEncoding encoding, Func<string, string, RuleEncoding, ParseResult> parse)
    {
        var key = (path, encoding, System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan())), text.Length);
        if (Parsed.TryGetValue(key, out var known)) return known;
        var result = parse(path, text, encoding);
        if (Parsed.Count >= MaxEntries) Parsed.Clear();
        return Parsed.GetOrAdd(key, result);
    }
}
