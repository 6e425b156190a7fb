using System.Collections.Concurrent;

namespace WorkPolicy.Loading;

/// <summary>
/// An optimisation: the syntax of a rule file is a function of its path, encoding and text alone, so a reload — the
/// service's or the editor's, after one file of hundreds changed — parses only what changed and gets the very same
/// syntax objects for the rest (which lets the conflict search keep its findings for them). One version is kept per
/// path, checked by a digest of the text (an editor typing in a file replaces its entry, never piles versions up), and
/// at most <see cref="MaxEntries"/> paths (emptied past it), so memory stays at one rule set's size.
/// </summary>
internal static class ParseCache
{
    /// <summary>Paths remembered at most: a national rule set (600 circulars) and its readings fit.</summary>
    public const int MaxEntries = 4096;

    private static readonly ConcurrentDictionary<string, (RuleEncoding Encoding, UInt128 Digest, int Length, ParseResult Parsed)> Parsed = new(StringComparer.Ordinal);

    /// <summary>Whether the parse of exactly this text is remembered for the path.</summary>
    public static bool Holds(string path, string text) =>
        Parsed.TryGetValue(path, out var known) && known.Length == text.Length
        && known.Digest == System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));

    public static ParseResult Get(string path, string text, RuleEncoding encoding, Func<string, string, RuleEncoding, ParseResult> parse)
    {
        var digest = System.IO.Hashing.XxHash128.HashToUInt128(System.Runtime.InteropServices.MemoryMarshal.AsBytes(text.AsSpan()));
        if (Parsed.TryGetValue(path, out var known) && known.Encoding == encoding && known.Digest == digest && known.Length == text.Length) return known.Parsed;
        var result = parse(path, text, encoding);
        if (Parsed.Count >= MaxEntries && !Parsed.ContainsKey(path)) Parsed.Clear();
        Parsed[path] = (encoding, digest, text.Length, result);
        return result;
    }
}
