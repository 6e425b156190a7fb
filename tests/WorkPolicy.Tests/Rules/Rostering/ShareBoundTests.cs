using FluentAssertions;
using NodaTime;
using Xunit;

namespace WorkPolicy.Tests;

/// <summary>
/// Shares with a floor (<c>at-least 30%</c>: "sekurang-kurangnya 30 %"), a range (<c>between 25% and 30%</c>) and persons
/// kept at the place whatever the share (<c>at-least 1 person</c>: "keep a small office staffed"): decisions say the
/// bound and read back equal, rosters plan within it, <c>roster --check</c> holds rosters to it, the YAML twin and the
/// printed DSL decide alike, and <c>check --analyze</c> names the pool sizes a range holds no whole count for.
/// </summary>
public class ShareBoundTests
{
    private static readonly string Vocabulary = File.ReadAllText(Repo.Path("samples", "circulars", "vocabulary.wp"));
    private static readonly LocalDate Monday = new(2021, 7, 5), Friday = new(2021, 7, 9);

    private static string Circular(string share) => $$"""
        circular floors {
          number "800/2021"
          issuer "Wali Kota Palopo"
          region kota-palopo
          period from 2021-07-01
          provision staff {
            cite "1" "sekurang-kurangnya"
            scope asn
            mode rotation
            pool staff per top-unit office {{share}}
          }
        }
        """;

    private static PolicyEngine Engine(string share)
    {
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.wp", Circular(share))]);
        loaded.Diagnostics.Where(d => d.Severity == Severity.Error).Should().BeEmpty();
        return loaded.Value!;
    }

    /// <summary>One unit of <paramref name="members"/> pelaksana.</summary>
    private static PolicyFacts Staff(PolicyEngine engine, int members)
    {
        var builder = new FactsBuilder("staff").Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" });
        for (var i = 1; i <= members; i++) builder.Employee($"e-{i}", "disdik", new() { ["employment"] = "pns", ["position"] = "pelaksana" });
        return engine.Facts.Build(builder).Value!;
    }

    [Theory]
    [InlineData("at-least 30%", 5, ShareBound.AtLeast, 2, null)]             // rounded up when no rounding is stated: 1.5 → 2
    [InlineData("at-least 30% rounding down", 5, ShareBound.AtLeast, 1, null)]
    [InlineData("between 20% and 40%", 5, ShareBound.Between, 1, 2)]
    [InlineData("between 25% and 30%", 5, ShareBound.Between, 2, 2)]         // no whole count in 1.25–1.5: the least above the bottom
    [InlineData("at-most 10% rounding down at-least 1 person", 5, ShareBound.AtMost, 1, null)]
    [InlineData("at-most 25% rounding down", 3, ShareBound.AtMost, 0, null)]
    [InlineData("at-most 25% rounding down at-least 1 person", 3, ShareBound.AtMost, 1, null)]
    public void Rosters_plan_within_the_bound(string share, int members, ShareBound bound, int quota, int? highest)
    {
        var engine = Engine(share);
        var facts = Staff(engine, members);
        var plan = engine.Rosters.Plan(facts, Monday, Friday);
        plan.Pools.Should().HaveCount(5).And.OnlyContain(p => p.Bound == bound && p.Quota == quota && p.Highest == highest && p.Holds);
        plan.Pools.Should().OnlyContain(p => p.AtPlace == quota, "the planner places the least count the bound allows");
        engine.Rosters.Check(facts, Monday, Friday, plan.Entries).Holds.Should().BeTrue();
    }

    [Fact]
    public void Roster_check_holds_a_roster_to_the_floor_and_the_range()
    {
        var floor = Engine("at-least 30%");
        var facts = Staff(floor, 5);
        var nobody = facts.Employees.Select(e => new RosterEntry(e, Monday, RosterPlace.Home)).ToList();
        var report = floor.Rosters.Check(facts, Monday, Monday, nobody);
        report.Holds.Should().BeFalse();
        report.Issues.Should().ContainSingle().Which.Message.Should().Contain("0 of 5 at the office; the quota is at least 2");
        var everyone = facts.Employees.Select(e => new RosterEntry(e, Monday, RosterPlace.Office)).ToList();
        floor.Rosters.Check(facts, Monday, Monday, everyone).Holds.Should().BeTrue("a floor has no ceiling");

        var range = Engine("between 20% and 40%");
        var three = facts.Employees.Select((e, i) => new RosterEntry(e, Monday, i < 3 ? RosterPlace.Office : RosterPlace.Home)).ToList();
        var over = range.Rosters.Check(Staff(range, 5), Monday, Monday, three);
        over.Issues.Should().ContainSingle().Which.Message.Should().Contain("3 of 5 at the office; the quota is between 1 and 2");
        var two = facts.Employees.Select((e, i) => new RosterEntry(e, Monday, i < 2 ? RosterPlace.Office : RosterPlace.Home)).ToList();
        range.Rosters.Check(Staff(range, 5), Monday, Monday, two).Holds.Should().BeTrue();

        var staffed = Engine("at-most 25% rounding down at-least 1 person");
        var small = Staff(staffed, 3);
        var empty = small.Employees.Select(e => new RosterEntry(e, Monday, RosterPlace.Home)).ToList();
        staffed.Rosters.Check(small, Monday, Monday, empty).Issues.Should().ContainSingle().Which.Message.Should().Contain("at most 1 and at least 1");
    }

    [Theory]
    [InlineData("at-least 30%", "at-least", "30", null, 0)]
    [InlineData("between 25% and 30%", "between", "25", "30", 0)]
    [InlineData("at-most 25% rounding down at-least 1 person", "at-most", "25", null, 1)]
    public void A_decision_says_the_bound_and_reads_back_equal(string share, string bound, string percent, string? high, int minPersons)
    {
        var engine = Engine(share);
        var decision = engine.Decide(Staff(engine, 4), "e-1", Monday);
        decision.Mode.Should().Be(WorkMode.Rotation);
        var json = PolicyJson.Serialize(decision, indented: false);
        using var document = System.Text.Json.JsonDocument.Parse(json);
        var quota = document.RootElement.GetProperty("pool").GetProperty("quota");
        quota.GetProperty("bound").GetString().Should().Be(bound);
        quota.GetProperty("percent").GetRawText().Should().Be(percent);
        (quota.TryGetProperty("percent_high", out var top) ? top.GetRawText() : null).Should().Be(high);
        (quota.TryGetProperty("min_persons", out var min) ? min.GetInt32() : 0).Should().Be(minPersons);
        PolicyJson.Deserialize(json).Should().Be(decision);
        decision.Pool!.ToString().Should().Contain(bound.Replace('-', ' '));
    }

    [Theory]
    [InlineData("at-least 30%")]
    [InlineData("between 25% and 30%")]
    [InlineData("at-most 25% rounding down at-least 2 persons")]
    public void The_YAML_twin_and_the_printed_DSL_decide_alike(string share)
    {
        var folder = Directory.CreateTempSubdirectory("wp-shares-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            var dsl = Path.Combine(folder, "floors.wp");
            File.WriteAllText(dsl, Circular(share));
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(folder, "twin", "floors.yaml"));
            yaml.Value.Should().NotBeNull(string.Join("; ", yaml.Diagnostics));
            yaml.Value.Should().Contain("bound:");
            var original = Engine(share);
            var twin = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.yaml", yaml.Value!)]).Value!;
            var printed = RuleFiles.FormatText(dsl, Circular(share).Replace("    pool", "      pool"));
            var reprinted = printed.Value ?? Circular(share);
            var back = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.wp", reprinted)]).Value!;
            foreach (var members in new[] { 1, 3, 4, 5, 7 })
            {
                var facts = Staff(original, members);
                var expected = original.Rosters.Plan(facts, Monday, Friday).Pools;
                twin.Rosters.Plan(Staff(twin, members), Monday, Friday).Pools.Should().Equal(expected);
                back.Rosters.Plan(Staff(back, members), Monday, Friday).Pools.Should().Equal(expected);
                twin.Decide(Staff(twin, members), "e-1", Monday).Should().Be(original.Decide(facts, "e-1", Monday));
            }
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Analysis_names_the_pool_sizes_a_range_holds_no_whole_count_for()
    {
        var folder = Directory.CreateTempSubdirectory("wp-range-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            File.WriteAllText(Path.Combine(folder, "floors.wp"), Circular("between 25% and 30%"));
            var report = PolicyAnalysis.Check([folder], analyze: true);
            var d = report.Diagnostics.Should().ContainSingle(x => x.Code == "WP0323").Subject;
            d.Message.Should().Contain("between 25% and 30%").And.Contain("pools of 1, 2, 3, 5");
            File.WriteAllText(Path.Combine(folder, "floors.wp"), Circular("between 0% and 50%"));
            PolicyAnalysis.Check([folder], analyze: true).Diagnostics.Should().NotContain(x => x.Code == "WP0323", "a range from none holds a count for every size");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Theory]
    [InlineData("minimum 30%", "a share: N%, N/M, at-most N%, at-least N% or between N% and M%")]
    [InlineData("30% minimum", "'minimum' after the share of a pool: a pool reads")]
    [InlineData("between 30% and 25%", "ends below its start")]
    [InlineData("between 25%", "'and M%'")]
    [InlineData("at-most 25% at-least 0 person", "not a usable number of persons")]
    [InlineData("25% cycle 0 office 1 home", "not a usable cycle")]
    [InlineData("25% cycle 2 office", "days at home (cycle 2 office 1 home)")]
    public void A_share_the_language_cannot_read_says_what_it_expects(string share, string expected)
    {
        var loaded = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.wp", Circular(share))]);
        loaded.Value.Should().BeNull();
        loaded.Diagnostics.Should().Contain(d => d.Severity == Severity.Error && d.Message.Contains(expected) && d.Span.Path == "floors.wp");
    }

    [Theory]
    [InlineData("1/3 rounding down", 3, 1)]
    [InlineData("1/3 rounding down", 6, 2)]
    [InlineData("1/3 rounding down", 4, 1)]
    [InlineData("2/3 rounding up", 4, 3)]
    [InlineData("at-most 1/3 rounding down", 9, 3)]
    public void A_share_as_a_fraction_gives_whole_persons_where_the_fraction_does(string share, int members, int quota)
    {
        var engine = Engine(share);
        var plan = engine.Rosters.Plan(Staff(engine, members), Monday, Friday);
        plan.Pools.Should().OnlyContain(p => p.Quota == quota && p.AtPlace == quota && p.Holds, "a third of three is one person, not 0.99… rounded down");
        var decision = engine.Decide(Staff(engine, members), "e-1", Monday);
        PolicyJson.Deserialize(PolicyJson.Serialize(decision, indented: false)).Should().Be(decision);
        decision.Pool!.Words().Should().Contain(share.Split(' ').First(w => w.Contains('/')), "the share shown as written");
    }

    [Fact]
    public void A_third_taken_in_turns_places_one_of_a_pool_of_one_every_third_day_and_prints_as_written()
    {
        var engine = Engine("1/3 rounding turns");
        var plan = engine.Rosters.Plan(Staff(engine, 1), new LocalDate(2021, 7, 5), new LocalDate(2021, 7, 13));
        plan.Pools.Select(p => p.AtPlace).Should().Equal(0, 0, 1, 0, 0, 1, 0);
        var folder = Directory.CreateTempSubdirectory("wp-third-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            var dsl = Path.Combine(folder, "floors.wp");
            File.WriteAllText(dsl, Circular("1/3 rounding turns"));
            RuleFiles.Convert(dsl, RuleEncoding.Dsl).Value.Should().Contain("office 1/3 rounding turns");
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(folder, "floors.yaml")).Value!;
            yaml.Should().Contain("percent: 1/3");
            var twin = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.yaml", yaml)]).Value!;
            twin.Rosters.Plan(Staff(twin, 1), new LocalDate(2021, 7, 5), new LocalDate(2021, 7, 13)).Pools.Should().Equal(plan.Pools);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Members_of_a_pool_in_a_cycle_keep_it_staggered_so_each_day_holds_the_share()
    {
        var engine = Engine("2/3 cycle 2 office 1 home");
        var facts = Staff(engine, 3);
        var (from, to) = (new LocalDate(2021, 7, 5), new LocalDate(2021, 7, 16));
        var plan = engine.Rosters.Plan(facts, from, to);
        plan.Pools.Should().HaveCount(10).And.OnlyContain(p => p.AtPlace == 2 && p.Holds, "two of three at the office every working day");
        foreach (var member in facts.Employees)
        {
            var places = plan.Entries.Where(e => e.Employee == member && e.Place != RosterPlace.Off).Select(e => e.Place == RosterPlace.Office ? 'o' : 'h');
            string.Concat(places).Should().MatchRegex("^(o?o?h)?(ooh)*(o|oo)?$", $"{member} keeps two days at the office, one at home");
        }
        engine.Rosters.Check(facts, from, to, plan.Entries).Holds.Should().BeTrue();

        // Three days running at the office breaks the cycle (and the day's share).
        var broken = plan.Entries.Select(e => e.Employee == "e-1" && e.Date <= new LocalDate(2021, 7, 7) ? e with { Place = RosterPlace.Office } : e).ToList();
        var report = engine.Rosters.Check(facts, from, to, broken);
        report.Issues.Should().Contain(i => i.Employee == "e-1" && i.Message.Contains("does not keep to the cycle of 2 working day(s) at the office then 1 at home"));

        var decision = engine.Decide(facts, "e-1", from);
        var json = PolicyJson.Serialize(decision, indented: false);
        json.Should().Contain("\"cycle\":{\"office\":2,\"home\":1}");
        PolicyJson.Deserialize(json).Should().Be(decision);
        decision.Pool!.ToString().Should().Contain("each 2 day(s) at the office then 1 at home");
    }

    [Fact]
    public void A_cycle_reads_the_same_in_YAML_and_analysis_says_when_it_breaks_the_share()
    {
        var folder = Directory.CreateTempSubdirectory("wp-cycle-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            var dsl = Path.Combine(folder, "floors.wp");
            File.WriteAllText(dsl, Circular("2/3 cycle 2 office 1 home"));
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(folder, "floors.yaml")).Value!;
            yaml.Should().Contain("cycle: { office: 2, home: 1 }");
            RuleFiles.Convert(dsl, RuleEncoding.Dsl).Value.Should().Contain("office 2/3 rounding down cycle 2 office 1 home");
            var twin = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.yaml", yaml)]).Value!;
            var original = Engine("2/3 cycle 2 office 1 home");
            foreach (var members in new[] { 1, 3, 4 })
                twin.Rosters.Plan(Staff(twin, members), Monday, Friday).Entries.Should().Equal(original.Rosters.Plan(Staff(original, members), Monday, Friday).Entries);
            PolicyAnalysis.Check([folder], analyze: true).Diagnostics.Should().NotContain(d => d.Code == "WP0325");
            File.WriteAllText(dsl, Circular("at-most 25% cycle 2 office 1 home"));
            PolicyAnalysis.Check([folder], analyze: true).Diagnostics.Should().ContainSingle(d => d.Code == "WP0325")
                .Which.Message.Should().Contain("puts 2/3 of the pool at the office on average").And.Contain("at most 25%");
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void No_member_is_planned_at_the_office_two_working_days_running_and_the_check_says_when_a_roster_does()
    {
        var engine = Engine("50% no-consecutive-office-days");
        var facts = Staff(engine, 4);
        var (from, to) = (new LocalDate(2021, 7, 5), new LocalDate(2021, 7, 16));
        var plan = engine.Rosters.Plan(facts, from, to);
        plan.Pools.Should().OnlyContain(p => p.AtPlace == 2 && p.Holds);
        foreach (var member in facts.Employees)
            string.Concat(plan.Entries.Where(e => e.Employee == member && e.Place != RosterPlace.Off).Select(e => e.Place == RosterPlace.Office ? 'o' : 'h'))
                .Should().NotContain("oo", $"{member} is never at the office two working days running");
        engine.Rosters.Check(facts, from, to, plan.Entries).Holds.Should().BeTrue();
        // e-1 at the office Monday and Tuesday (and e-2 home on Tuesday to keep the share).
        var broken = plan.Entries.Select(e => (e.Employee, e.Date) switch
        {
            ("e-1", var d) when d == new LocalDate(2021, 7, 5) || d == new LocalDate(2021, 7, 6) => e with { Place = RosterPlace.Office },
            _ => e,
        }).ToList();
        engine.Rosters.Check(facts, from, to, broken).Issues.Should().Contain(i => i.Employee == "e-1" && i.Message.Contains("two working days running (2021-07-05 and 2021-07-06)"));
        var decision = engine.Decide(facts, "e-1", from);
        PolicyJson.Serialize(decision, indented: false).Should().Contain("\"no_consecutive_office_days\":true");
        PolicyJson.Deserialize(PolicyJson.Serialize(decision, indented: false)).Should().Be(decision);
        decision.Pool!.Words().Should().Be("50%, never two office days running");
        var folder = Directory.CreateTempSubdirectory("wp-apart-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            var dsl = Path.Combine(folder, "floors.wp");
            File.WriteAllText(dsl, Circular("50% no-consecutive-office-days"));
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(folder, "floors.yaml")).Value!;
            yaml.Should().Contain("no_consecutive_office_days: true");
            RuleFiles.Convert(dsl, RuleEncoding.Dsl).Value.Should().Contain("office 50% rounding down no-consecutive-office-days");
            var twin = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.yaml", yaml)]).Value!;
            twin.Rosters.Plan(Staff(twin, 4), from, to).Entries.Should().Equal(plan.Entries);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void Fixed_shift_groups_take_turns_each_holding_every_function_of_the_unit()
    {
        var engine = Engine("1/3 groups 3 by position");
        var builder = new FactsBuilder("staff").Unit("disdik", "kota-palopo", new() { ["kind"] = "dinas", ["agency"] = "disdik" });
        foreach (var (id, position) in new[] { ("a-1", "pelaksana"), ("a-2", "pelaksana"), ("a-3", "pelaksana"), ("b-1", "fungsional"), ("b-2", "fungsional"), ("b-3", "fungsional") })
            builder.Employee(id, "disdik", new() { ["employment"] = "pns", ["position"] = position });
        var facts = engine.Facts.Build(builder).Value!;
        var (from, to) = (new LocalDate(2021, 7, 5), new LocalDate(2021, 7, 16));
        var plan = engine.Rosters.Plan(facts, from, to);
        plan.Pools.Should().OnlyContain(p => p.AtPlace == 2 && p.Holds, "one group of two a day");
        foreach (var day in plan.Entries.Where(e => e.Place == RosterPlace.Office).GroupBy(e => e.Date))
            day.Select(e => e.Employee[0]).Should().BeEquivalentTo(new[] { 'a', 'b' }, $"{day.Key}: a pelaksana and a fungsional");
        engine.Rosters.Check(facts, from, to, plan.Entries).Holds.Should().BeTrue();
        // Swap one member's days with another of the other function: two pelaksana at the office together.
        var monday = plan.Entries.Where(e => e.Date == from && e.Place == RosterPlace.Office).Select(e => e.Employee).ToList();
        var fungsional = monday.Single(e => e[0] == 'b');
        var otherPelaksana = facts.Employees.First(e => e[0] == 'a' && !monday.Contains(e));
        var swapped = plan.Entries.Select(e => e.Date != from ? e : e.Employee == fungsional ? e with { Place = RosterPlace.Home } : e.Employee == otherPelaksana ? e with { Place = RosterPlace.Office } : e).ToList();
        engine.Rosters.Check(facts, from, to, swapped).Issues.Should().Contain(i => i.Message.Contains("no position 'fungsional' at the office, though each of the 3 groups holds one"));
        engine.Decide(facts, "a-1", from).Pool!.Words().Should().Be("1/3, 3 groups by position taking turns");
        var refused = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.wp", Circular("1/3 groups 3 by positon"))]);
        refused.Diagnostics.Should().Contain(d => d.Message.Contains("employee.positon") && d.Message.Contains("did you mean"));
        var folder = Directory.CreateTempSubdirectory("wp-groups-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            var dsl = Path.Combine(folder, "floors.wp");
            File.WriteAllText(dsl, Circular("1/3 groups 3 by position"));
            var yaml = RuleFiles.Convert(dsl, RuleEncoding.Yaml, Path.Combine(folder, "floors.yaml")).Value!;
            yaml.Should().Contain("groups: { count: 3, by: position }");
            RuleFiles.Convert(dsl, RuleEncoding.Dsl).Value.Should().Contain("office 1/3 rounding down groups 3 by position");
            var twin = PolicyEngine.Load([new RuleSource("vocabulary.wp", Vocabulary), new RuleSource("floors.yaml", yaml)]).Value!;
            twin.Rosters.Plan(twin.Facts.Build(builder).Value!, from, to).Entries.Should().Equal(plan.Entries);
            var decision = engine.Decide(facts, "a-1", from);
            PolicyJson.Deserialize(PolicyJson.Serialize(decision, indented: false)).Should().Be(decision);
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    [Fact]
    public void A_fraction_is_named_as_written_in_the_analysis_and_the_check()
    {
        // 1/3 is 33.333… % inside: the messages an analyst reads say 1/3, as the rule does.
        var folder = Directory.CreateTempSubdirectory("wp-fraction-").FullName;
        try
        {
            File.WriteAllText(Path.Combine(folder, "vocabulary.wp"), Vocabulary);
            File.WriteAllText(Path.Combine(folder, "floors.wp"), Circular("1/3 rounding down"));
            var analysis = PolicyAnalysis.Check([folder], analyze: true);
            analysis.Diagnostics.Should().Contain(d => d.Code == "WP0318" && d.Message.Contains("'staff': 1/3 rounded down gives no office place to a pool of fewer than 3"));
            analysis.Diagnostics.Should().NotContain(d => d.Message.Contains("33.33"));
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }

        var engine = Engine("1/3 rounding down");
        var facts = Staff(engine, 6);
        var everyoneIn = engine.Rosters.Plan(facts, Monday, Friday).Entries.Select(e => e with { Place = RosterPlace.Office }).ToList();
        var report = engine.Rosters.Check(facts, Monday, Friday, everyoneIn);
        report.Issues.Should().Contain(i => i.Message.Contains("6 of 6 at the office; the quota is 2 (1/3 rounded down)"));
    }
}
