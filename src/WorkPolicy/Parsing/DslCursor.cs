using Sprache;
using WorkPolicy.Diagnostics;
using static WorkPolicy.Parsing.Lexical;

namespace WorkPolicy.Parsing;

/// <summary>
/// Walks a DSL file statement by statement. Each statement is parsed with Sprache from the
/// current position; a failure becomes a diagnostic and the cursor skips past the bad line (and
/// any block it opened), so one file reports all its errors.
/// </summary>
internal sealed class DslCursor
{
    private readonly string _path;
    private readonly List<Diagnostic> _diagnostics;
    private IInput _cur;

    public DslCursor(string path, string text, List<Diagnostic> diagnostics)
    {
        _path = path;
        _diagnostics = diagnostics;
        _cur = new TextInput(text);
    }

    public string Path => _path;

    public bool AtEnd
    {
        get
        {
            SkipTrivia();
            return _cur.AtEnd;
        }
    }

    public void SkipTrivia() => _cur = Trivia(_cur).Remainder;

    public SourceSpan Here()
    {
        SkipTrivia();
        return SourceSpan.At(_path, _cur.Line, _cur.Column);
    }

    public SourceSpan SpanFrom(SourceSpan start) => start with { EndLine = _cur.Line, EndColumn = _cur.Column };

    public SourceSpan SpanOf<T>(Located<T> t) => new(_path, t.Line, t.Column, t.EndLine, t.EndColumn);

    public void Error(DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args) => _diagnostics.Add(Diagnostic.Create(message, span, args));

    public void Error(DiagnosticFix? fix, DiagnosticMessage message, SourceSpan span, params ReadOnlySpan<object?> args) => _diagnostics.Add(Diagnostic.Create(fix, message, span, args));

    /// <summary>Consumes <paramref name="word"/> if it is the next token.</summary>
    public bool TryWord(string word)
    {
        var r = Tok(Keyword(word))(_cur);
        if (!r.WasSuccessful) return false;
        _cur = r.Remainder;
        return true;
    }

    /// <summary>Consumes <paramref name="symbol"/> if it is next.</summary>
    public bool TrySymbol(string symbol)
    {
        var r = Symbol(symbol)(_cur);
        if (!r.WasSuccessful) return false;
        _cur = r.Remainder;
        return true;
    }

    /// <summary>
    /// Runs <paramref name="parser"/>; on failure reports "expected <paramref name="what"/>" and
    /// recovers. <paramref name="tooDeep"/> lets a parser that knows why it failed (nesting past its limit)
    /// report WP0102 instead of a syntax error.
    /// </summary>
    public bool Run<T>(Parser<T> parser, string what, out T value, Func<bool>? tooDeep = null)
    {
        IResult<T> r;
        try
        {
            r = parser(_cur);
        }
        catch (ParseException ex)
        {
            // Sprache throws from Ref inside Or (issues #129/#166); never let it escape.
            Fail(_cur, DiagnosticMessages.ExpectedBecause, what, ex.Message);
            value = default!;
            return false;
        }
        catch (InsufficientExecutionStackException)
        {
            Fail(_cur, DiagnosticMessages.InputTooDeep);
            value = default!;
            return false;
        }
        if (r.WasSuccessful)
        {
            _cur = r.Remainder;
            value = r.Value;
            return true;
        }
        var found = Describe(r.Remainder);
        var deep = tooDeep?.Invoke() == true;
        // Sprache's own words are kept where they say more than "unexpected": e.g. "expected 'from' or 'to'".
        if (r.Message.StartsWith("unexpected", StringComparison.OrdinalIgnoreCase) || r.Message.Length == 0 || r.Message.Contains("end of input"))
            Fail(r.Remainder, deep ? DiagnosticMessages.NestsTooDeepAt : DiagnosticMessages.ExpectedFound, what, found);
        else
            Fail(r.Remainder, deep ? DiagnosticMessages.ParserNestsTooDeep : DiagnosticMessages.ParserExpectation, r.Message.TrimEnd('.'), found);
        value = default!;
        return false;
    }

    /// <summary>Skips the rest of the line after an error already reported.</summary>
    public void FailHereSilently() => _cur = SkipLine(_cur);

    /// <summary>Reports "expected <paramref name="what"/>" at the cursor and skips the rest of the line.</summary>
    public void FailExpecting(string what) => Fail(_cur, DiagnosticMessages.Expected, what);

    private void Fail(IInput at, DiagnosticMessage message, params ReadOnlySpan<object?> args)
    {
        var pos = Trivia(at).Remainder;
        _diagnostics.Add(Diagnostic.Create(message, SourceSpan.At(_path, pos.Line, pos.Column), args));
        var start = Trivia(_cur).Remainder;
        if (pos.Position < start.Position) pos = start;
        var next = SkipLine(pos);
        // Recovery must always move on, or a stray '}' at the top level would be read forever.
        _cur = next.Position <= start.Position && !next.AtEnd ? start.Advance() : next;
    }

    private static string Describe(IInput at)
    {
        var pos = Trivia(at).Remainder;
        if (pos.AtEnd) return "end of file";
        var rest = pos.Source.AsSpan(pos.Position);
        var end = 0;
        while (end < rest.Length && end < 20 && !char.IsWhiteSpace(rest[end])) end++;
        return end == 0 ? $"'{rest[0]}'" : $"'{rest[..Math.Max(end, 1)].ToString()}'";
    }

    /// <summary>Skips to the end of the line; a block opened on it is skipped to its matching brace.</summary>
    private static IInput SkipLine(IInput at)
    {
        var depth = 0;
        var inString = false;
        while (!at.AtEnd)
        {
            var c = at.Current;
            if (inString)
            {
                if (c is '"' or '\n') inString = false;
            }
            else if (c == '"') inString = true;
            else if (c == '#') { while (!at.AtEnd && at.Current != '\n') at = at.Advance(); continue; }
            else if (c == '{') depth++;
            else if (c == '}')
            {
                if (depth == 0) return at;
                depth--;
            }
            else if (c == '\n' && depth == 0) return at.Advance();
            at = at.Advance();
        }
        return at;
    }
}
