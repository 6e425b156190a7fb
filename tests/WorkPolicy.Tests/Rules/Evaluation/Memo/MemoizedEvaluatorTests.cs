using System.Collections.Immutable;
using FluentAssertions;
using NodaTime;
using WorkPolicy.Facts;
using WorkPolicy.Ast;
using WorkPolicy.Evaluation;
using WorkPolicy.Evaluation.Memo;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Verdicts remembered by decision key are the verdicts the full evaluation gives: on a generated
/// population, on the same population with facts dropped and codes swapped at random, and on the personas.
/// </summary>
public class MemoizedEvaluatorTests
{
    private static readonly LocalDate[] Dates =
    [
        new(2020, 7, 29), new(2020, 8, 3), new(2020, 8, 12), new(2020, 8, 13), new(2020, 8, 15), new(2021, 6, 28),
        new(2021, 7, 7), new(2021, 7, 20), new(2021, 7, 30), new(2021, 7, 31), new(2021, 8, 24), new(2022, 12, 30),
    ];

    private static CompiledRules Rules => SamplePopulation.Rules;

    private static FactsFile Generated(int employees, int seed) => SamplePopulation.Facts(employees, seed);

    /// <summary>Each employee loses a field or gets another code (named or not) with some chance.</summary>
    private static FactsFile Damaged(FactsFile facts, int seed)
    {
        var random = new Random(seed);
        var codes = Rules.Model.Vocabulary.Fields.Values.Where(f => f.Kind == FieldKind.OneOf).SelectMany(f => f.Codes).Append("unheard-of").ToArray();
        var employees = facts.Employees.Select(e =>
        {
            var fields = e.Fields.ToDictionary(kv => kv.Key, kv => kv.Value, StringComparer.Ordinal);
            foreach (var key in fields.Keys.ToList())
            {
                var roll = random.Next(10);
                if (roll == 0) fields.Remove(key);
                else if (roll == 1 && fields[key] is CodeFact) fields[key] = new CodeFact(codes[random.Next(codes.Length)]);
                else if (roll == 2 && fields[key] is BoolFact b) fields[key] = new BoolFact(!b.Value);
            }
            if (random.Next(20) == 0) fields["tier"] = new NumberFact(random.Next(0, 6));
            return e with { Fields = fields };
        });
        return facts with { Employees = [.. employees] };
    }

    private static void AssertSameVerdicts(CompiledRules rules, FactIndex index, bool dateMajor)
    {
        var memo = new MemoizedEvaluator(new Evaluator(rules, index));
        var full = new Evaluator(rules, index);
        var modes = new HashSet<WorkMode>();
        var checkedCount = 0;
        void Check(EmployeeRow row, LocalDate date)
        {
            var expected = full.Classify(row, date);
            memo.Classify(row, date).Should().Be(expected, $"{row.Facts.Id} on {date}");
            modes.Add(expected.Mode);
            checkedCount++;
        }
        if (dateMajor)
        {
            foreach (var d in Dates) foreach (var r in index.Employees) Check(r, d);
        }
        else
        {
            foreach (var r in index.Employees) foreach (var d in Dates) Check(r, d);
        }
        checkedCount.Should().Be(Dates.Length * index.Employees.Length);
        modes.Should().Contain([WorkMode.Office, WorkMode.Rotation, WorkMode.DayOff, WorkMode.NotCovered]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Remembered_verdicts_equal_full_evaluation_on_a_generated_population(bool dateMajor)
    {
        var rules = Rules;
        AssertSameVerdicts(rules, SamplePopulation.Index(Generated(2000, seed: 5)), dateMajor);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    [InlineData(3)]
    public void Remembered_verdicts_equal_full_evaluation_when_facts_are_missing_or_odd(int seed)
    {
        var rules = Rules;
        var index = SamplePopulation.Index(Damaged(Generated(2000, seed), seed));
        AssertSameVerdicts(rules, index, dateMajor: seed % 2 == 0);
        var full = new Evaluator(rules, index);
        index.Employees.Select(r => full.Classify(r, Dates[8]).Mode).Should().Contain(WorkMode.Indeterminate, "dropped facts must make some decisions indeterminate");
    }

    [Fact]
    public void Remembered_verdicts_equal_full_evaluation_for_the_personas()
    {
        var rules = Rules;
        var facts = FactsLoader.Load(Repo.Path("samples", "facts", "personas.facts.yaml"), File.ReadAllText(Repo.Path("samples", "facts", "personas.facts.yaml")), Rules.Model.Vocabulary);
        facts.Diagnostics.Should().BeEmpty();
        AssertSameVerdicts(rules, SamplePopulation.Index(facts.Facts!), dateMajor: true);
    }

    [Fact]
    public void A_row_laid_out_outside_the_index_is_decided_in_full()
    {
        var rules = Rules;
        var index = SamplePopulation.Index(Generated(50, seed: 9));
        var evaluator = new MemoizedEvaluator(new Evaluator(rules, index));
        var full = new Evaluator(rules, index);
        foreach (var original in index.Facts.Employees.Take(20))
        {
            var row = index.Row(original with { Id = "not-indexed" });
            row.Should().NotBeSameAs(index.Row(original));
            foreach (var d in Dates) evaluator.Classify(row, d).Should().Be(full.Classify(row, d), $"{original.Id} on {d}");
        }
    }

    [Fact]
    public void Past_the_cap_on_day_plans_verdicts_stay_those_of_full_evaluation()
    {
        var rules = Rules;
        var index = SamplePopulation.Index(Generated(60, seed: 12));
        var memo = new MemoizedEvaluator(new Evaluator(rules, index));
        var full = new Evaluator(rules, index);
        // Seven regions × 800 days is more plans than one evaluator keeps.
        var days = new DateInterval(new LocalDate(2020, 6, 1), new LocalDate(2022, 8, 9)).ToList();
        days.Should().HaveCountGreaterThan(4096 / 6);
        foreach (var round in new[] { 1, 2 })
        {
            foreach (var d in days)
            {
                foreach (var r in index.Employees) memo.Classify(r, d).Should().Be(full.Classify(r, d), $"{r.Facts.Id} on {d}, round {round}");
            }
        }
    }
}
