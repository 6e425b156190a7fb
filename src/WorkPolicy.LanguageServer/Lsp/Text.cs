namespace WorkPolicy.Editing;

/// <summary>Between the engine's 1-based spans and the protocol's 0-based positions, and the word under the cursor.</summary>
internal static class Text
{
    /// <summary>The lines of a text (a final line without newline included).</summary>
    public static string[] Lines(string text) => text.Split('\n');

    /// <summary>The range of a span; an empty span covers the word (or the character) it starts on.</summary>
    public static Range RangeOf(SourceSpan span, string[] lines)
    {
        var start = new Position(Math.Max(0, span.Line - 1), Math.Max(0, span.Column - 1));
        if (span.EndLine > span.Line || (span.EndLine == span.Line && span.EndColumn > span.Column))
            return new Range(start, new Position(span.EndLine - 1, span.EndColumn - 1));
        var line = start.Line < lines.Length ? lines[start.Line].TrimEnd('\r') : "";
        var end = start.Character;
        while (end < line.Length && IsWord(line[end])) end++;
        return new Range(start, new Position(start.Line, Math.Max(end, Math.Min(start.Character + 1, line.Length))));
    }

    /// <summary>The whole text as a range.</summary>
    public static Range Whole(string[] lines) => new(new Position(0, 0), new Position(lines.Length - 1, lines[^1].Length));

    /// <summary>Characters of names: ids, dotted field paths, <c>circular/provision</c>.</summary>
    public static bool IsWord(char c) => char.IsLetterOrDigit(c) || c is '-' or '_' or '.' or '/';

    /// <summary>The word at a position and its range, or null on white space or punctuation.</summary>
    public static (string Word, Range Range)? WordAt(string[] lines, Position p)
    {
        if (p.Line < 0 || p.Line >= lines.Length) return null;
        var line = lines[p.Line].TrimEnd('\r');
        var at = Math.Min(p.Character, line.Length);
        var start = at;
        while (start > 0 && IsWord(line[start - 1])) start--;
        var end = at;
        while (end < line.Length && IsWord(line[end])) end++;
        // A sentence's full stop is not part of a name.
        while (end > start && line[end - 1] == '.') end--;
        return end > start ? (line[start..end], new Range(new Position(p.Line, start), new Position(p.Line, end))) : null;
    }

    /// <summary>Every whole-word occurrence of <paramref name="word"/> in a text.</summary>
    public static IEnumerable<Range> Occurrences(string[] lines, string word)
    {
        for (var l = 0; l < lines.Length; l++)
        {
            var line = lines[l];
            for (var i = line.IndexOf(word, StringComparison.Ordinal); i >= 0; i = line.IndexOf(word, i + 1, StringComparison.Ordinal))
            {
                var end = i + word.Length;
                if ((i > 0 && IsWord(line[i - 1]) && line[i - 1] != '/') || (end < line.Length && IsWord(line[end]) && line[end] != '.' && line[end] != '/')) continue;
                yield return new Range(new Position(l, i), new Position(l, end));
            }
        }
    }
}
