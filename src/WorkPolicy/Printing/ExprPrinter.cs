using System.Runtime.CompilerServices;
using System.Text;
using WorkPolicy.Ast;

namespace WorkPolicy.Printing;

/// <summary>Prints expressions in DSL syntax with the fewest parentheses that keep their meaning.</summary>
internal static class ExprPrinter
{
    /// <summary>The canonical text of <paramref name="e"/>.</summary>
    public static string Print(Expr e)
    {
        var sb = new StringBuilder();
        Write(sb, e);
        return sb.ToString();
    }

    private static int Precedence(Expr e) => e switch
    {
        OrExpr => 1,
        AndExpr => 2,
        NotExpr => 3,
        _ => 4,
    };

    private static void Write(StringBuilder sb, Expr e)
    {
        RuntimeHelpers.EnsureSufficientExecutionStack();
        switch (e)
        {
            case ConstExpr c: sb.Append(c.Value ? "true" : "false"); break;
            case NameExpr n: sb.Append(n.Name); break;
            case CompareExpr c:
                sb.Append(c.Age ? $"age({c.Path})" : c.Path).Append(' ').Append(CompareOps.Word(c.Op)).Append(' ');
                if (CompareOps.TakesList(c.Op)) sb.Append("{ ").AppendJoin(", ", c.Values.Select(v => v.Text)).Append(" }");
                else sb.Append(c.Values.Length > 0 ? c.Values[0].Text : "");
                break;
            case RankExpr r:
                sb.Append(r.Path).Append(" in top ").Append(r.Count).Append(" of ").Append(r.TopUnit ? "top-unit" : "unit");
                break;
            case IncidentExpr i:
                sb.Append("incident ").Append(i.Kind).Append(i.TopUnit ? " in top-unit" : "").Append(" for ").Append(i.Days)
                  .Append(i.WorkingDays ? " working" : "").Append(i.Days == 1 ? " day" : " days")
                  .Append(" from ").Append(i.StartOffset == 0 ? "confirmed" : "day-after");
                break;
            case NotExpr n:
                sb.Append("not ");
                Child(sb, n.Operand, 3);
                break;
            case AndExpr a: Join(sb, a.Operands, " and ", 2); break;
            case OrExpr o: Join(sb, o.Operands, " or ", 1); break;
        }
    }

    private static void Join(StringBuilder sb, IReadOnlyList<Expr> operands, string op, int precedence)
    {
        for (var i = 0; i < operands.Count; i++)
        {
            if (i > 0) sb.Append(op);
            // Same-precedence children are parenthesised too: a nested and-in-and is a distinct AST.
            Child(sb, operands[i], precedence + 1);
        }
    }

    private static void Child(StringBuilder sb, Expr e, int minPrecedence)
    {
        if (Precedence(e) < minPrecedence)
        {
            sb.Append('(');
            Write(sb, e);
            sb.Append(')');
        }
        else Write(sb, e);
    }
}
