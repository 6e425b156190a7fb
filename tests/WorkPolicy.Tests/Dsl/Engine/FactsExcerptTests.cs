using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// A record keeps the facts one decision read (<see cref="PolicyFacts.Excerpt"/>), written straight from the fact rows
/// with the surroundings of a top unit and date written once: decided alone under the same rules, each gives the very
/// decision the whole facts gave — over the samples' facts, the personas and a generated population, on days across
/// the circulars' periods.
/// </summary>
public class FactsExcerptTests
{
    private static readonly PolicyEngine Engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;

    private static readonly LocalDate[] Days =
    [
        new(2020, 3, 20), new(2020, 6, 8), new(2021, 1, 11), new(2021, 7, 5), new(2021, 7, 20), new(2021, 7, 30),
        new(2021, 8, 2), new(2021, 8, 27), new(2021, 8, 28), new(2021, 12, 31),
    ];

    public static TheoryData<string> FactsFiles => new() { "sample.facts.yaml", "personas.facts.yaml", "national.facts.yaml" };

    [Theory]
    [MemberData(nameof(FactsFiles))]
    public void Each_excerpt_decides_as_the_whole_facts_did(string file)
    {
        var facts = Engine.Facts.Load(Repo.Path("samples", "facts", file)).Value!;
        SameDecisions(facts).Should().BeGreaterThan(0);
    }

    [Fact]
    public void Each_excerpt_of_a_generated_population_decides_as_the_whole_facts_did()
    {
        var facts = Engine.Facts.Parse("generated", SyntheticFacts.Generate(300, 11, json: true)).Value!;
        SameDecisions(facts).Should().Be(300 * Days.Length);
    }

    [Fact]
    public void An_excerpt_holds_one_employee_and_only_what_started_by_the_date()
    {
        var facts = Engine.Facts.Load(Repo.Path("samples", "facts", "sample.facts.yaml")).Value!;
        var before = facts.Excerpt("e-001", new LocalDate(2021, 7, 5));
        var after = facts.Excerpt("e-001", new LocalDate(2021, 7, 30));
        using var early = System.Text.Json.JsonDocument.Parse(before);
        early.RootElement.GetProperty("employees").GetArrayLength().Should().Be(1);
        before.Should().NotContain("2021-07-26", "the level-4 entry starts after the date");
        after.Should().Contain("\"from\":\"2021-07-26\"");
        facts.Excerpt("e-001", new LocalDate(2021, 7, 30)).Should().Be(after, "the same text again, from the kept surroundings");
    }

    private static int SameDecisions(PolicyFacts facts)
    {
        var compared = 0;
        foreach (var employee in facts.Employees)
        foreach (var day in Days)
        {
            var whole = PolicyJson.Serialize(Engine.Decide(facts, employee, day), indented: false);
            var excerpt = Engine.Facts.Parse($"{employee}@{day}", facts.Excerpt(employee, day));
            excerpt.Value.Should().NotBeNull($"the excerpt of {employee} on {day} reads as facts: {string.Join("; ", excerpt.Diagnostics)}");
            PolicyJson.Serialize(Engine.Decide(excerpt.Value!, employee, day), indented: false).Should().Be(whole, $"{employee} on {day}");
            compared++;
        }
        return compared;
    }
}
