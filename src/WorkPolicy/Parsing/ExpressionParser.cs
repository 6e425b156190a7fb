using System.Collections.Immutable;
using Sprache;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using static WorkPolicy.Parsing.Lexical;

namespace WorkPolicy.Parsing;

/// <summary>
/// Scope and end-condition expressions: <c>or</c> over <c>and</c> over <c>not</c> over atoms.
/// Parentheses are the only recursion and are counted: past <see cref="MaxParenDepth"/> the parse
/// fails and <see cref="TooDeep"/> is set, so no input can overflow the stack.
/// </summary>
internal sealed class ExpressionParser
{
    public const int MaxParenDepth = 32;
    private const int MaxNots = 8;
    private static readonly HashSet<string> WordOps = ["in", "not-in", "has", "has-any"];
    private static readonly HashSet<string> Reserved = ["and", "or", "not", "true", "false", "incident"];

    /// <summary>The one function of a condition: <c>age(employee.birth_date)</c>, whole years on the decision's date.</summary>
    public const string AgeFunction = "age";

    private readonly string _path;
    private int _depth;

    public ExpressionParser(string path)
    {
        _path = path;
        Expr = input => OrChain(input);
    }

    /// <summary>Set when a parse failed because parentheses nest too deep.</summary>
    public bool TooDeep { get; private set; }

    public Parser<Expr> Expr { get; }

    private SourceSpan Span<T>(Located<T> a, Located<T> b) => new(_path, a.Line, a.Column, b.EndLine, b.EndColumn);

    private SourceSpan Span(int line, int col, int endLine, int endCol) => new(_path, line, col, endLine, endCol);

    private IResult<Expr> OrChain(IInput input) => Chain("or", AndChain, (ops, span) => new OrExpr(ops, span))(input);

    private IResult<Expr> AndChain(IInput input) => Chain("and", Unary, (ops, span) => new AndExpr(ops, span))(input);

    private static Parser<Expr> Chain(string word, Parser<Expr> operand, Func<ImmutableArray<Expr>, SourceSpan, Expr> make) =>
        from first in operand
        from rest in Tok(Keyword(word)).Then(_ => operand).XMany()
        select rest.Any()
            ? make([first, .. rest], first.Span with { EndLine = rest.Last().Span.EndLine, EndColumn = rest.Last().Span.EndColumn })
            : first;

    private IResult<Expr> Unary(IInput input)
    {
        var nots = new List<Located<string>>();
        while (true)
        {
            var r = Tok(Keyword("not"))(input);
            if (!r.WasSuccessful) break;
            nots.Add(r.Value);
            input = r.Remainder;
            if (nots.Count > MaxNots) return Result.Failure<Expr>(input, $"more than {MaxNots} 'not' in a row", ["expression"]);
        }
        var atom = Atom(input);
        if (!atom.WasSuccessful || nots.Count == 0) return atom;
        var e = atom.Value;
        for (var i = nots.Count - 1; i >= 0; i--)
        {
            e = new NotExpr(e, Span(nots[i].Line, nots[i].Column, e.Span.EndLine, e.Span.EndColumn));
        }
        return Result.Success(e, atom.Remainder);
    }

    private IResult<Expr> Atom(IInput input)
    {
        var open = Symbol("(")(input);
        if (open.WasSuccessful) return Parenthesised(open);
        var name = Tok(PathRaw)(input);
        if (!name.WasSuccessful) return Result.Failure<Expr>(name.Remainder, "expected a condition", ["field, definition, 'not', '(' or 'incident'"]);
        var n = name.Value;
        switch (n.Value)
        {
            case "true" or "false":
                return Result.Success<Expr>(new ConstExpr(n.Value == "true", Span(n, n)), name.Remainder);
            case "incident":
                return Incident(n, name.Remainder);
            case AgeFunction when Symbol("(")(name.Remainder) is { WasSuccessful: true } call:
                return Age(n, call.Remainder);
            case var word when Reserved.Contains(word):
                return Result.Failure<Expr>(input, $"'{word}' cannot start a condition", ["condition"]);
        }
        var op = Tok(Parse.String("==").Or(Parse.String("!=")).Or(Parse.String("<=")).Or(Parse.String(">=")).Or(Parse.String("<")).Or(Parse.String(">")).Text()
            .Or(IdentRaw.Where(WordOps.Contains)))(name.Remainder);
        if (!op.WasSuccessful) return Result.Success<Expr>(new NameExpr(n.Value, Span(n, n)), name.Remainder);
        CompareOps.TryParse(op.Value.Value, out var cmp);
        if (cmp == CompareOp.In && Tok(Keyword("top"))(op.Remainder) is { WasSuccessful: true } top) return Rank(n, top.Remainder);
        var values = CompareOps.TakesList(cmp) ? LiteralList(op.Remainder) : SingleLiteral(op.Remainder);
        if (!values.WasSuccessful) return Result.Failure<Expr>(values.Remainder, values.Message, values.Expectations);
        var (lits, endLine, endCol) = values.Value;
        return Result.Success<Expr>(new CompareExpr(n.Value, cmp, lits, Span(n.Line, n.Column, endLine, endCol)), values.Remainder);
    }

    /// <summary><c>PATH in top N of unit|top-unit</c>, after <c>in top</c>: a rank relative to the unit (checked by the linker).</summary>
    private IResult<Expr> Rank(Located<string> path, IInput input)
    {
        var p =
            from digits in Tok(Parse.Digit.AtLeastOnce().Text())
            from _of in Tok(Keyword("of"))
            from which in Tok(Keyword("top-unit").Or(Keyword("unit")))
            select (digits, which);
        var r = p(input);
        if (!r.WasSuccessful) return Result.Failure<Expr>(r.Remainder, "expected 'in top N of unit' or 'in top N of top-unit'", ["a count, then 'of unit' or 'of top-unit'"]);
        var (count, unit) = r.Value;
        // A count past any unit's levels means every level: held at the largest number rather than refused.
        var n = int.TryParse(count.Value, out var c) ? c : int.MaxValue;
        return Result.Success<Expr>(new RankExpr(path.Value, n, unit.Value == "top-unit", Span(path.Line, path.Column, unit.EndLine, unit.EndColumn)), r.Remainder);
    }

    /// <summary><c>age(PATH) OP N</c>: the comparison of a date field as an age (checked by the linker).</summary>
    private IResult<Expr> Age(Located<string> kw, IInput input)
    {
        var path = Tok(PathRaw)(input);
        if (!path.WasSuccessful) return Result.Failure<Expr>(path.Remainder, "expected a date field inside 'age( )'", ["a field such as employee.birth_date"]);
        var close = Symbol(")")(path.Remainder);
        if (!close.WasSuccessful) return Result.Failure<Expr>(close.Remainder, "expected ')' after the field of 'age('", ["')'"]);
        var op = Tok(Parse.String("==").Or(Parse.String("!=")).Or(Parse.String("<=")).Or(Parse.String(">=")).Or(Parse.String("<")).Or(Parse.String(">")).Text()
            .Or(IdentRaw.Where(WordOps.Contains)))(close.Remainder);
        if (!op.WasSuccessful) return Result.Failure<Expr>(op.Remainder, "expected a comparison after 'age(...)', e.g. 'age(employee.birth_date) >= 50'", ["'>=', '<', '==', …"]);
        CompareOps.TryParse(op.Value.Value, out var cmp);
        var values = CompareOps.TakesList(cmp) ? LiteralList(op.Remainder) : SingleLiteral(op.Remainder);
        if (!values.WasSuccessful) return Result.Failure<Expr>(values.Remainder, values.Message, values.Expectations);
        var (lits, endLine, endCol) = values.Value;
        return Result.Success<Expr>(new CompareExpr(path.Value.Value, cmp, lits, Span(kw.Line, kw.Column, endLine, endCol)) { Age = true }, values.Remainder);
    }

    private IResult<Expr> Parenthesised(IResult<Located<string>> open)
    {
        if (++_depth > MaxParenDepth)
        {
            TooDeep = true;
            _depth--;
            return Result.Failure<Expr>(open.Remainder, $"parentheses nest deeper than {MaxParenDepth}", ["shallower condition"]);
        }
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        var inner = Expr(open.Remainder);
        _depth--;
        if (!inner.WasSuccessful) return inner;
        var close = Symbol(")")(inner.Remainder);
        return close.WasSuccessful
            ? Result.Success(inner.Value, close.Remainder)
            : Result.Failure<Expr>(close.Remainder, "expected ')'", ["')'"]);
    }

    private IResult<Expr> Incident(Located<string> kw, IInput input)
    {
        // incident KIND [in top-unit] for N [working] days from confirmed|day-after
        var p =
            from k in Tok(IdentRaw)
            from top in Tok(Keyword("in")).Then(_ => Tok(Keyword("top-unit"))).Optional()
            from _for in Tok(Keyword("for"))
            from count in Tok(Parse.Digit.AtLeastOnce().Text())
            from working in Tok(Keyword("working")).Optional()
            from _days in Tok(Keyword("days").Or(Keyword("day")))
            from _from in Tok(Keyword("from"))
            from s in Tok(Keyword("confirmed").Or(Keyword("day-after")))
            select (k, top.IsDefined, count, working.IsDefined, s);
        var r = p(input);
        if (!r.WasSuccessful) return Result.Failure<Expr>(r.Remainder, r.Message, r.Expectations);
        var (kind, inTop, days, workingDays, start) = r.Value;
        var n = int.TryParse(days.Value, out var d) ? d : 0;
        return Result.Success<Expr>(
            new IncidentExpr(kind.Value, n, start.Value == "confirmed" ? 0 : 1, Span(kw.Line, kw.Column, start.EndLine, start.EndColumn))
            {
                WorkingDays = workingDays,
                TopUnit = inTop,
            },
            r.Remainder);
    }

    private static readonly Parser<Located<Literal>> LiteralToken =
        // A date before a number: '2021-07-30' would otherwise read as the number 2021 followed by junk.
        Tok(DateRaw.Select(d => new Literal(LiteralKind.Date, d))
            .Or(NumberRaw.Select(n => new Literal(LiteralKind.Number, n)))
            .Or(IdentRaw.Select(w => w is "true" or "false" ? new Literal(LiteralKind.Bool, w) : Literal.Code(w))))
        .Named("value");

    private static IResult<(ImmutableArray<Literal>, int, int)> SingleLiteral(IInput input)
    {
        var r = LiteralToken(input);
        return r.WasSuccessful
            ? Result.Success(((ImmutableArray<Literal>)[r.Value.Value], r.Value.EndLine, r.Value.EndColumn), r.Remainder)
            : Result.Failure<(ImmutableArray<Literal>, int, int)>(r.Remainder, "expected a value", ["value"]);
    }

    private static IResult<(ImmutableArray<Literal>, int, int)> LiteralList(IInput input)
    {
        var p =
            from open in Symbol("{")
            from items in LiteralToken.XDelimitedBy(Symbol(","))
            from close in Symbol("}")
            select (ImmutableArray.CreateRange(items.Select(i => i.Value)), close.EndLine, close.EndColumn);
        var r = p(input);
        return r.WasSuccessful ? r : Result.Failure<(ImmutableArray<Literal>, int, int)>(r.Remainder, "expected a list '{ a, b }'", ["'{'"]);
    }
}
