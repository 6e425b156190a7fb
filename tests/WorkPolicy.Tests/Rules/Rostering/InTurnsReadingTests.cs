using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The sample that uses a floor, a cycle and duties of the day in one circular (samples/circulars/readings/in-turns:
/// Palopo read with point 3's turns as one office day in four, point 4 as a floor of one person, point 5 a duty of the
/// days at home): its roster keeps every member to the cycle and every day to the floor, its own check holds it, and
/// attendance asks the check-ins of the home days only.
/// </summary>
public class InTurnsReadingTests
{
    private static readonly LocalDate Monday = new(2021, 8, 2), Friday = new(2021, 8, 13);

    private static (PolicyEngine Engine, PolicyFacts Facts) Load(int members)
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars", "readings", "in-turns")).Value!;
        var builder = new FactsBuilder("staff")
            .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
            .Calendar([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], [new LocalDate(2021, 8, 11)])
            .Unit("bappeda-plp", "kota-palopo", new() { ["kind"] = "badan", ["agency"] = "bappeda" });
        for (var i = 1; i <= members; i++) builder.Employee($"e-{i}", "bappeda-plp", new() { ["employment"] = "pns", ["position"] = "pelaksana" });
        return (engine, engine.Facts.Build(builder).Value!);
    }

    [Theory]
    [InlineData(4)]
    [InlineData(6)]
    [InlineData(9)]
    public void The_roster_keeps_each_member_to_the_cycle_and_each_day_to_the_floor(int members)
    {
        var (engine, facts) = Load(members);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        var workingDays = plan.Entries.Where(e => e.Place != RosterPlace.Off).Select(e => e.Date).Distinct().Order().ToList();
        workingDays.Should().HaveCount(9);   // two weeks, a holiday out
        foreach (var member in facts.Employees)
        {
            var places = workingDays.Select(d => plan.PlaceOf(member, d)).ToList();
            // One office day, then three at home, over and over, from wherever the member starts.
            var first = places.IndexOf(RosterPlace.Office);
            first.Should().BeInRange(0, 3, member);
            for (var i = 0; i < places.Count; i++)
                places[i].Should().Be(i >= first && (i - first) % 4 == 0 ? RosterPlace.Office : RosterPlace.Home, $"{member} on working day {i}");
        }
        foreach (var day in workingDays)
            facts.Employees.Count(e => plan.PlaceOf(e, day) == RosterPlace.Office).Should().BeGreaterThanOrEqualTo(1, $"the floor on {day}");
        engine.Rosters.Check(facts, Monday, Friday, plan.Entries).Holds.Should().BeTrue();
    }

    [Fact]
    public void A_pool_too_small_for_the_cycle_and_the_floor_is_named_by_the_check()
    {
        var (engine, facts) = Load(2);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        var report = engine.Rosters.Check(facts, Monday, Friday, plan.Entries);
        report.Holds.Should().BeFalse();
        report.Issues.Should().OnlyContain(i => i.Message.Contains("at least 1 kept"));
        PolicyAnalysis.Check([Repo.Path("samples", "circulars", "readings", "in-turns")], analyze: true).Diagnostics
            .Should().Contain(d => d.Code == "WP0325" && d.Accepted != null && d.Message.Contains("pools of 4 or more"));
    }

    [Fact]
    public void Attendance_asks_the_check_ins_of_the_days_at_home_only()
    {
        var (engine, facts) = Load(4);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        var report = engine.Rosters.Attendance(facts, Monday, Friday, plan.Entries);
        report.Days.Should().NotBeEmpty();
        foreach (var day in report.Days) plan.PlaceOf(day.Employee, day.Date).Should().Be(RosterPlace.Home, $"{day.Employee} on {day.Date}");
        // Every home day of every member asks its check-ins: three in four working days.
        report.Days.Should().HaveCount(plan.Entries.Count(e => e.Place == RosterPlace.Home));
    }
}
