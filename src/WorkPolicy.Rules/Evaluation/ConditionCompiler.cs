using System.Runtime.CompilerServices;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;
using WorkPolicy.Rules.Model;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>
/// Compiles checked conditions once into delegates over an <see cref="EvalScope"/>. The meaning of
/// every operator lives here and only here: the walk, the memo layer's keys and the conflict
/// checker all run these delegates. Each node is compiled once, so a definition used by ten
/// provisions, or a leaf the memo layer keys on, is one delegate.
/// </summary>
internal sealed class ConditionCompiler
{
    private readonly Dictionary<Condition, Func<EvalScope, Tri>> _compiled = new(ReferenceEqualityComparer.Instance);

    private static readonly Func<EvalScope, Tri> True = static _ => Tri.True;
    private static readonly Func<EvalScope, Tri> False = static _ => Tri.False;

    /// <summary>The delegate of <paramref name="c"/>; null means "always true" (no scope).</summary>
    public Func<EvalScope, Tri> Compile(Condition? c)
    {
        if (c is null) return True;
        if (_compiled.TryGetValue(c, out var known)) return known;
        // Condition depth is bounded by the loaders and the linker; this is the backstop.
        RuntimeHelpers.EnsureSufficientExecutionStack();
        var compiled = c switch
        {
            ConstCondition k => k.Value ? True : False,
            NotCondition n => Not(Compile(n.Operand)),
            JunctionCondition j => Junction([.. j.Operands.Select(Compile)], j.IsAnd),
            DefinitionCondition d => Compile(d.Body),
            TestCondition t => Test(t),
            IncidentCondition i => Incident(i),
            _ => throw new InvalidOperationException($"unknown condition {c.GetType().Name}"),
        };
        return _compiled[c] = compiled;
    }

    private static Func<EvalScope, Tri> Not(Func<EvalScope, Tri> inner) => s => inner(s) switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };

    /// <summary>
    /// Kleene conjunction or disjunction. A decisive operand settles it whatever the others are, so
    /// an unknown beside it does not matter and is not recorded: the first pass records nothing, and
    /// only an undecided junction runs its operands again to record what they lack.
    /// </summary>
    private static Func<EvalScope, Tri> Junction(Func<EvalScope, Tri>[] parts, bool isAnd)
    {
        var decisive = isAnd ? Tri.False : Tri.True;
        var neutral = isAnd ? Tri.True : Tri.False;
        return s =>
        {
            var sink = s.Missing;
            s.Missing = null;
            var anyUnknown = false;
            foreach (var p in parts)
            {
                var r = p(s);
                if (r == decisive) { s.Missing = sink; return decisive; }
                if (r == Tri.Unknown) anyUnknown = true;
            }
            s.Missing = sink;
            if (!anyUnknown) return neutral;
            if (sink is not null)
            {
                foreach (var p in parts) p(s);
            }
            return Tri.Unknown;
        };
    }

    private static Func<EvalScope, Tri> Incident(IncidentCondition i) => s =>
    {
        if (s.Index.Facts.Incidents is null)
        {
            s.Missing?.Add("incidents");
            return Tri.Unknown;
        }
        // The unit row carries its own incidents; without a unit nothing is evaluated (the walk stops first).
        foreach (var inc in s.Unit?.Incidents ?? [])
        {
            if (inc.Kind != i.Kind) continue;
            var first = inc.Confirmed.PlusDays(i.StartOffset);
            if (s.Date >= first && s.Date <= first.PlusDays(i.Days - 1)) return Tri.True;
        }
        return Tri.False;
    };

    private static Func<EvalScope, Tri> Test(TestCondition t)
    {
        var read = Reader(t.Field);
        var test = Comparison(t.Op, [.. t.Values]);
        return s => read(s) is { } v ? test(v) : Tri.Unknown;
    }

    /// <summary>Reads a field for the scope's employee: the fact, else its default, else null (recording the path when asked).</summary>
    private static Func<EvalScope, FactValue?> Reader(FieldRef f)
    {
        var slot = f.Slot;
        var fallback = f.Default;
        var key = f.Key;
        switch (f.Entity)
        {
            case Entity.Employee:
                return s =>
                {
                    var e = s.Employee!;
                    var slots = e.Slots;
                    if ((uint)slot < (uint)slots.Length && slots[slot] is { } v) return v;
                    if (fallback is null) s.Missing?.Add($"employees[{e.Facts.Id}].{key}");
                    return fallback;
                };
            case Entity.Unit or Entity.TopUnit:
                var top = f.Entity == Entity.TopUnit;
                return s =>
                {
                    var u = top ? s.TopUnit : s.Unit;
                    if (u is null) { s.Missing?.Add($"employees[{s.Employee?.Facts.Id}].unit"); return null; }
                    var slots = u.Slots;
                    if ((uint)slot < (uint)slots.Length && slots[slot] is { } v) return v;
                    if (fallback is null) s.Missing?.Add($"units[{u.Facts.Id}].{key}");
                    return fallback;
                };
            default:
                var series = f.Series!;
                return s =>
                {
                    var v = StatusValue(s, series, key) ?? fallback;
                    if (v is null) s.Missing?.Add($"regions.{s.Region}.{series}");
                    return v;
                };
        }
    }

    private static readonly BoolFact ActiveByDefault = new(true);

    private static FactValue? StatusValue(EvalScope s, string series, string field)
    {
        if (!s.Index.Status.TryGetValue(s.Region, out var status) || !status.Series.TryGetValue(series, out var entries)) return null;
        StatusEntry? current = null;
        foreach (var entry in entries)
        {
            if (entry.From > s.Date) break;
            current = entry;
        }
        if (current is null) return null;
        if (current.Values.TryGetValue(field, out var v)) return v;
        // An entry stands for an active status unless it says "active: false".
        return field == "active" ? ActiveByDefault : null;
    }

    /// <summary>The test of a comparison against typed values; a value of another type than declared is unknown.</summary>
    private static Func<FactValue, Tri> Comparison(CompareOp op, FactValue[] values)
    {
        var first = values.Length > 0 ? values[0] : null;
        return op switch
        {
            CompareOp.Eq => v => Equal(v, first!),
            CompareOp.Ne => v => Negate(Equal(v, first!)),
            CompareOp.In => v => AnyEqual(v, values),
            CompareOp.NotIn => v => Negate(AnyEqual(v, values)),
            CompareOp.Has => v => v is CodeSetFact set ? Of(set.Contains(((CodeFact)first!).Code)) : Tri.Unknown,
            CompareOp.HasAny => v => v is CodeSetFact set ? Of(ContainsAny(set, values)) : Tri.Unknown,
            _ => NumberComparison(op, ((NumberFact)first!).Value),
        };
    }

    private static Func<FactValue, Tri> NumberComparison(CompareOp op, decimal bound) => op switch
    {
        CompareOp.Lt => v => v is NumberFact n ? Of(n.Value < bound) : Tri.Unknown,
        CompareOp.Le => v => v is NumberFact n ? Of(n.Value <= bound) : Tri.Unknown,
        CompareOp.Gt => v => v is NumberFact n ? Of(n.Value > bound) : Tri.Unknown,
        _ => v => v is NumberFact n ? Of(n.Value >= bound) : Tri.Unknown,
    };

    private static Tri Of(bool b) => b ? Tri.True : Tri.False;

    private static Tri Negate(Tri t) => t switch { Tri.True => Tri.False, Tri.False => Tri.True, _ => Tri.Unknown };

    private static bool ContainsAny(CodeSetFact set, FactValue[] codes)
    {
        foreach (var c in codes)
        {
            if (set.Contains(((CodeFact)c).Code)) return true;
        }
        return false;
    }

    private static Tri AnyEqual(FactValue v, FactValue[] values)
    {
        foreach (var x in values)
        {
            var r = Equal(v, x);
            if (r != Tri.False) return r;
        }
        return Tri.False;
    }

    /// <summary>Equality of a fact with a typed literal; codes of the model compare by number.</summary>
    private static Tri Equal(FactValue v, FactValue literal) => (v, literal) switch
    {
        (CodeFact a, CodeFact b) => Of(a.Number >= 0 ? a.Number == b.Number : a.Code == b.Code),
        (BoolFact a, BoolFact b) => Of(a.Value == b.Value),
        (NumberFact a, NumberFact b) => Of(a.Value == b.Value),
        _ => Tri.Unknown,
    };
}
