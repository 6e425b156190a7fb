using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// The sample that uses fixed shift groups (samples/circulars/readings/in-groups: Palopo read with point 3's turns as
/// four groups taking turns by position, point 1's quarter at the office on average): its roster puts
/// one group at the office each working day, every group holding every position the perangkat daerah has four of, and
/// its own check holds it, and a roster that breaks a group is named.
/// </summary>
public class InGroupsReadingTests
{
    private static readonly LocalDate Monday = new(2021, 8, 2), Friday = new(2021, 8, 13);

    private static (PolicyEngine Engine, PolicyFacts Facts) Load(int pelaksana, int fungsional)
    {
        var engine = PolicyEngine.Load(Repo.Path("samples", "circulars", "readings", "in-groups")).Value!;
        var builder = new FactsBuilder("staff")
            .RegionStatus("kota-palopo", "ppkm", new LocalDate(2021, 7, 26), new() { ["level"] = 4 })
            .Calendar([IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday], [new LocalDate(2021, 8, 11)])
            .Unit("bappeda-plp", "kota-palopo", new() { ["kind"] = "badan", ["agency"] = "bappeda" });
        for (var i = 1; i <= pelaksana; i++) builder.Employee($"p-{i}", "bappeda-plp", new() { ["employment"] = "pns", ["position"] = "pelaksana" });
        for (var i = 1; i <= fungsional; i++) builder.Employee($"f-{i}", "bappeda-plp", new() { ["employment"] = "pns", ["position"] = "fungsional" });
        return (engine, engine.Facts.Build(builder).Value!);
    }

    [Theory]
    [InlineData(4, 4)]
    [InlineData(5, 4)]
    [InlineData(8, 6)]
    public void One_group_a_day_each_holding_every_position_the_unit_has_four_of(int pelaksana, int fungsional)
    {
        var (engine, facts) = Load(pelaksana, fungsional);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        var workingDays = plan.Entries.Where(e => e.Place != RosterPlace.Off).Select(e => e.Date).Distinct().Order().ToList();
        workingDays.Should().HaveCount(9);   // two weeks, a holiday out
        foreach (var member in facts.Employees)
        {
            // A fixed group: at the office every fourth working day, from the group's first day on.
            var office = workingDays.Select((d, i) => (d, i)).Where(x => plan.PlaceOf(member, x.d) == RosterPlace.Office).Select(x => x.i).ToList();
            office.Should().NotBeEmpty(member);
            office.Zip(office.Skip(1), (a, b) => b - a).Should().OnlyContain(gap => gap == 4, member);
            office[0].Should().BeInRange(0, 3, member);
        }
        foreach (var day in workingDays)
        {
            var present = facts.Employees.Where(e => plan.PlaceOf(e, day) == RosterPlace.Office).ToList();
            present.Should().Contain(e => e.StartsWith("p-"), $"a pelaksana at the office on {day}");
            present.Should().Contain(e => e.StartsWith("f-"), $"a fungsional at the office on {day}");
        }
        var check = engine.Rosters.Check(facts, Monday, Friday, plan.Entries);
        check.Holds.Should().BeTrue(string.Join("; ", check.Issues.Take(5).Select(i => i.Message)));
    }

    [Fact]
    public void A_roster_that_breaks_a_group_is_named_by_the_check()
    {
        var (engine, facts) = Load(4, 4);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        // p-1 comes in again the day after its group's day: one office day in four no longer holds for it.
        var firstDay = plan.Entries.Where(e => e.Employee == "p-1" && e.Place == RosterPlace.Office).Min(e => e.Date);
        var next = plan.Entries.Where(e => e.Employee == "p-1" && e.Date > firstDay && e.Place == RosterPlace.Home).Min(e => e.Date);
        var broken = plan.Entries.Select(e => e.Employee == "p-1" && e.Date == next ? e with { Place = RosterPlace.Office } : e).ToList();
        var report = engine.Rosters.Check(facts, Monday, Friday, broken);
        report.Holds.Should().BeFalse();
        report.Issues.Should().Contain(i => i.Employee == "p-1");
    }

    [Fact]
    public void A_pool_smaller_than_the_groups_has_its_empty_group_on_the_day_the_share_in_turns_gives_nobody()
    {
        // A quarter of three, taken in turns, is 0, 1, 1 and 1 persons: one of the four groups is empty, and its turn is
        // the day the share gives nobody.
        var (engine, facts) = Load(3, 0);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        var workingDays = plan.Entries.Where(e => e.Place != RosterPlace.Off).Select(e => e.Date).Distinct().Order().ToList();
        var office = workingDays.Select(d => facts.Employees.Count(e => plan.PlaceOf(e, d) == RosterPlace.Office)).ToList();
        office.Should().Equal(0, 1, 1, 1, 0, 1, 1, 1, 0);
        engine.Rosters.Check(facts, Monday, Friday, plan.Entries).Holds.Should().BeTrue();
    }
}
