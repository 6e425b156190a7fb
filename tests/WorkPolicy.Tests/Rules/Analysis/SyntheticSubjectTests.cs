using FluentAssertions;
using NodaTime;
using WorkPolicy.Analysis;
using WorkPolicy.Evaluation;
using WorkPolicy.Facts;
using WorkPolicy.Loading;
using WorkPolicy.Model;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The analysis's synthetic employee is laid out without a new index where no region status, personal series or
/// incident is chosen (an optimisation): every condition of the samples' circulars answers for it as for the index of
/// the same synthetic facts, the reference, over every combination the searches try (up to a bound per circular).
/// </summary>
public class SyntheticSubjectTests
{
    [Theory]
    [InlineData("")]
    [InlineData("national")]
    [InlineData("depok")]
    [InlineData("boyolali")]
    public void The_fast_synthetic_employee_answers_every_condition_as_the_indexed_one(string folder)
    {
        var model = RuleLoader.LoadRuleSet([Repo.Path("samples", "circulars", folder)]).Model!;
        var probe = new LocalDate(2000, 1, 3);
        var compared = 0;
        foreach (var c in model.Circulars)
        {
            var roots = c.Deciding.Concat(c.Attaching).Select(p => p.Scope).ToList();
            var dims = ConflictChecker.Dimensions(model, roots);
            var conditions = roots.OfType<Condition>().Concat(Conditions.Leaves(roots)).ToList();
            foreach (var region in c.Regions.Order(StringComparer.Ordinal).Take(2))
            foreach (var choice in Choices(dims).Take(300))
            {
                var fast = ConflictChecker.Synthetic(model, region, dims, choice);
                var index = new FactIndex(ConflictChecker.SyntheticFacts(region, dims, choice, probe), model.Layout);
                var reference = new DecisionSubject(index) { Date = probe };
                reference.SetEmployee(index.Employees[0]);
                foreach (var condition in conditions)
                    ConditionInterpreter.Evaluate(condition, fast).Should().Be(ConditionInterpreter.Evaluate(condition, reference), $"{c.Id} in {region}, choice {string.Join(",", choice)}");
                compared++;
            }
        }
        compared.Should().BeGreaterThan(10);
    }

    /// <summary>Every combination of the dimensions' candidates (and "left out", -1), in order.</summary>
    private static IEnumerable<int[]> Choices(List<ConflictChecker.Dimension> dims)
    {
        var choice = Enumerable.Repeat(-1, dims.Count).ToArray();
        while (true)
        {
            yield return (int[])choice.Clone();
            var k = 0;
            while (k < dims.Count && ++choice[k] == dims[k].Candidates.Length) choice[k++] = -1;
            if (k == dims.Count) yield break;
        }
    }
}
