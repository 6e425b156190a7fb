using System.Collections.Immutable;
using WorkPolicy.Ast;
using YamlDotNet.Core;
using YamlDotNet.Core.Tokens;

namespace WorkPolicy.Loading;

/// <summary>
/// Finds a rule file's comments and attaches each to the declaration it precedes or ends (<see cref="Comments"/>).
/// One pass for both encodings: the comments are read from the text (outside strings in the DSL, from YamlDotNet's
/// scanner in YAML), the declarations from the syntax by their lines.
/// </summary>
internal static class CommentTrivia
{
    /// <summary>A comment: the line and column it is on, its text after <c>#</c> (trimmed: the canonical layout writes <c># text</c>), and whether code precedes it on its line.</summary>
    private readonly record struct Line(int Number, int Column, string Text, bool Inline);

    /// <summary>
    /// A place comments attach to: before a declaration (at its first line) or at the end of a block (its last line);
    /// <paramref name="Column"/>: where the block's members start, which a YAML comment ending it is indented to.
    /// </summary>
    private readonly record struct Slot(int Line, object Owner, bool End, int Column = 0);

    /// <summary><paramref name="file"/> with the comments of <paramref name="text"/> attached.</summary>
    public static RuleFile Attach(RuleFile file, string text, RuleEncoding encoding)
    {
        var lines = encoding == RuleEncoding.Dsl ? Dsl(text) : Yaml(text);
        if (lines.Count == 0) return file;
        var slots = new List<Slot>();
        foreach (var v in file.Vocabularies)
        {
            slots.Add(new(v.Span.Line, v, false));
            IEnumerable<(int Line, object Decl)> members = [.. v.Fields.Select(f => (f.Span.Line, (object)f)), .. v.Defines.Select(d => (d.Span.Line, (object)d)), .. v.Regions.Select(r => (r.Span.Line, (object)r))];
            foreach (var (line, decl) in members.OrderBy(m => m.Line)) slots.Add(new(line, decl, false));
            slots.Add(new(v.Span.EndLine, v, true, v.Span.Column));
        }
        foreach (var c in file.Circulars)
        {
            slots.Add(new(c.Span.Line, c, false));
            foreach (var p in c.Provisions)
            {
                slots.Add(new(p.Span.Line, p, false));
                foreach (var o in p.Obligations) slots.Add(new(o.Span.Line, o, false));
                slots.Add(new(p.Span.EndLine, p, true, p.Span.Column));
            }
            slots.Add(new(c.Span.EndLine, c, true, c.Span.Column));
        }
        // Document order: by line; at one line a block's end before what starts there, as written.
        var ordered = slots.Select((s, i) => (Slot: s, Order: i)).OrderBy(x => x.Slot.Line).ThenBy(x => x.Order).Select(x => x.Slot).ToList();
        var before = new Dictionary<object, List<string>>(ReferenceEqualityComparer.Instance);
        var end = new Dictionary<object, List<string>>(ReferenceEqualityComparer.Instance);
        var trailing = new List<string>();
        foreach (var comment in lines)
        {
            // A comment belongs to the first place after it; one that ends a line of code, to that line's declaration.
            // A YAML block has no closing brace: a comment ends it only when indented as its members are (a block's
            // span runs to the next item, so a comment less indented than the members precedes that item).
            var slot = ordered.FindIndex(s => (comment.Inline ? s.Line >= comment.Number : s.Line > comment.Number)
                && (!s.End || encoding == RuleEncoding.Dsl || comment.Column >= s.Column));
            if (slot < 0)
            {
                trailing.Add(comment.Text);
                continue;
            }
            var into = ordered[slot].End ? end : before;
            var owner = ordered[slot].Owner;
            if (!into.TryGetValue(owner, out var list)) into[owner] = list = [];
            list.Add(comment.Text);
        }
        return file with
        {
            Comments = new Comments(
                before.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), ReferenceEqualityComparer.Instance),
                end.ToDictionary(kv => kv.Key, kv => kv.Value.ToImmutableArray(), ReferenceEqualityComparer.Instance),
                [.. trailing]),
        };
    }

    /// <summary>The DSL's comments: <c>#</c> to the end of the line, outside quoted text.</summary>
    private static List<Line> Dsl(string text)
    {
        var found = new List<Line>();
        var (line, inString, code) = (1, false, false);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\n')
            {
                (line, inString, code) = (line + 1, false, false);
                continue;
            }
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"') inString = false;
                continue;
            }
            if (c == '"') (inString, code) = (true, true);
            else if (c == '#')
            {
                var stop = text.IndexOf('\n', i);
                found.Add(new(line, i - (text.LastIndexOf('\n', i) + 1) + 1, text[(i + 1)..(stop < 0 ? text.Length : stop)].Trim(), code));
                i = (stop < 0 ? text.Length : stop) - 1;
            }
            else if (!char.IsWhiteSpace(c)) code = true;
        }
        return found;
    }

    /// <summary>YAML's comments, from the scanner; the editor's schema line the printer writes is not one of the file's.</summary>
    private static List<Line> Yaml(string text)
    {
        var found = new List<Line>();
        if (!text.Contains('#', StringComparison.Ordinal)) return found;
        try
        {
            var scanner = new Scanner(new StringReader(text), skipComments: false);
            // On some broken input the scanner does not end by itself (YamlDotNet returns tokens past an error): a
            // text yields fewer tokens than it has characters, so that many are enough for any text that scans.
            var budget = text.Length + 16;
            while (budget-- > 0 && scanner.MoveNext() && scanner.Current is not StreamEnd)
            {
                if (scanner.Current is not Comment comment || comment.Value.TrimStart().StartsWith("yaml-language-server:", StringComparison.Ordinal)) continue;
                found.Add(new((int)comment.Start.Line, (int)comment.Start.Column, comment.Value.Trim(), comment.IsInline));
            }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException or ArgumentException)
        {
            // The loader has reported what is wrong with the text; its comments are not worth a second report.
        }
        return found;
    }
}
