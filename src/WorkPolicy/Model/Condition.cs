using System.Collections.Immutable;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;

namespace WorkPolicy.Model;

/// <summary>
/// A checked condition: definitions resolved (their body shared by reference wherever the name is
/// used), field paths resolved to <see cref="FieldRef"/>s and literals typed. Evaluated three-valued.
/// </summary>
internal abstract record Condition(SourceSpan Span);

/// <summary><c>true</c> or <c>false</c>.</summary>
internal sealed record ConstCondition(bool Value, SourceSpan Span) : Condition(Span);

/// <summary>Negation.</summary>
internal sealed record NotCondition(Condition Operand, SourceSpan Span) : Condition(Span);

/// <summary>Conjunction (<paramref name="IsAnd"/>) or disjunction of two or more operands.</summary>
internal sealed record JunctionCondition(bool IsAnd, ImmutableArray<Condition> Operands, SourceSpan Span) : Condition(Span);

/// <summary>A definition used by name; its body is checked once and shared.</summary>
internal sealed record DefinitionCondition(string Name, Condition Body, SourceSpan Span) : Condition(Span);

/// <summary>
/// A leaf: a field compared with typed values. A bare boolean field is <c>field == true</c>. The
/// values are <see cref="CodeFact"/>, <see cref="NumberFact"/> or <see cref="BoolFact"/> as the
/// field's type says.
/// </summary>
internal sealed record TestCondition(FieldRef Field, CompareOp Op, ImmutableArray<FactValue> Values, SourceSpan Span) : Condition(Span)
{
    /// <summary>The date field is compared as an age: whole years completed on the decision's date (its values are numbers).</summary>
    public bool Age { get; init; }

    /// <summary>What the test compares, as written: <c>employee.birth_date</c> or <c>age(employee.birth_date)</c>.</summary>
    public string Subject => Age ? $"age({Field.Path})" : Field.Path;
}

/// <summary>
/// <c>employee.FIELD in top N of unit|top-unit</c>: the employee's level is among the N highest levels the employees of
/// their unit (or perangkat daerah) hold; <paramref name="Ranked"/> is the field's number in <see cref="FieldLayout.Ranked"/>.
/// </summary>
internal sealed record RankCondition(FieldRef Field, int Count, bool TopUnit, int Ranked, SourceSpan Span) : Condition(Span);

/// <summary>A leaf: the employee's unit is within <paramref name="Days"/> days of an incident of <paramref name="Kind"/>.</summary>
internal sealed record IncidentCondition(string Kind, int Days, int StartOffset, SourceSpan Span) : Condition(Span)
{
    /// <summary>Whether the days are working days of the facts' calendar.</summary>
    public bool WorkingDays { get; init; }

    /// <summary>Whether an incident anywhere in the employee's perangkat daerah counts.</summary>
    public bool TopUnit { get; init; }
}

/// <summary>Walks over checked conditions, iterative so depth never matters.</summary>
internal static class Conditions
{
    /// <summary>The distinct leaves (tests and incident tests) under <paramref name="roots"/>, each once, in first-seen order.</summary>
    public static IReadOnlyList<Condition> Leaves(IEnumerable<Condition?> roots)
    {
        var seen = new HashSet<Condition>(ReferenceEqualityComparer.Instance);
        var leaves = new List<Condition>();
        var stack = new Stack<Condition>(roots.OfType<Condition>().Reverse());
        while (stack.Count > 0)
        {
            var c = stack.Pop();
            if (!seen.Add(c)) continue;
            switch (c)
            {
                case NotCondition n: stack.Push(n.Operand); break;
                case DefinitionCondition d: stack.Push(d.Body); break;
                case JunctionCondition j:
                    for (var i = j.Operands.Length - 1; i >= 0; i--) stack.Push(j.Operands[i]);
                    break;
                case TestCondition or IncidentCondition or RankCondition: leaves.Add(c); break;
            }
        }
        return leaves;
    }
}
