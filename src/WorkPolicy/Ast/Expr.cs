using System.Collections.Immutable;
using WorkPolicy.Diagnostics;

namespace WorkPolicy.Ast;

/// <summary>A predicate over facts, three-valued when evaluated.</summary>
internal abstract record Expr(SourceSpan Span);

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record ConstExpr(bool Value, SourceSpan Span) : Expr(Span);

/// <summary>A boolean fact field (a dotted path such as <c>employee.health.healthy</c>) or a definition name.</summary>
internal sealed record NameExpr(string Name, SourceSpan Span) : Expr(Span)
{
    /// <summary>True when the name is a fact path rather than a definition.</summary>
    public bool IsFieldPath => Name.Contains('.');
}

/// <summary>Comparison operators.</summary>
internal enum CompareOp
{
    /// <summary><c>==</c></summary>
    Eq,
    /// <summary><c>!=</c></summary>
    Ne,
    /// <summary><c>in { … }</c></summary>
    In,
    /// <summary><c>not-in { … }</c></summary>
    NotIn,
    /// <summary><c>has code</c>: a set field contains the code.</summary>
    Has,
    /// <summary><c>has-any { … }</c>: a set field contains one of the codes.</summary>
    HasAny,
    /// <summary><c>&lt;</c></summary>
    Lt,
    /// <summary><c>&lt;=</c></summary>
    Le,
    /// <summary><c>&gt;</c></summary>
    Gt,
    /// <summary><c>&gt;=</c></summary>
    Ge,
}

/// <summary>A fact field compared with constants.</summary>
internal sealed record CompareExpr(string Path, CompareOp Op, ImmutableArray<Literal> Values, SourceSpan Span) : Expr(Span)
{
    /// <summary><c>age(PATH) OP N</c>: the date field read as whole years completed on the decision's date.</summary>
    public bool Age { get; init; }
}

/// <summary>Negation.</summary>
/// <summary><c>PATH in top N of unit|top-unit</c>: the employee's level among the N highest the unit's employees hold.</summary>
internal sealed record RankExpr(string Path, int Count, bool TopUnit, SourceSpan Span) : Expr(Span);

internal sealed record NotExpr(Expr Operand, SourceSpan Span) : Expr(Span);

/// <summary>Conjunction of two or more operands.</summary>
internal sealed record AndExpr(ImmutableArray<Expr> Operands, SourceSpan Span) : Expr(Span);

/// <summary>Disjunction of two or more operands.</summary>
internal sealed record OrExpr(ImmutableArray<Expr> Operands, SourceSpan Span) : Expr(Span);

/// <summary>
/// True while the employee's unit is within <paramref name="Days"/> days of an incident of
/// <paramref name="Kind"/>, counted from the confirmation day plus <paramref name="StartOffset"/>.
/// </summary>
internal sealed record IncidentExpr(string Kind, int Days, int StartOffset, SourceSpan Span) : Expr(Span)
{
    /// <summary>Whether the days are working days of the facts' calendar rather than calendar days.</summary>
    public bool WorkingDays { get; init; }

    /// <summary>Whether an incident anywhere in the employee's perangkat daerah counts, not only in the employee's unit.</summary>
    public bool TopUnit { get; init; }
}
