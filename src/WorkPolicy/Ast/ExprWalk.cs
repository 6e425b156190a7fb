namespace WorkPolicy.Ast;

/// <summary>Iterative walks over expressions, safe on any depth.</summary>
internal static class ExprWalk
{
    /// <summary>The most expressions allowed on one path from the root.</summary>
    public const int MaxDepth = 64;

    /// <summary>Children of a node.</summary>
    public static IEnumerable<Expr> Children(Expr e) => e switch
    {
        NotExpr n => [n.Operand],
        AndExpr a => a.Operands,
        OrExpr o => o.Operands,
        _ => [],
    };

    /// <summary>Nesting depth, computed without recursion.</summary>
    public static int Depth(Expr root)
    {
        var max = 0;
        var stack = new Stack<(Expr, int)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (e, d) = stack.Pop();
            max = Math.Max(max, d);
            foreach (var c in Children(e)) stack.Push((c, d + 1));
        }
        return max;
    }

    /// <summary>Every node, pre-order, without recursion.</summary>
    public static IEnumerable<Expr> All(Expr root)
    {
        var stack = new Stack<Expr>();
        stack.Push(root);
        while (stack.Count > 0)
        {
            var e = stack.Pop();
            yield return e;
            foreach (var c in Children(e).Reverse()) stack.Push(c);
        }
    }
}
