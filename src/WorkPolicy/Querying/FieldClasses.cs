using System.Collections.Immutable;
using NodaTime;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Model;

namespace WorkPolicy.Querying;

/// <summary>
/// What a class of an employee field's values is, as a query can ask it of a column: a code among some (or outside
/// them), a yes or no, a stretch of numbers or dates, which of some codes a set holds — or the field absent. A class
/// holds the absent field too when the field states a default that is in the class (absent is the default then).
/// </summary>
internal abstract record ClassTest
{
    /// <summary>Whether an absent field is in the class: its default is, or the class is "unknown" itself.</summary>
    public bool OrAbsent { get; init; }

    /// <summary>Whether <paramref name="value"/> (null: absent) is in the class; the tests hold the classes to the values this way.</summary>
    public abstract bool Holds(FactValue? value);
}

/// <summary>The field is absent (and states no default): unknown.</summary>
internal sealed record AbsentTest : ClassTest
{
    public override bool Holds(FactValue? value) => value is null;
}

/// <summary>One of <paramref name="Codes"/>, or (<paramref name="Outside"/>) any code but those.</summary>
internal sealed record CodeTest(ImmutableArray<string> Codes, bool Outside) : ClassTest
{
    public override bool Holds(FactValue? value) => value is null ? OrAbsent : value is CodeFact c && Codes.Contains(c.Code) != Outside;
}

/// <summary>Yes or no.</summary>
internal sealed record BoolTest(bool Value) : ClassTest
{
    public override bool Holds(FactValue? value) => value is null ? OrAbsent : value is BoolFact b && b.Value == Value;
}

/// <summary>A number within bounds (null: unbounded), each bound included or not.</summary>
internal sealed record NumberTest(decimal? Low, bool LowIncluded, decimal? High, bool HighIncluded) : ClassTest
{
    public override bool Holds(FactValue? value) => value is null ? OrAbsent : value is NumberFact n
        && (Low is not { } lo || (LowIncluded ? n.Value >= lo : n.Value > lo))
        && (High is not { } hi || (HighIncluded ? n.Value <= hi : n.Value < hi));
}

/// <summary>A date from <paramref name="From"/> to <paramref name="To"/> inclusive (null: unbounded).</summary>
internal sealed record DateTest(LocalDate? From, LocalDate? To) : ClassTest
{
    public override bool Holds(FactValue? value) => value is null ? OrAbsent : value is DateFact d && (From is not { } f || d.Value >= f) && (To is not { } t || d.Value <= t);
}

/// <summary>A set that holds at least one of <paramref name="Codes"/> (<paramref name="Any"/>), or none of them.</summary>
internal sealed record SetTest(ImmutableArray<string> Codes, bool Any) : ClassTest
{
    public override bool Holds(FactValue? value) => value is null ? OrAbsent : value is CodeSetFact s && Codes.Any(s.Contains) == Any;
}

/// <summary>
/// The outcome of a rank test (<c>employee.echelon in top 2 of unit</c>): it reads the levels the unit's staff hold, which a
/// database holds, so the residual asks each outcome and the query computes which one a row has.
/// </summary>
internal sealed record RankTest(RankCondition Rank, Evaluation.Tri Outcome) : ClassTest
{
    public override bool Holds(FactValue? value) => false;

    /// <summary>A rank test split three ways: true, false, unknown.</summary>
    public static ImmutableArray<FieldClass> Classes(RankCondition rank) =>
        [.. new[] { Evaluation.Tri.True, Evaluation.Tri.False, Evaluation.Tri.Unknown }.Select(t => new FieldClass(null, new RankTest(rank, t)))];
}

/// <summary>One class: the value that stands for it when deciding (null: the field absent), and its test.</summary>
internal sealed record FieldClass(FactValue? Representative, ClassTest Test);

/// <summary>
/// The classes of one employee field for the tests the rules make of it on a date: values in one class are alike to
/// every test (so one of them, decided, answers for all), and the classes cover every value and the field's absence
/// once each. Codes the tests name each make a class and the others one more; numbers are cut at every value a test
/// names; dates at every date a test names and, for ages, at the last birth date that gives each age on the date.
/// </summary>
internal static class FieldClasses
{
    /// <summary>
    /// The ways <paramref name="field"/> is split for <paramref name="tests"/>: one list of classes for a single value;
    /// for a set, one per group of codes the tests name alike (a code is asked by the same tests as the others of its
    /// group, and a test asks whether the set holds any of its codes), each split into "holds one of them" and "holds none".
    /// </summary>
    public static IEnumerable<ImmutableArray<FieldClass>> Of(FieldRef field, IReadOnlyList<TestCondition> tests, LocalDate on)
    {
        if (field.Kind == FieldKind.SetOf)
        {
            foreach (var group in Groups(tests)) yield return WithAbsence(field, [new FieldClass(new CodeSetFact([group[0]]), new SetTest(group, Any: true)), new FieldClass(new CodeSetFact([]), new SetTest(group, Any: false))]);
            yield break;
        }
        yield return WithAbsence(field, field.Kind switch
        {
            FieldKind.OneOf => Codes(field, tests),
            FieldKind.Bool => [new FieldClass(new BoolFact(true), new BoolTest(true)), new FieldClass(new BoolFact(false), new BoolTest(false))],
            FieldKind.Number => Numbers(tests.SelectMany(t => t.Values.OfType<NumberFact>()).Select(n => n.Value)),
            _ => Dates(tests, on),
        });
    }

    private static ImmutableArray<FieldClass> WithAbsence(FieldRef field, ImmutableArray<FieldClass> classes)
    {
        if (field.Default is { } fallback)
        {
            // Absent is the default: the class that holds the default holds absence too, and there is no class of its own.
            var list = classes.ToList();
            var at = list.FindIndex(c => c.Test.Holds(fallback));
            list[at] = list[at] with { Test = list[at].Test with { OrAbsent = true } };
            return [.. list];
        }
        return classes.Add(new FieldClass(null, new AbsentTest { OrAbsent = true }));
    }

    private static ImmutableArray<FieldClass> Codes(FieldRef field, IReadOnlyList<TestCondition> tests)
    {
        var named = tests.SelectMany(t => t.Values.OfType<CodeFact>()).Select(c => c.Code).Distinct().Order(StringComparer.Ordinal).ToImmutableArray();
        var classes = named.Select(c => new FieldClass(new CodeFact(c), new CodeTest([c], Outside: false))).ToList();
        if (field.Decl.Codes.FirstOrDefault(c => !named.Contains(c)) is { } other) classes.Add(new FieldClass(new CodeFact(other), new CodeTest(named, Outside: true)));
        return [.. classes];
    }

    private static ImmutableArray<FieldClass> Numbers(IEnumerable<decimal> named)
    {
        var cuts = named.Distinct().Order().ToList();
        if (cuts.Count == 0) return [new FieldClass(new NumberFact(0), new NumberTest(null, false, null, false))];
        var classes = new List<FieldClass> { new(new NumberFact(cuts[0] - 1), new NumberTest(null, false, cuts[0], false)) };
        for (var i = 0; i < cuts.Count; i++)
        {
            classes.Add(new FieldClass(new NumberFact(cuts[i]), new NumberTest(cuts[i], true, cuts[i], true)));
            var next = i + 1 < cuts.Count ? cuts[i + 1] : (decimal?)null;
            classes.Add(new FieldClass(new NumberFact(next is { } n ? (cuts[i] + n) / 2 : cuts[i] + 1), new NumberTest(cuts[i], false, next, false)));
        }
        return [.. classes];
    }

    private static ImmutableArray<FieldClass> Dates(IReadOnlyList<TestCondition> tests, LocalDate on)
    {
        // Each cut starts a class: a date a test names starts one and ends it the day after; an age N on the date
        // starts one the day after the last birth date that gives N years (and N + 1, for tests of N exactly).
        var cuts = new SortedSet<LocalDate>();
        foreach (var t in tests)
        {
            if (t.Age)
            {
                foreach (var n in t.Values.OfType<NumberFact>().Select(v => (int)decimal.Clamp(decimal.Floor(v.Value), 0, 200)))
                {
                    cuts.Add(LastBornAged(n, on).PlusDays(1));
                    cuts.Add(LastBornAged(n + 1, on).PlusDays(1));
                }
                continue;
            }
            foreach (var d in t.Values.OfType<DateFact>())
            {
                cuts.Add(d.Value);
                cuts.Add(d.Value.PlusDays(1));
            }
        }
        if (cuts.Count == 0) return [new FieldClass(new DateFact(on), new DateTest(null, null))];
        var list = cuts.ToList();
        var classes = new List<FieldClass> { new(new DateFact(list[0].PlusDays(-1)), new DateTest(null, list[0].PlusDays(-1))) };
        for (var i = 0; i < list.Count; i++)
            classes.Add(new FieldClass(new DateFact(list[i]), new DateTest(list[i], i + 1 < list.Count ? list[i + 1].PlusDays(-1) : null)));
        return [.. classes];
    }

    /// <summary>
    /// The last birth date that is <paramref name="years"/> whole years old on <paramref name="on"/>, by the very age
    /// the rules compute (<see cref="ConditionCompiler.Ops.Years"/>, one meaning of an age): ages fall as birth dates
    /// rise, so a search over the few days around the calendar guess finds it.
    /// </summary>
    internal static LocalDate LastBornAged(int years, LocalDate on)
    {
        var guess = on.PlusYears(-years);
        for (var d = guess.PlusDays(3); d >= guess.PlusDays(-3); d = d.PlusDays(-1))
            if (ConditionCompiler.Ops.Years(d, on) >= years) return d;
        return guess;
    }

    /// <summary>The codes the tests ask of a set, grouped by the tests that ask them (in first-asked order).</summary>
    private static List<ImmutableArray<string>> Groups(IReadOnlyList<TestCondition> tests)
    {
        var askedBy = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var i = 0; i < tests.Count; i++)
            foreach (var code in tests[i].Values.OfType<CodeFact>().Select(c => c.Code))
            {
                if (!askedBy.TryGetValue(code, out var by)) askedBy[code] = by = [];
                if (!by.Contains(i)) by.Add(i);
            }
        return [.. askedBy.GroupBy(kv => string.Join(",", kv.Value), StringComparer.Ordinal)
            .Select(g => g.Select(kv => kv.Key).Order(StringComparer.Ordinal).ToImmutableArray())];
    }
}
