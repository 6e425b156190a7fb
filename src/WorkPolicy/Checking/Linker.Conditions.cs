using System.Collections.Immutable;
using System.Runtime.CompilerServices;
using WorkPolicy.Ast;
using WorkPolicy.Diagnostics;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Checking;

internal sealed partial class Linker
{
    /// <summary>Most definitions one definition may go through before its body is refused as too deep.</summary>
    private const int MaxDefinitionNesting = 16;
    private readonly HashSet<string> _building = new(StringComparer.Ordinal);

    /// <summary>
    /// Most tests a definition may make once the definitions it uses are written out: the interpreter, the compiled
    /// delegates and the generated C# all evaluate a definition where it is used, so a definition using the one before
    /// twice, forty times over, is 2^40 tests a decision — a rule file that hangs every verb. Real definitions make a few.
    /// </summary>
    internal const int MaxExpandedTests = 4096;

    // The written-out size of each definition body checked so far (shared bodies: each counted once here).
    private readonly Dictionary<Condition, int> _expandedTests = new(ReferenceEqualityComparer.Instance);
    private static readonly ConstCondition Nothing = new(false, SourceSpan.None);

    /// <summary>
    /// The checked form of <paramref name="expr"/>; errors are reported and a placeholder stands in,
    /// so one pass reports every error (the model is dropped when there is any).
    /// </summary>
    private Condition Condition(Expr expr, bool employeeContext)
    {
        // Expression depth is capped by the loaders and definition nesting here; this is the backstop.
        if (!RuntimeHelpers.TryEnsureSufficientExecutionStack())
        {
            Report(DiagnosticMessages.ConditionNestsTooDeeply, expr.Span);
            return Nothing;
        }
        switch (expr)
        {
            case ConstExpr c:
                return new ConstCondition(c.Value, c.Span);
            case NotExpr n:
                return new NotCondition(Condition(n.Operand, employeeContext), n.Span);
            case AndExpr a:
                return new JunctionCondition(true, [.. a.Operands.Select(o => Condition(o, employeeContext))], a.Span);
            case OrExpr o:
                return new JunctionCondition(false, [.. o.Operands.Select(x => Condition(x, employeeContext))], o.Span);
            case NameExpr { IsFieldPath: false } n:
                if (!employeeContext)
                {
                    Report(DiagnosticMessages.PeriodEndTestsOnlyRegionStatus, n.Span, n.Name);
                    return Nothing;
                }
                return _vocabulary.Defines.ContainsKey(n.Name)
                    ? new DefinitionCondition(n.Name, Define(n.Name, n.Span), n.Span)
                    : Unknown(n);
            case NameExpr n:
                if (Field(n.Name, n.Span, employeeContext) is not { } bf) return Nothing;
                if (bf.Kind != FieldKind.Bool)
                {
                    Report(DiagnosticMessages.NotYesNoField, n.Span, n.Name);
                    return Nothing;
                }
                return new TestCondition(bf, CompareOp.Eq, [new BoolFact(true)], n.Span);
            case CompareExpr c:
                return Compare(c, employeeContext);
            case RankExpr r:
                return Rank(r, employeeContext);
            case IncidentExpr i:
                if (!employeeContext) Report(DiagnosticMessages.IncidentTestNeedsEmployeeUnit, i.Span);
                if (i.Days < 1) Report(DiagnosticMessages.IncidentClosureTooShort, i.Span);
                return new IncidentCondition(i.Kind, i.Days, i.StartOffset, i.Span) { WorkingDays = i.WorkingDays, TopUnit = i.TopUnit };
            default:
                Report(DiagnosticMessages.UnsupportedCondition, expr.Span, expr.GetType().Name);
                return Nothing;
        }
    }

    private Condition Unknown(NameExpr n)
    {
        Report(Suggest.Fix(n.Name, _vocabulary.Defines.Keys), DiagnosticMessages.NeitherFieldNorDefinition, n.Span, n.Name);
        return Nothing;
    }

    /// <summary>A definition's checked body, built once and shared by every use.</summary>
    private Condition Define(string name, SourceSpan usedAt)
    {
        if (_defines.TryGetValue(name, out var built)) return built;
        // A cycle was reported by CheckDefinitionCycles; a chain too long to build safely is reported here.
        if (_building.Contains(name)) return Nothing;
        if (_building.Count >= MaxDefinitionNesting)
        {
            Report(DiagnosticMessages.DefinitionChainTooLong, usedAt, name, MaxDefinitionNesting);
            return _defines[name] = Nothing;
        }
        _building.Add(name);
        var body = Condition(_vocabulary.Defines[name].Body, employeeContext: true);
        _building.Remove(name);
        if ((_expandedTests[body] = ExpandedTests(body)) > MaxExpandedTests)
        {
            Report(DiagnosticMessages.DefinitionTooLarge, _vocabulary.Defines[name].Span, name, MaxExpandedTests);
            body = Nothing;
        }
        return _defines[name] = body;
    }

    /// <summary>
    /// The tests <paramref name="c"/> makes with its definitions written out, counted up to just past
    /// <see cref="MaxExpandedTests"/>; a definition's body is counted once and remembered (linear, whatever it expands to).
    /// </summary>
    private int ExpandedTests(Condition c)
    {
        switch (c)
        {
            case DefinitionCondition d:
                if (!_expandedTests.TryGetValue(d.Body, out var known)) _expandedTests[d.Body] = known = ExpandedTests(d.Body);
                return known;
            case NotCondition n:
                return ExpandedTests(n.Operand);
            case JunctionCondition j:
                var sum = 0;
                foreach (var o in j.Operands) sum = Math.Min(MaxExpandedTests + 1, sum + ExpandedTests(o));
                return sum;
            case ConstCondition:
                return 0;
            default:
                return 1;
        }
    }

    private Condition Compare(CompareExpr c, bool employeeContext)
    {
        if (Field(c.Path, c.Span, employeeContext) is not { } f) return Nothing;
        if (c.Age) return Age(c, f);
        var ok = f.Kind switch
        {
            FieldKind.OneOf => c.Op is CompareOp.Eq or CompareOp.Ne or CompareOp.In or CompareOp.NotIn,
            FieldKind.SetOf => c.Op is CompareOp.Has or CompareOp.HasAny,
            FieldKind.Bool => c.Op is CompareOp.Eq or CompareOp.Ne,
            _ => c.Op is not (CompareOp.Has or CompareOp.HasAny),
        };
        if (!ok)
        {
            Report(DiagnosticMessages.OperatorDoesNotApply, c.Span, CompareOps.Word(c.Op), c.Path, KindWord(f.Kind));
            return Nothing;
        }
        var values = ImmutableArray.CreateBuilder<FactValue>(c.Values.Length);
        foreach (var lit in c.Values)
        {
            if (Typed(f.Decl, lit, c.Span) is { } v) values.Add(v);
        }
        return values.Count == c.Values.Length ? new TestCondition(f, c.Op, values.MoveToImmutable(), c.Span) : Nothing;
    }

    /// <summary><c>PATH in top N of unit|top-unit</c>: a ranked employee field, its level against the unit's.</summary>
    private Condition Rank(RankExpr r, bool employeeContext)
    {
        if (Field(r.Path, r.Span, employeeContext) is not { } f) return Nothing;
        var ranked = _layout.Ranked.IndexOf(_layout.Ranked.FirstOrDefault(x => x.Key == f.Key)!);
        if (f.Entity != Entity.Employee || f.Decl.Rank.IsEmpty || ranked < 0)
        {
            Report(DiagnosticMessages.RankOfUnranked, r.Span, r.Path);
            return Nothing;
        }
        if (r.Count < 1)
        {
            Report(DiagnosticMessages.RankCountTooSmall, r.Span, r.Count);
            return Nothing;
        }
        return new RankCondition(f, r.Count, r.TopUnit, ranked, r.Span);
    }

    /// <summary><c>age(PATH) OP N</c>: a date field, compared in whole years on the decision's date.</summary>
    private Condition Age(CompareExpr c, FieldRef f)
    {
        if (f.Kind != FieldKind.Date)
        {
            Report(DiagnosticMessages.AgeOfNonDate, c.Span, c.Path, KindWord(f.Kind));
            return Nothing;
        }
        if (c.Op is CompareOp.Has or CompareOp.HasAny)
        {
            Report(DiagnosticMessages.OperatorDoesNotApply, c.Span, CompareOps.Word(c.Op), $"age({c.Path})", "a number of years");
            return Nothing;
        }
        var years = ImmutableArray.CreateBuilder<FactValue>(c.Values.Length);
        foreach (var lit in c.Values)
        {
            if (lit.Kind == LiteralKind.Number && int.TryParse(lit.Text, System.Globalization.NumberStyles.AllowLeadingSign, System.Globalization.CultureInfo.InvariantCulture, out var n) && n is >= 0 and <= 200)
                years.Add(new NumberFact(n));
            else Report(DiagnosticMessages.AgeTakesYears, c.Span, c.Path, lit.Text);
        }
        return years.Count == c.Values.Length ? new TestCondition(f, c.Op, years.MoveToImmutable(), c.Span) { Age = true } : Nothing;
    }

    /// <summary>Resolves a path as written to entity, declaration, slot and default.</summary>
    private FieldRef? Field(string path, SourceSpan span, bool employeeContext)
    {
        var dot = path.IndexOf('.');
        var entityWord = dot < 0 ? path : path[..dot];
        if (!employeeContext && entityWord != "region")
        {
            Report(DiagnosticMessages.PeriodEndTestsOnlyRegionStatus, span, path);
            return null;
        }
        if (_vocabulary.FieldOf(path) is not { } decl)
        {
            Report(Suggest.Fix(path, _vocabulary.Fields.Keys), DiagnosticMessages.FieldUndeclared, span, path);
            return null;
        }
        var key = path[(dot + 1)..];
        var fallback = _defaults.GetValueOrDefault(decl.Path);
        switch (entityWord)
        {
            case "employee" when key.StartsWith(PersonalSeries.Prefix, StringComparison.Ordinal):
                // employee.status.<series>.<field>: a personal fact read on the decision's date.
                var (personal, personalField) = PersonalSeries.Split(key);
                return new FieldRef(path, Entity.EmployeeStatus, personalField, decl, -1, personal, fallback);
            case "employee":
                return new FieldRef(path, Entity.Employee, key, decl, _layout.EmployeeSlot(key), null, fallback);
            case "unit":
                return new FieldRef(path, Entity.Unit, key, decl, _layout.UnitSlot(key), null, fallback);
            case "top-unit":
                return new FieldRef(path, Entity.TopUnit, key, decl, _layout.UnitSlot(key), null, fallback);
            default:
                // region.<name>, where regions declare the attribute <name>: the value the region always has.
                if (_attributes.TryGetValue(key, out var values))
                    return new FieldRef(path, Entity.RegionAttribute, key, decl, -1, null, fallback) { Values = values };
                // region.<series>.<field>; a bare region.<series> reads whether the series is active.
                var seriesDot = key.IndexOf('.');
                var series = seriesDot < 0 ? key : key[..seriesDot];
                var field = seriesDot < 0 ? "active" : key[(seriesDot + 1)..];
                return new FieldRef(path, Entity.Region, field, decl, -1, series, fallback);
        }
    }

    private static string KindWord(FieldKind k) => k switch
    {
        FieldKind.OneOf => "one of a list",
        FieldKind.SetOf => "a set",
        FieldKind.Bool => "yes/no",
        FieldKind.Date => "a date",
        _ => "a number",
    };
}
