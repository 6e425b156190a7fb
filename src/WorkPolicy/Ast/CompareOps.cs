namespace WorkPolicy.Ast;

/// <summary>The words of comparison operators, shared by both encodings and messages.</summary>
internal static class CompareOps
{
    private static readonly (CompareOp Op, string Word)[] Words =
    [
        (CompareOp.Eq, "=="), (CompareOp.Ne, "!="), (CompareOp.In, "in"), (CompareOp.NotIn, "not-in"),
        (CompareOp.Has, "has"), (CompareOp.HasAny, "has-any"), (CompareOp.Lt, "<"), (CompareOp.Le, "<="),
        (CompareOp.Gt, ">"), (CompareOp.Ge, ">="),
    ];

    /// <summary>The operator's word, e.g. <c>has-any</c>.</summary>
    public static string Word(CompareOp op) => Words.First(w => w.Op == op).Word;

    /// <summary>Parses an operator word.</summary>
    public static bool TryParse(string word, out CompareOp op)
    {
        foreach (var (o, w) in Words)
        {
            if (w == word) { op = o; return true; }
        }
        op = default;
        return false;
    }

    /// <summary>Whether the operator takes a list of values (<c>{ a, b }</c>).</summary>
    public static bool TakesList(CompareOp op) => op is CompareOp.In or CompareOp.NotIn or CompareOp.HasAny;
}
