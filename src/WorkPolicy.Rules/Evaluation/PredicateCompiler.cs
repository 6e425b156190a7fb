using System.Collections.Immutable;
using System.Globalization;
using WorkPolicy.Rules.Ast;
using WorkPolicy.Rules.Facts;

namespace WorkPolicy.Rules.Evaluation;

/// <summary>Compiles expressions once into delegates over an <see cref="EvalScope"/>.</summary>
internal sealed class PredicateCompiler
{
    private readonly RuleSet _rules;
    private readonly Dictionary<string, Func<EvalScope, Tri>> _defines = new(StringComparer.Ordinal);

    public PredicateCompiler(RuleSet rules) => _rules = rules;

    public Func<EvalScope, Tri> Compile(Expr expr)
    {
        // Expression depth is capped by the loaders (ExprWalk.MaxDepth), so this recursion is bounded.
        System.Runtime.CompilerServices.RuntimeHelpers.EnsureSufficientExecutionStack();
        return expr switch
        {
            ConstExpr c => c.Value ? static _ => Tri.True : static _ => Tri.False,
            NameExpr { IsFieldPath: false } n => Define(n.Name),
            NameExpr n => CompileTest(n.Name, CompareOp.Eq, [new Literal(LiteralKind.Bool, "true")]),
            CompareExpr c => CompileTest(c.Path, c.Op, c.Values),
            NotExpr n => Not(Compile(n.Operand)),
            AndExpr a => Junction([.. a.Operands.Select(Compile)], isAnd: true),
            OrExpr o => Junction([.. o.Operands.Select(Compile)], isAnd: false),
            IncidentExpr i => Incident(i),
            _ => throw new InvalidOperationException($"unknown expression {expr.GetType().Name}"),
        };
    }

    private Func<EvalScope, Tri> Define(string name)
    {
        if (_defines.TryGetValue(name, out var f)) return f;
        // Placeholder breaks self-reference; the validator reports cycles before compilation.
        Func<EvalScope, Tri>? compiled = null;
        _defines[name] = s => compiled!(s);
        compiled = Compile(_rules.Defines[name].Body);
        _defines[name] = compiled;
        return compiled;
    }

    private static Func<EvalScope, Tri> Not(Func<EvalScope, Tri> inner) => s => inner(s) switch
    {
        Tri.True => Tri.False,
        Tri.False => Tri.True,
        _ => Tri.Unknown,
    };

    private static Func<EvalScope, Tri> Junction(Func<EvalScope, Tri>[] parts, bool isAnd)
    {
        var decisive = isAnd ? Tri.False : Tri.True;
        var neutral = isAnd ? Tri.True : Tri.False;
        return s =>
        {
            // First pass without recording, so unknowns that do not matter are never reported.
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

    private static Func<EvalScope, Tri> Incident(IncidentExpr i) => s =>
    {
        if (s.Index.Facts.Incidents is null)
        {
            s.Missing?.Add("incidents");
            return Tri.Unknown;
        }
        // The unit row carries its own incidents. Without a unit row nothing is evaluated: the decision is
        // indeterminate before any condition runs.
        foreach (var inc in s.Unit?.Incidents ?? [])
        {
            if (inc.Kind != i.Kind) continue;
            var first = inc.Confirmed.PlusDays(i.StartOffset);
            if (s.Date >= first && s.Date <= first.PlusDays(i.Days - 1)) return Tri.True;
        }
        return Tri.False;
    };

    private Func<EvalScope, Tri> CompileTest(string path, CompareOp op, ImmutableArray<Literal> values)
    {
        var getter = Getter(path);
        var test = Test(op, values);
        return s =>
        {
            var v = getter(s);
            return v is null ? Tri.Unknown : test(v);
        };
    }

    private Func<EvalScope, FactValue?> Getter(string path)
    {
        var dot = path.IndexOf('.');
        var entity = path[..dot];
        var key = path[(dot + 1)..];
        var declPath = entity == "top-unit" ? "unit." + key : path;
        var fallback = _rules.Fields.TryGetValue(declPath, out var decl) && decl.Default is { } d ? DefaultValue(decl, d) : null;
        var slot = FieldKeys.Intern(key);
        switch (entity)
        {
            case "employee":
                return s =>
                {
                    var e = s.Employee;
                    if (e is null) return null;
                    var slots = e.Slots;
                    if ((uint)slot < (uint)slots.Length && slots[slot] is { } v) return v;
                    if (fallback is null) s.Missing?.Add($"employees[{e.Facts.Id}].{key}");
                    return fallback;
                };
            case "unit":
            case "top-unit":
                var top = entity == "top-unit";
                return s =>
                {
                    var u = top ? s.TopUnit : s.Unit;
                    if (u is null) { s.Missing?.Add($"employees[{s.Employee?.Facts.Id}].unit"); return null; }
                    var slots = u.Slots;
                    if ((uint)slot < (uint)slots.Length && slots[slot] is { } v) return v;
                    if (fallback is null) s.Missing?.Add($"units[{u.Facts.Id}].{key}");
                    return fallback;
                };
            case "region":
                var seriesDot = key.IndexOf('.');
                var series = seriesDot < 0 ? key : key[..seriesDot];
                var field = seriesDot < 0 ? "active" : key[(seriesDot + 1)..];
                return s =>
                {
                    var v = StatusValue(s, series, field);
                    if (v is null) s.Missing?.Add($"regions.{s.Region}.{series}");
                    return v;
                };
            default:
                return _ => null;
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

    private static FactValue? DefaultValue(FieldDecl decl, ImmutableArray<Literal> d) => decl.Kind switch
    {
        FieldKind.SetOf => new CodeSetFact([.. d.Select(l => l.Text).Order(StringComparer.Ordinal)]),
        FieldKind.OneOf when d.Length == 1 => new CodeFact(d[0].Text),
        FieldKind.Bool when d.Length == 1 => new BoolFact(d[0].Text == "true"),
        FieldKind.Number when d.Length == 1 && decimal.TryParse(d[0].Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) => new NumberFact(n),
        _ => null,
    };

    private static Func<FactValue, Tri> Test(CompareOp op, ImmutableArray<Literal> values)
    {
        var texts = values.Select(v => v.Text).ToArray();
        var numbers = values.Select(v => decimal.TryParse(v.Text, NumberStyles.Number, CultureInfo.InvariantCulture, out var n) ? n : 0m).ToArray();
        var first = texts.Length > 0 ? texts[0] : "";
        var firstNumber = numbers.Length > 0 ? numbers[0] : 0m;
        return op switch
        {
            CompareOp.Eq => v => Of(Equal(v, first, firstNumber)),
            CompareOp.Ne => v => Of(!Equal(v, first, firstNumber)),
            CompareOp.In => v => Of(AnyEqual(v, texts, numbers)),
            CompareOp.NotIn => v => Of(!AnyEqual(v, texts, numbers)),
            CompareOp.Has => v => v is CodeSetFact set ? Of(set.Contains(first)) : Tri.Unknown,
            CompareOp.HasAny => v => v is CodeSetFact set ? Of(ContainsAny(set, texts)) : Tri.Unknown,
            _ => v => v is NumberFact n ? Of(CompareNumbers(op, n.Value, firstNumber)) : Tri.Unknown,
        };
    }

    private static Tri Of(bool b) => b ? Tri.True : Tri.False;

    private static bool ContainsAny(CodeSetFact set, string[] codes)
    {
        foreach (var c in codes)
        {
            if (set.Contains(c)) return true;
        }
        return false;
    }

    private static bool AnyEqual(FactValue v, string[] texts, decimal[] numbers)
    {
        for (var i = 0; i < texts.Length; i++)
        {
            if (Equal(v, texts[i], numbers[i])) return true;
        }
        return false;
    }

    private static bool Equal(FactValue v, string text, decimal number) => v switch
    {
        CodeFact c => c.Code == text,
        BoolFact b => b.Value == (text == "true"),
        NumberFact n => n.Value == number,
        _ => false,
    };

    private static bool CompareNumbers(CompareOp op, decimal a, decimal b) => op switch
    {
        CompareOp.Lt => a < b,
        CompareOp.Le => a <= b,
        CompareOp.Gt => a > b,
        _ => a >= b,
    };
}
