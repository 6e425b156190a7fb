using System.Collections.Immutable;
using Sprache;
using WorkPolicy.Loading;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using static WorkPolicy.Parsing.Lexical;

namespace WorkPolicy.Parsing;

/// <summary>Parses the WorkPolicy DSL (<c>.wp</c> files) into the rule AST. Never throws on user input.</summary>
internal static partial class DslParser
{
    /// <summary>Parses <paramref name="text"/> read from <paramref name="path"/>.</summary>
    public static ParseResult Parse(string path, string text)
    {
        var diagnostics = new List<Diagnostic>();
        var vocabularies = ImmutableArray.CreateBuilder<VocabularyDecl>();
        var circulars = ImmutableArray.CreateBuilder<CircularDecl>();
        if (PreScan(path, text, diagnostics))
        {
            var parser = new FileParser(path, text, diagnostics);
            parser.ParseFile(vocabularies, circulars);
        }
        return new ParseResult(new RuleFile(path, vocabularies.ToImmutable(), circulars.ToImmutable()), [.. diagnostics]);
    }

    /// <summary>Refuses input past the size and token limits before any parsing.</summary>
    private static bool PreScan(string path, string text, List<Diagnostic> diagnostics)
    {
        if (text.Length > Limits.MaxFileBytes)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.FileTooLarge, SourceSpan.At(path, 1, 1), Limits.MaxFileBytes / (1024 * 1024)));
            return false;
        }
        if (ControlCharacters.Find(path, text) is { } control)
        {
            diagnostics.Add(control);
            return false;
        }
        int line = 1, col = 1, run = 0, runLine = 1, runCol = 1;
        var inString = false;
        foreach (var c in text)
        {
            if (c == '"') inString = !inString;
            var breaks = c == '\n' || (!inString && char.IsWhiteSpace(c));
            if (breaks) { run = 0; inString &= c != '\n'; }
            else
            {
                if (run == 0) { runLine = line; runCol = col; }
                if (++run > Limits.MaxTokenLength)
                {
                    diagnostics.Add(Diagnostic.Create(DiagnosticMessages.TokenTooLong, SourceSpan.At(path, runLine, runCol), Limits.MaxTokenLength));
                    return false;
                }
            }
            if (c == '\n') { line++; col = 1; } else col++;
        }
        return true;
    }

    private sealed partial class FileParser(string path, string text, List<Diagnostic> diagnostics)
    {
        private readonly DslCursor _c = new(path, text, diagnostics);
        private readonly ExpressionParser _expr = new(path);

        private static readonly Parser<Located<string>> Name = Tok(IdentRaw);
        private static readonly Parser<Located<string>> Text = Tok(StringRaw);
        private static readonly Parser<IEnumerable<Located<string>>> Names = Name.XDelimitedBy(Symbol(","));

        public void ParseFile(ImmutableArray<VocabularyDecl>.Builder vocabularies, ImmutableArray<CircularDecl>.Builder circulars)
        {
            while (!_c.AtEnd)
            {
                var start = _c.Here();
                if (_c.TryWord("circular"))
                {
                    if (ParseCircular(start) is { } c) circulars.Add(c);
                }
                else if (_c.TryWord("vocabulary"))
                {
                    if (ParseVocabulary(start) is { } v) vocabularies.Add(v);
                }
                else
                {
                    _c.FailExpecting("'circular' or 'vocabulary'");
                }
            }
        }

        /// <summary>Reads <c>{ statement* }</c>, handing each statement's keyword to <paramref name="statement"/>.</summary>
        private bool Block(string what, SourceSpan start, IReadOnlyCollection<string>? keywords, Action<Located<string>> statement)
        {
            if (!_c.TrySymbol("{"))
            {
                _c.FailExpecting($"'{{' to open {what}");
                return false;
            }
            Located<string>? last = null;
            var lastEndLine = 0;
            while (true)
            {
                if (_c.AtEnd)
                {
                    _c.Error(DiagnosticMessages.NotClosed, start, what);
                    return false;
                }
                if (_c.TrySymbol("}")) return true;
                if (!_c.Run(Name, "a statement or '}'", out var kw)) continue;
                if (keywords is null || keywords.Contains(kw.Value))
                {
                    statement(kw);
                    (last, lastEndLine) = (kw, _c.Here().Line);
                }
                else if (last is { } before && kw.Line == lastEndLine && before.Line == lastEndLine)
                {
                    // A word left over at the end of a statement's line ("pool … 30% minimum") belongs to that statement:
                    // say what that statement takes, not that a statement is unknown.
                    _c.Error(before.Value == "pool" ? DiagnosticMessages.PoolLineLeftover : DiagnosticMessages.StatementLeftover, _c.SpanOf(kw), kw.Value, before.Value);
                    _c.FailHereSilently();
                }
                else
                {
                    _c.Error(Suggest.Fix(kw.Value, keywords), DiagnosticMessages.UnknownStatement, _c.SpanOf(kw), kw.Value, what);
                    _c.FailHereSilently();
                }
            }
        }

        private bool Once(HashSet<string> seen, Located<string> kw)
        {
            if (seen.Add(kw.Value)) return true;
            _c.Error(DiagnosticMessages.GivenTwice, _c.SpanOf(kw), kw.Value);
            return true;
        }

        private void Require(HashSet<string> seen, SourceSpan at, string what, params string[] keys)
        {
            foreach (var k in keys)
            {
                if (!seen.Contains(k)) _c.Error(DiagnosticMessages.HasNoProperty, at, what, k);
            }
        }

        private Ast.Expr? ParseExpr()
        {
            if (!_c.Run(_expr.Expr, "a condition", out var e, () => _expr.TooDeep))
            {
                return null;
            }
            if (ExprWalk.Depth(e) > ExprWalk.MaxDepth)
            {
                _c.Error(DiagnosticMessages.ConditionTooDeep, e.Span, ExprWalk.MaxDepth);
                return null;
            }
            return e;
        }

        private NodaTime.LocalDate? Date()
        {
            if (!_c.Run(Tok(DateRaw), "a date (yyyy-mm-dd)", out var d)) return null;
            if (Values.TryDate(d.Value, out var date)) return date;
            _c.Error(DiagnosticMessages.NotCalendarDate, _c.SpanOf(d), d.Value);
            return null;
        }

        private NodaTime.LocalTime? Time()
        {
            if (!_c.Run(Tok(TimeRaw), "a time (hh:mm)", out var t)) return null;
            if (Values.TryTime(t.Value, out var time)) return time;
            _c.Error(DiagnosticMessages.NotTimeOfDay, _c.SpanOf(t), t.Value);
            return null;
        }
    }
}
