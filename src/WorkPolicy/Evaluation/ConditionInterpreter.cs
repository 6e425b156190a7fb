using System.Runtime.CompilerServices;
using WorkPolicy.Ast;
using WorkPolicy.Facts;
using WorkPolicy.Model;
using Ops = WorkPolicy.Evaluation.ConditionCompiler.Ops;

namespace WorkPolicy.Evaluation;

/// <summary>
/// What a condition means: a plain, three-valued (Kleene) evaluation of the checked model's conditions, the
/// reference every faster form is tested against (<see cref="ConditionCompiler"/> compiles the same meaning to
/// delegates; tests hold the two equal on generated conditions and facts). Read it as the definition:
/// <list type="bullet">
/// <item><c>not</c> swaps true and false; unknown stays unknown.</item>
/// <item><c>and</c> is false as soon as an operand is false, else unknown if one is, else true; <c>or</c> the dual.</item>
/// <item>A test reads its fact; an absent fact takes the field's default, else it is unknown. A value of
/// another type than the field declares is unknown too.</item>
/// <item>With a sink on the scope, an unknown leaf records the path of the fact it lacked, and a junction that
/// settles drops what its operands recorded: only the unknowns that matter are reported.</item>
/// </list>
/// Facts are read through <see cref="ConditionCompiler.Ops"/>, which both forms share: reading is not meaning.
/// </summary>
internal static class ConditionInterpreter
{
    /// <summary>The outcome of <paramref name="condition"/> (null: no scope, always true) for the scope's employee and date.</summary>
    public static Tri Evaluate(Condition? condition, DecisionSubject scope)
    {
        if (condition is null) return Tri.True;
        // Condition depth is bounded by the loaders and the linker; this is the backstop.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        return condition switch
        {
            ConstCondition k => k.Value ? Tri.True : Tri.False,
            NotCondition n => Not(Evaluate(n.Operand, scope)),
            JunctionCondition j => Junction(j, scope),
            DefinitionCondition d => Evaluate(d.Body, scope),
            TestCondition t => Test(t, scope),
            IncidentCondition i => Ops.Incident(scope, i.Kind, i.Days, i.StartOffset, i.WorkingDays, i.TopUnit),
            RankCondition r => Rank(r, scope),
            _ => throw new InvalidOperationException($"unknown condition {condition.GetType().Name}"),
        };
    }

    private static Tri Not(Tri t) => t switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };

    private static Tri Junction(JunctionCondition j, DecisionSubject scope)
    {
        var decisive = j.IsAnd ? Tri.False : Tri.True;
        var mark = scope.Missing?.Count ?? 0;
        var result = j.IsAnd ? Tri.True : Tri.False;
        foreach (var operand in j.Operands)
        {
            var r = Evaluate(operand, scope);
            if (r == decisive)
            {
                result = decisive;
                break;
            }
            if (r == Tri.Unknown) result = Tri.Unknown;
        }
        // Settled, the junction did not need what its operands lacked.
        if (result != Tri.Unknown && scope.Missing is { } sink && sink.Count > mark) sink.RemoveRange(mark, sink.Count - mark);
        return result;
    }

    private static Tri Test(TestCondition t, DecisionSubject scope)
    {
        var value = Read(t.Field, scope);
        if (value is null) return Tri.Unknown;
        // An age is the date field in whole years on the decision's date, compared as a number.
        if (t.Age) return value is DateFact born ? Compare(t.Op, new NumberFact(Ops.Years(born.Value, scope.Date)), t.Values) : Tri.Unknown;
        return Compare(t.Op, value, t.Values);
    }

    /// <summary>
    /// <c>in top N of unit</c>: true when fewer than N levels above the employee's are held in the unit — even if every
    /// employee whose level is unknown held a level above theirs; false when N or more are known to be held above it
    /// (or the employee's code is no level); unknown otherwise, recording one such employee's fact. The compiled form
    /// calls this very method: there is one meaning of a rank.
    /// </summary>
    internal static Tri Rank(RankCondition r, DecisionSubject scope)
    {
        // The residual asks each outcome of a rank in turn; what a database says of the unit's staff decides which holds.
        if (scope.Employee?.RankOutcomes is { } given) return given.TryGetValue(r, out var outcome) ? outcome : Tri.Unknown;
        var f = r.Field;
        var value = Ops.Employee(scope, f.Slot) ?? Ops.EmployeeAbsent(scope, f.Default, f.Key);
        if (value is not CodeFact code) return Tri.Unknown;
        var level = f.Decl.Rank.IndexOf(code.Code);
        if (level < 0) return Tri.False;
        if ((r.TopUnit ? scope.TopUnit : scope.Unit) is not { } unit) return Tri.Unknown;
        var all = r.TopUnit ? unit.SubtreeLevels : unit.Levels;
        // A row laid out on its own (not by an index of all employees) knows only its own level.
        var levels = r.Ranked < all.Length ? all[r.Ranked] : new UnitLevels { Held = 1UL << Math.Min(level, 63) };
        var above = System.Numerics.BitOperations.PopCount(levels.Held & ((1UL << Math.Min(level, 63)) - 1));
        if (above >= r.Count) return Tri.False;
        var couldBeAbove = Math.Min(levels.Unknown, level - above);
        if (above + couldBeAbove < r.Count) return Tri.True;
        scope.Missing?.Add($"employees[{levels.FirstUnknown}].{f.Key}");
        return Tri.Unknown;
    }

    /// <summary>The field's value for the scope: present, else its default, else null (recorded as missing).</summary>
    private static FactValue? Read(FieldRef f, DecisionSubject s) => f.Entity switch
    {
        Entity.Employee => Ops.Employee(s, f.Slot) ?? Ops.EmployeeAbsent(s, f.Default, f.Key),
        Entity.Unit or Entity.TopUnit => Ops.Unit(s, f.Entity == Entity.TopUnit, f.Slot) ?? Ops.UnitAbsent(s, f.Entity == Entity.TopUnit, f.Default, f.Key),
        Entity.RegionAttribute => Ops.Attribute(s, f.Values!) ?? Ops.StatusAbsent(s, f.Key, f.Default),
        Entity.EmployeeStatus => Ops.PersonalStatus(s, f.Series!, f.Key) ?? Ops.PersonalStatusAbsent(s, f.Series!, f.Default),
        _ => Ops.Status(s, f.Series!, f.Key) ?? Ops.StatusAbsent(s, f.Series!, f.Default),
    };

    /// <summary>A known value against the test's values: codes by name, sets by membership, numbers and dates by order.</summary>
    internal static Tri Compare(CompareOp op, FactValue value, IReadOnlyList<FactValue> values)
    {
        var negate = op is CompareOp.Ne or CompareOp.NotIn;
        bool? hit = (op, value, values[0]) switch
        {
            (CompareOp.Eq or CompareOp.Ne or CompareOp.In or CompareOp.NotIn, CodeFact code, CodeFact) => values.Any(v => ((CodeFact)v).Code == code.Code),
            (CompareOp.Eq or CompareOp.Ne, BoolFact b, BoolFact wanted) => b.Value == wanted.Value,
            (CompareOp.Has or CompareOp.HasAny, CodeSetFact set, _) => values.Any(v => set.Contains(((CodeFact)v).Code)),
            (CompareOp.Eq or CompareOp.Ne or CompareOp.In or CompareOp.NotIn, NumberFact n, NumberFact) => values.Any(v => ((NumberFact)v).Value == n.Value),
            (CompareOp.Lt, NumberFact n, NumberFact bound) => n.Value < bound.Value,
            (CompareOp.Le, NumberFact n, NumberFact bound) => n.Value <= bound.Value,
            (CompareOp.Gt, NumberFact n, NumberFact bound) => n.Value > bound.Value,
            (CompareOp.Ge, NumberFact n, NumberFact bound) => n.Value >= bound.Value,
            (CompareOp.Eq or CompareOp.Ne or CompareOp.In or CompareOp.NotIn, DateFact d, DateFact) => values.Any(v => ((DateFact)v).Value == d.Value),
            (CompareOp.Lt, DateFact d, DateFact bound) => d.Value < bound.Value,
            (CompareOp.Le, DateFact d, DateFact bound) => d.Value <= bound.Value,
            (CompareOp.Gt, DateFact d, DateFact bound) => d.Value > bound.Value,
            (CompareOp.Ge, DateFact d, DateFact bound) => d.Value >= bound.Value,
            _ => null,
        };
        return hit is not { } h ? Tri.Unknown : h != negate ? Tri.True : Tri.False;
    }
}
