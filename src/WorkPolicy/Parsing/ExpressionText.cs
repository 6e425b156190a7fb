using Sprache;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Parsing;

/// <summary>Parses a condition held in a string (a YAML scalar) with positions relative to the file.</summary>
internal static class ExpressionText
{
    /// <summary>
    /// Parses <paramref name="text"/> found at <paramref name="line"/>/<paramref name="column"/> of
    /// <paramref name="path"/>; null with a diagnostic when it is not a valid condition.
    /// </summary>
    public static Expr? Parse(string path, string text, int line, int column, List<Diagnostic> diagnostics)
    {
        // Padding puts the text where it stands in the file, so every span is exact.
        var padded = new string('\n', Math.Max(0, line - 1)) + new string(' ', Math.Max(0, column - 1)) + text;
        var parser = new ExpressionParser(path);
        IResult<Expr> r;
        try
        {
            r = parser.Expr.End()(new TextInput(padded));
        }
        catch (Exception ex) when (ex is ParseException or InsufficientExecutionStackException)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.ConditionUnparsable, SourceSpan.At(path, line, column)));
            return null;
        }
        if (!r.WasSuccessful)
        {
            var at = Lexical.Trivia(r.Remainder).Remainder;
            var span = SourceSpan.At(path, at.Line, at.Column);
            diagnostics.Add(parser.TooDeep ? Diagnostic.Create(DiagnosticMessages.ParenthesesTooDeep, span, ExpressionParser.MaxParenDepth)
                : at.AtEnd ? Diagnostic.Create(DiagnosticMessages.ConditionEndsEarly, span)
                : Diagnostic.Create(DiagnosticMessages.UnexpectedInCondition, span, at.Current));
            return null;
        }
        if (ExprWalk.Depth(r.Value) > ExprWalk.MaxDepth)
        {
            diagnostics.Add(Diagnostic.Create(DiagnosticMessages.ConditionTooDeep, r.Value.Span, ExprWalk.MaxDepth));
            return null;
        }
        return r.Value;
    }
}
