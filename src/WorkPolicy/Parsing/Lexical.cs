using Sprache;

namespace WorkPolicy.Parsing;

/// <summary>A value with the 1-based positions where it starts and ends.</summary>
internal readonly record struct Located<T>(T Value, int Line, int Column, int EndLine, int EndColumn);

/// <summary>Token-level parsers of the DSL: whole tokens, so failures land at token starts.</summary>
internal static class Lexical
{
    public const int MaxTokenLength = 512;

    /// <summary>White space and comments (<c>#</c> to the end of the line); never fails. Written by hand: every token starts with it.</summary>
    public static readonly Parser<string> Trivia = input =>
    {
        // Scans the string itself and makes one input at the end, where Advance would make one per character.
        var (src, pos, line, column) = (input.Source, input.Position, input.Line, input.Column);
        while (pos < src.Length)
        {
            var c = src[pos];
            if (c == '#')
            {
                while (pos < src.Length && src[pos] != '\n') (pos, column) = (pos + 1, column + 1);
            }
            else if (!char.IsWhiteSpace(c)) break;
            else if (c == '\n') (pos, line, column) = (pos + 1, line + 1, 1);
            else (pos, column) = (pos + 1, column + 1);
        }
        return Result.Success("", TextInput.At(input, pos, line, column));
    };

    /// <summary>Runs <paramref name="p"/> after trivia and records where the token itself starts and ends.</summary>
    public static Parser<Located<T>> Tok<T>(Parser<T> p) => input =>
    {
        var afterTrivia = Trivia(input).Remainder;
        var r = p(afterTrivia);
        return r.WasSuccessful
            ? Result.Success(new Located<T>(r.Value, afterTrivia.Line, afterTrivia.Column, r.Remainder.Line, r.Remainder.Column), r.Remainder)
            // A token that did not start reports failure where trivia began, so XMany/XOptional
            // see "consumed nothing" and can stop cleanly; reporters skip trivia for positions.
            : Result.Failure<Located<T>>(r.Remainder.Position == afterTrivia.Position ? input : r.Remainder, r.Message, r.Expectations);
    };

    /// <summary>A name: letters, digits, '-' and '_', starting with a letter. Written by hand (the hottest token); fails as the combinator did.</summary>
    public static readonly Parser<string> IdentRaw = input =>
    {
        if (input.AtEnd) return Result.Failure<string>(input, "Unexpected end of input reached", ["name"]);
        if (!char.IsLetter(input.Current)) return Result.Failure<string>(input, $"unexpected '{input.Current}'", ["name"]);
        var (src, end) = (input.Source, input.Position + 1);
        while (end < src.Length && (char.IsLetterOrDigit(src[end]) || src[end] is '-' or '_')) end++;
        return Result.Success(src[input.Position..end], TextInput.At(input, end, input.Line, input.Column + end - input.Position));
    };

    /// <summary>A dotted path such as <c>employee.health.healthy</c>.</summary>
    public static readonly Parser<string> PathRaw =
        from first in IdentRaw
        from rest in Parse.Char('.').Then(_ => IdentRaw).Many()
        select rest.Any() ? first + "." + string.Join('.', rest) : first;

    /// <summary>A time-zone id such as <c>Asia/Makassar</c>.</summary>
    public static readonly Parser<string> ZoneRaw =
        Parse.Letter.Once().Concat(Parse.LetterOrDigit.Or(Parse.Chars('/', '_', '-', '+')).Many()).Text().Named("time zone");

    /// <summary>
    /// A double-quoted string with <c>\"</c>, <c>\\</c> and <c>\n</c> escapes, on one line. An
    /// unclosed string fails at its opening quote, where the analyst has to look.
    /// </summary>
    public static readonly Parser<string> StringRaw = input =>
    {
        if (input.AtEnd || input.Current != '"') return Result.Failure<string>(input, "expected quoted text", ["quoted text"]);
        // One line, so the column moves with the position.
        var sb = new System.Text.StringBuilder();
        var (src, at) = (input.Source, input.Position + 1);
        while (at < src.Length && src[at] != '\n')
        {
            var c = src[at];
            if (c == '"') return Result.Success(sb.ToString(), TextInput.At(input, at + 1, input.Line, input.Column + at + 1 - input.Position));
            if (c == '\\')
            {
                at++;
                if (at >= src.Length || src[at] == '\n') break;
                sb.Append(src[at] == 'n' ? '\n' : src[at]);
            }
            else sb.Append(c);
            at++;
        }
        return Result.Failure<string>(input, "quoted text is not closed by '\"' on its line", ["closing quote"]);
    };

    /// <summary>A decimal number.</summary>
    public static readonly Parser<string> NumberRaw =
        (from minus in Parse.Char('-').Optional()
         from digits in Parse.Digit.AtLeastOnce().Text()
         from frac in Parse.Char('.').Then(_ => Parse.Digit.AtLeastOnce().Text()).Optional()
         select (minus.IsDefined ? "-" : "") + digits + (frac.IsDefined ? "." + frac.Get() : "")).Named("number");

    /// <summary><c>yyyy-mm-dd</c> as text; validated by the caller so an impossible date gets its own code.</summary>
    public static readonly Parser<string> DateRaw =
        (from y in Parse.Digit.Repeat(4).Text()
         from d1 in Parse.Char('-')
         from m in Parse.Digit.Repeat(2).Text()
         from d2 in Parse.Char('-')
         from d in Parse.Digit.Repeat(2).Text()
         select $"{y}-{m}-{d}").Named("date (yyyy-mm-dd)");

    /// <summary><c>hh:mm</c> as text; validated by the caller.</summary>
    public static readonly Parser<string> TimeRaw =
        (from h in Parse.Digit.Repeat(2).Text()
         from c in Parse.Char(':')
         from m in Parse.Digit.Repeat(2).Text()
         select $"{h}:{m}").Named("time (hh:mm)");

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Parser<string>> Keywords = new(StringComparer.Ordinal);
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, Parser<Located<string>>> Symbols = new(StringComparer.Ordinal);

    /// <summary>A keyword: a whole name equal to <paramref name="word"/> (made once per word).</summary>
    public static Parser<string> Keyword(string word) =>
        Keywords.GetOrAdd(word, w => IdentRaw.Where(x => x == w).Named($"'{w}'"));

    /// <summary>A punctuation symbol after trivia (made once per symbol).</summary>
    public static Parser<Located<string>> Symbol(string s) => Symbols.GetOrAdd(s, x => Tok(Parse.String(x).Text().Named($"'{x}'")));
}
