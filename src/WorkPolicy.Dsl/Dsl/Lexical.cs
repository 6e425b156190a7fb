using Sprache;

namespace WorkPolicy.Dsl.Dsl;

/// <summary>A value with the 1-based positions where it starts and ends.</summary>
internal readonly record struct Located<T>(T Value, int Line, int Column, int EndLine, int EndColumn);

/// <summary>Token-level parsers of the DSL: whole tokens, so failures land at token starts.</summary>
internal static class Lexical
{
    public const int MaxTokenLength = 512;

    private static readonly Parser<string> Comment =
        from hash in Parse.Char('#')
        from rest in Parse.CharExcept('\n').Many()
        select "";

    /// <summary>White space and comments.</summary>
    public static readonly Parser<string> Trivia =
        Parse.WhiteSpace.Once().Return("").Or(Comment).Many().Return("");

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

    /// <summary>A name: letters, digits, '-' and '_', starting with a letter.</summary>
    public static readonly Parser<string> IdentRaw =
        Parse.Letter.Once().Concat(Parse.LetterOrDigit.Or(Parse.Chars('-', '_')).Many()).Text().Named("name");

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
        var sb = new System.Text.StringBuilder();
        var at = input.Advance();
        while (!at.AtEnd && at.Current != '\n')
        {
            var c = at.Current;
            if (c == '"') return Result.Success(sb.ToString(), at.Advance());
            if (c == '\\')
            {
                at = at.Advance();
                if (at.AtEnd || at.Current == '\n') break;
                sb.Append(at.Current == 'n' ? '\n' : at.Current);
            }
            else sb.Append(c);
            at = at.Advance();
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

    /// <summary>A keyword: a whole name equal to <paramref name="word"/>.</summary>
    public static Parser<string> Keyword(string word) =>
        IdentRaw.Where(w => w == word).Named($"'{word}'");

    /// <summary>A punctuation symbol after trivia.</summary>
    public static Parser<Located<string>> Symbol(string s) => Tok(Parse.String(s).Text().Named($"'{s}'"));
}
