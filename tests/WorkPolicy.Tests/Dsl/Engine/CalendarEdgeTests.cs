using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The first and last days of the calendar are days like any other: deciding, explaining and asking for missing facts
/// on them, incidents confirmed on them, never step past the calendar's end (the service answered 500 to
/// <c>{"on":"9999-12-31"}</c>: its loop asked for the day after).
/// </summary>
public class CalendarEdgeTests
{
    [Fact]
    public void The_calendars_first_and_last_days_are_decided_explained_and_asked_about()
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars")).Value!;
        var facts = engine.Facts.Load(Repo.Path("samples", "facts", "personas.facts.yaml")).Value!;
        foreach (var day in new[] { LocalDate.MinIsoValue, LocalDate.MaxIsoValue, LocalDate.MaxIsoValue.PlusDays(-1) })
        foreach (var employee in facts.Employees)
        {
            engine.Decide(facts, employee, day).Date.Should().Be(day);
            engine.Explain(facts, employee, day).Decision.Date.Should().Be(day);
        }
        engine.Analysis.MissingFacts(facts, LocalDate.MaxIsoValue.PlusDays(-3), LocalDate.MaxIsoValue).Should().NotBeNull();
        engine.DecideAll(facts, LocalDate.MaxIsoValue.PlusDays(-2), LocalDate.MaxIsoValue).Count().Should().Be(3 * facts.Employees.Count);
    }

    [Theory]
    [InlineData("for 3 days from day-after")]
    [InlineData("for 3 working days from day-after")]
    public void An_incident_confirmed_on_the_calendars_last_day_is_read_without_overflow(string window)
    {
        var vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));
        var circular = $$"""
            circular open {
              number "1/2021"
              issuer "Wali Kota Palopo"
              region kota-palopo
              period from 2021-01-01
              provision closed-after-a-case {
                cite "1" "ditutup"
                scope incident positive-case {{window}}
                mode home
              }
            }
            """;
        var engine = PolicyEngine.Load([new RuleSource("vocabulary.wp", vocabulary), new RuleSource("open.wp", circular)], LoadOptions.Lenient).Value!;
        foreach (var confirmed in new[] { LocalDate.MaxIsoValue, LocalDate.MaxIsoValue.PlusDays(-1) })
        {
            var facts = engine.Facts.Build(new FactsBuilder("edge").Unit("u", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" })
                .Employee("e-1", "u", new() { ["employment"] = "pns", ["position"] = "pelaksana" }).Incident("positive-case", "u", confirmed)).Value!;
            engine.Decide(facts, "e-1", LocalDate.MaxIsoValue).Mode.Should().Be(confirmed == LocalDate.MaxIsoValue ? WorkMode.NotCovered : WorkMode.Home);
            engine.Decide(facts, "e-1", new LocalDate(2021, 7, 30)).Mode.Should().Be(WorkMode.NotCovered, "a case far ahead changes nothing now");
        }
    }
}
